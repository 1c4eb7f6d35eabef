package org.jwtauth.token;

import java.util.Map;
import java.util.Optional;

import org.jose4j.base64url.Base64Url;
import org.jose4j.json.JsonUtil;
import org.jwtauth.token.InvalidTokenException.Reason;

/**
 * What the filter verifies bearer tokens with: this application's own access tokens, and, when configured, those
 * of one trusted issuer. The issuer's rules and keys must be chosen before the signature can be checked, so the
 * unverified {@code iss} only selects which verifier runs; that verifier then checks everything, {@code iss}
 * included. A token whose {@code iss} is not the trusted issuer goes to our own verifier, which refuses any
 * issuer but ours.
 */
public final class BearerTokenVerifier {

    private final AccessTokenVerifier own;
    private final String trustedIssuer;
    private final TrustedIssuerVerifier trusted;

    public BearerTokenVerifier(AccessTokenVerifier own) {
        this(own, null, null);
    }

    public BearerTokenVerifier(AccessTokenVerifier own, String trustedIssuer, TrustedIssuerVerifier trusted) {
        this.own = own;
        this.trustedIssuer = trustedIssuer;
        this.trusted = trusted;
    }

    public JwtPrincipal verify(String token) throws InvalidTokenException {
        if (trusted != null && !TokenShape.isCompactJws(token)) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        if (trusted != null && unverifiedIssuer(token).filter(trustedIssuer::equals).isPresent()) {
            return trusted.verify(token);
        }
        return own.verify(token);
    }

    /** The payload's iss, read without trusting it (TokenShape has bounded the size already). */
    private static Optional<String> unverifiedIssuer(String token) {
        try {
            int first = token.indexOf('.');
            String payload = token.substring(first + 1, token.indexOf('.', first + 1));
            Map<String, Object> claims = JsonUtil.parseJson(Base64Url.decodeToUtf8String(payload));
            Object iss = claims.get("iss");
            return iss instanceof String ? Optional.of((String) iss) : Optional.empty();
        } catch (Exception | StackOverflowError e) {
            return Optional.empty();
        }
    }
}
