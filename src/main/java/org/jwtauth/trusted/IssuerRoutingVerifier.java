package org.jwtauth.trusted;

import java.util.Map;
import java.util.Optional;

import org.jose4j.base64url.Base64Url;
import org.jose4j.json.JsonUtil;
import org.jwtauth.token.InvalidTokenException;
import org.jwtauth.token.JwtPrincipal;
import org.jwtauth.token.TokenShape;
import org.jwtauth.token.TokenVerifier;

/**
 * Chooses, by the token's unverified {@code iss}, which of two verifiers checks it: the trusted issuer's or our
 * own. The issuer's rules and keys must be chosen before the signature can be checked, so the unverified
 * {@code iss} only selects; the chosen verifier then checks everything, {@code iss} included. A token whose
 * {@code iss} is not the trusted issuer goes to our own verifier, which refuses any issuer but ours.
 */
final class IssuerRoutingVerifier implements TokenVerifier {

    private final TokenVerifier own;
    private final String trustedIssuer;
    private final TokenVerifier trusted;

    IssuerRoutingVerifier(TokenVerifier own, String trustedIssuer, TokenVerifier trusted) {
        this.own = own;
        this.trustedIssuer = trustedIssuer;
        this.trusted = trusted;
    }

    @Override
    public JwtPrincipal verify(String token) throws InvalidTokenException {
        if (!TokenShape.isCompactJws(token)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
        }
        return unverifiedIssuer(token).filter(trustedIssuer::equals).isPresent() ? trusted.verify(token)
                : own.verify(token);
    }

    /** The payload's iss, read without trusting it; TokenShape has bounded the size already. */
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
