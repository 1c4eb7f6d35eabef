package org.jwtauth.web;

import java.time.Clock;

import org.jwtauth.config.Settings;
import org.jwtauth.config.SigningAlgorithm;
import org.jwtauth.config.TrustedIssuerSettings;
import org.jwtauth.refresh.RefreshTokens;
import org.jwtauth.token.AccessTokenVerifier;
import org.jwtauth.token.AsymmetricSigningKeys;
import org.jwtauth.token.BearerTokenVerifier;
import org.jwtauth.token.HmacSigningKeys;
import org.jwtauth.token.JwksFetcher;
import org.jwtauth.token.RemoteJwks;
import org.jwtauth.token.RuntimeSupport;
import org.jwtauth.token.SigningKeys;
import org.jwtauth.token.TrustedIssuerVerifier;

/** Builds the key-dependent parts for {@link JwtAuthListener}: signing keys, the successor key, the bearer verifier. */
final class KeyComponentsFactory {

    private KeyComponentsFactory() {
    }

    /** The shared secret for HS*, else the keys of {@code jwtauth.keys}. */
    static SigningKeys signingKeys(Settings settings) {
        return settings.algorithm().isSymmetric() ? new HmacSigningKeys(settings.algorithm(), settings.secret())
                : AsymmetricSigningKeys.load(settings.algorithm(), settings.keyFiles());
    }

    /**
     * The refresh retry window's successor key (design section 2, step 5), derived from the HMAC secret or, for
     * asymmetric algorithms, from the signing private key, so no further secret has to be configured. Rotating the
     * signing key changes it; only a retry that straddles that restart is affected.
     */
    static byte[] successorKey(Settings settings, SigningKeys keys) {
        byte[] seed = keys instanceof AsymmetricSigningKeys ? ((AsymmetricSigningKeys) keys).derivationSeed()
                : settings.secret();
        return RefreshTokens.deriveSuccessorKey(seed);
    }

    /** Our own verifier, plus the trusted issuer's when {@code jwtauth.trusted.issuer} is set. */
    static BearerTokenVerifier bearerVerifier(Settings settings, AccessTokenVerifier own, Clock clock) {
        if (settings.trustedIssuer().isEmpty()) {
            return new BearerTokenVerifier(own);
        }
        TrustedIssuerSettings trusted = settings.trustedIssuer().get();
        for (SigningAlgorithm algorithm : trusted.algorithms()) {
            RuntimeSupport.requireAlgorithm(algorithm, "jwtauth.trusted.algorithms");
        }
        RemoteJwks jwks = new RemoteJwks(new JwksFetcher(trusted.jwksUri(), trusted.timeout()),
                trusted.refreshInterval(), trusted.cacheLifetime(), clock);
        return new BearerTokenVerifier(own, trusted.issuer(),
                new TrustedIssuerVerifier(trusted, jwks, settings.clockSkew(), clock));
    }
}
