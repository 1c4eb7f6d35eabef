package org.jwtauth.token;

import java.time.Instant;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jwtauth.token.InvalidTokenException.Reason;

/**
 * The one mapping from verified claims to a {@link JwtPrincipal}, for our tokens and the trusted issuer's alike:
 * a non-empty {@code sub}; for our own tokens also {@code sid} and {@code jti} (design section 5); the roles as
 * {@link RolesClaim} reads them. A value of the wrong type refuses the token.
 */
final class PrincipalMapper {

    private final RolesClaim roles;
    private final boolean ownTokens;

    PrincipalMapper(RolesClaim roles, boolean ownTokens) {
        this.roles = roles;
        this.ownTokens = ownTokens;
    }

    JwtPrincipal principal(JwtClaims claims, Instant expiresAt) throws InvalidTokenException {
        try {
            String subject = requiredString(claims, "sub");
            String sessionId;
            if (ownTokens) {
                requiredString(claims, "jti");
                sessionId = requiredString(claims, AccessTokenClaims.SESSION_ID);
            } else {
                Object sid = claims.getClaimValue(AccessTokenClaims.SESSION_ID);
                sessionId = sid instanceof String ? (String) sid : null;
            }
            return new JwtPrincipal(subject, sessionId, roles.read(claims), expiresAt, claims.getClaimsMap());
        } catch (MalformedClaimException | ClassCastException | StackOverflowError e) {
            throw new InvalidTokenException(Reason.INVALID);
        }
    }

    private static String requiredString(JwtClaims claims, String name) throws InvalidTokenException,
            MalformedClaimException {
        String value = claims.getStringClaimValue(name);
        if (value == null || value.isEmpty()) {
            throw new InvalidTokenException(Reason.INVALID);
        }
        return value;
    }
}
