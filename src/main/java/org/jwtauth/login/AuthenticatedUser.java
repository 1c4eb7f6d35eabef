package org.jwtauth.login;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Who logged in: the access token's {@code sub}, its roles and any further claims the authenticator adds. */
public final class AuthenticatedUser {

    private final String name;
    private final Set<String> roles;
    private final Map<String, Object> claims;

    public AuthenticatedUser(String name, Collection<String> roles, Map<String, Object> claims) {
        this.name = Objects.requireNonNull(name, "name");
        this.roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
        this.claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }

    public AuthenticatedUser(String name, Collection<String> roles) {
        this(name, roles, Map.of());
    }

    public String name() {
        return name;
    }

    public Set<String> roles() {
        return roles;
    }

    /** Extra claims; registered claims, {@code sid} and the roles claim are ignored when the token is issued. */
    public Map<String, Object> claims() {
        return claims;
    }

    @Override
    public String toString() {
        return "AuthenticatedUser[" + name + ", roles=" + roles + "]";
    }
}
