package org.jwtauth.trusted;

import java.util.Map;

import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Refuses OpenID Connect ID tokens offered as access tokens (RFC 8725 section 3.11, "Use explicit typing"). The
 * trusted issuer's tokens may be typed {@code JWT} or not at all, and when its audience is an OIDC client id its
 * ID tokens would otherwise pass: they have the same issuer, audience, key and time claims. They give themselves
 * away by claims an access token has no use for: {@code at_hash} and {@code c_hash} (OpenID Connect Core 1.0
 * sections 3.1.3.6 and 3.3.2.11) and, with Keycloak, a {@code typ} claim of {@code ID}. {@code nonce} is an ID
 * token's too (section 2), but some providers copy it into their access tokens, so refusing it is a choice.
 */
final class IdTokenRule implements ErrorCodeValidator {

    private final boolean refuseNonce;

    IdTokenRule(boolean refuseNonce) {
        this.refuseNonce = refuseNonce;
    }

    @Override
    public Error validate(JwtContext context) {
        Map<String, Object> claims = context.getJwtClaims().getClaimsMap();
        boolean idToken = claims.containsKey("at_hash") || claims.containsKey("c_hash")
                || "ID".equals(claims.get("typ")) || (refuseNonce && claims.containsKey("nonce"));
        return idToken ? new Error(ErrorCodes.MISCELLANEOUS, "an ID token, not an access token") : null;
    }
}
