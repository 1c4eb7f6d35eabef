package org.jwtauth.token;

import java.io.Serializable;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The caller of a request, as the verified access token describes them. {@link #getName()} is {@code sub};
 * every claim is available through {@link #claims()}.
 */
public final class JwtPrincipal implements Principal, Serializable {
    private static final long serialVersionUID = 1L;

    private final String subject;
    private final String sessionId;
    private final Set<String> roles;
    private final Instant expiresAt;
    private final Map<String, Object> claims;

    public JwtPrincipal(String subject, String sessionId, Set<String> roles, Instant expiresAt,
                        Map<String, Object> claims) {
        this.subject = subject;
        this.sessionId = sessionId;
        this.roles = Set.copyOf(roles);
        this.expiresAt = expiresAt;
        this.claims = frozen(claims);
    }

    /**
     * A read-only copy all the way down: the filter's cache hands the same principal to every request with the
     * same token, so no application code may change what the next request sees.
     */
    @SuppressWarnings("unchecked")
    private static <T> T frozen(T value) {
        if (value instanceof Map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> copy.put(k, frozen(v)));
            return (T) Collections.unmodifiableMap(copy);
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>();
            ((List<?>) value).forEach(v -> copy.add(frozen(v)));
            return (T) Collections.unmodifiableList(copy);
        }
        return value;
    }

    @Override
    public String getName() {
        return subject;
    }

    /** The refresh-token family ({@code sid}) this access token belongs to. */
    public String sessionId() {
        return sessionId;
    }

    /** The token's {@code jti}, which our own tokens always carry; empty for a trusted issuer's token without one. */
    public Optional<String> tokenId() {
        Object jti = claims.get("jti");
        return jti instanceof String ? Optional.of((String) jti) : Optional.empty();
    }

    public Set<String> roles() {
        return roles;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** All claims of the token, read-only down to nested objects and arrays (values as jose4j's JSON parser gives them). */
    public Map<String, Object> claims() {
        return claims;
    }

    public Optional<Object> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JwtPrincipal && ((JwtPrincipal) o).claims.equals(claims);
    }

    @Override
    public int hashCode() {
        return claims.hashCode();
    }

    @Override
    public String toString() {
        return "JwtPrincipal[" + subject + "]";
    }
}
