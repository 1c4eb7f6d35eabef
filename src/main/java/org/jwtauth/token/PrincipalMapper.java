package org.jwtauth.token;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jwtauth.token.InvalidTokenException.Reason;

/**
 * The one mapping from verified claims to a {@link JwtPrincipal}, for our tokens and the trusted issuer's alike:
 * a non-empty {@code sub}; for our own tokens also {@code sid} and {@code jti} (design section 5); the roles
 * claim as an array of strings (or, where the issuer writes it so, one space-separated string, as RFC 8693's
 * {@code scope} is). A value of the wrong type, a {@code null} among the roles included, refuses the token.
 */
final class PrincipalMapper {

    private final String rolesClaim;
    private final boolean rolesMayBeOneString;
    private final boolean ownTokens;

    PrincipalMapper(String rolesClaim, boolean rolesMayBeOneString, boolean ownTokens) {
        this.rolesClaim = rolesClaim;
        this.rolesMayBeOneString = rolesMayBeOneString;
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
            return new JwtPrincipal(subject, sessionId, roles(claims), expiresAt, claims.getClaimsMap());
        } catch (MalformedClaimException | ClassCastException e) {
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

    private Set<String> roles(JwtClaims claims) throws MalformedClaimException, InvalidTokenException {
        Object value = claims.getClaimValue(rolesClaim);
        if (value == null) {
            return Set.of();
        }
        if (rolesMayBeOneString && value instanceof String) {
            return new LinkedHashSet<>(Arrays.asList(((String) value).trim().split("\\s+")));
        }
        List<String> list = claims.getStringListClaimValue(rolesClaim);
        if (list.contains(null)) {
            // jose4j lets a JSON null through as a "string"; JwtPrincipal's Set.copyOf would throw.
            throw new InvalidTokenException(Reason.INVALID);
        }
        return new LinkedHashSet<>(list);
    }
}
