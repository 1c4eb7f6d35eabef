package org.jwtauth.trusted;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import org.jose4j.lang.UnresolvableKeyException;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.Settings;
import org.jwtauth.config.SigningAlgorithm;
import org.jwtauth.config.TrustedIssuerSettings;
import org.jwtauth.keys.RuntimeSupport;
import org.jwtauth.log.Log;
import org.jwtauth.token.AccessTokenVerifier;
import org.jwtauth.token.TokenVerifier;

/**
 * This package's factory: the verifier of the trusted second issuer's tokens, with the keys of its JWKS
 * ({@link RemoteJwks}), and the routing between it and our own verifier. Gateways often type their tokens
 * {@code JWT} or not at all, so {@code typ} may be absent, {@code JWT} or {@code at+jwt} (RFC 9068 section 2.1),
 * and the {@link IdTokenRule} keeps that issuer's ID tokens out; {@code sid} is not required.
 */
public final class TrustedIssuers {

    private static final Log LOG = Log.of(TrustedIssuers.class);
    private static final Set<String> ACCEPTED_TYPES = Set.of("jwt", "at+jwt");

    private TrustedIssuers() {
    }

    /** What the filter verifies with: {@code own}, plus the trusted issuer's verifier when one is configured. */
    public static TokenVerifier bearerVerifier(Settings settings, TokenVerifier own, Clock clock) {
        if (settings.trustedIssuer().isEmpty()) {
            return own;
        }
        TrustedIssuerSettings trusted = settings.trustedIssuer().get();
        for (SigningAlgorithm algorithm : trusted.algorithms()) {
            RuntimeSupport.requireAlgorithm(algorithm, ConfigKeys.TRUSTED_ALGORITHMS);
        }
        if ("http".equalsIgnoreCase(trusted.jwksUri().getScheme())) {
            // Whoever can change the document in transit can add a key and sign any token it likes.
            LOG.warn("{} is a plain http:// URL: the trusted issuer's keys can be replaced in transit; use https://"
                    + " unless the issuer is on this host", ConfigKeys.TRUSTED_JWKS_URL);
        }
        RemoteJwks jwks = new RemoteJwks(new JwksFetcher(trusted.jwksUri(), trusted.timeout()),
                trusted.refreshInterval(), trusted.cacheLifetime(), trusted.maxStaleAge(), clock);
        return new IssuerRoutingVerifier(own, trusted.issuer(), verifier(trusted, jwks, settings, clock));
    }

    static AccessTokenVerifier verifier(TrustedIssuerSettings trusted, RemoteJwks jwks, Settings settings,
                                        Clock clock) {
        return AccessTokenVerifier.builder().issuer(trusted.issuer()).audience(trusted.audience())
                .algorithms(trusted.algorithms().stream().map(SigningAlgorithm::joseName).collect(Collectors.toList()))
                .keys((jws, nesting) -> {
                    SigningAlgorithm algorithm = SigningAlgorithm.parse(jws.getAlgorithmHeaderValue())
                            .orElseThrow(() -> new UnresolvableKeyException("algorithm"));
                    return jwks.key(jws.getKeyIdHeaderValue(), algorithm)
                            .orElseThrow(() -> new UnresolvableKeyException("unknown kid"));
                })
                .types(false, ACCEPTED_TYPES).ownTokens(false).rolesClaim(trusted.rolesClaim(), true)
                .rule(new IdTokenRule(trusted.refuseNonce()))
                .maxLifetime(trusted.maxLifetime()).clockSkew(settings.clockSkew()).clock(clock).build();
    }
}
