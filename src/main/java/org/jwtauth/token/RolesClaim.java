package org.jwtauth.token;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jwtauth.token.InvalidTokenException.Reason;

/**
 * The claim that carries an issuer's role names: a JSON array of strings, or, where the issuer writes it so, one
 * space-separated string (as RFC 8693's {@code scope} is). A value of another type, or a {@code null} among the
 * roles, refuses the token.
 */
final class RolesClaim {

    private final String name;
    private final boolean mayBeOneString;

    RolesClaim(String name, boolean mayBeOneString) {
        this.name = name;
        this.mayBeOneString = mayBeOneString;
    }

    /** The roles; none when the claim is absent. */
    Set<String> read(JwtClaims claims) throws MalformedClaimException, InvalidTokenException {
        Object value = claims.getClaimValue(name);
        if (value == null) {
            return Set.of();
        }
        if (mayBeOneString && value instanceof String) {
            return new LinkedHashSet<>(Arrays.asList(((String) value).trim().split("\\s+")));
        }
        List<String> list = claims.getStringListClaimValue(name);
        if (list.contains(null)) {
            // jose4j lets a JSON null through as a "string"; JwtPrincipal's Set.copyOf would throw.
            throw new InvalidTokenException(Reason.INVALID);
        }
        return new LinkedHashSet<>(list);
    }
}
