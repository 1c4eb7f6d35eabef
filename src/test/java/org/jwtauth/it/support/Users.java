package org.jwtauth.it.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The container realm's users, as a deployer would list them in tomcat-users.xml or a Jetty
 * realm.properties file. Immutable: {@link #with} returns a new value.
 */
public final class Users {

    /** One realm user: a clear-text password and the roles the realm grants. */
    public record User(String password, Set<String> roles) {
    }

    private final Map<String, User> users;

    private Users(Map<String, User> users) {
        this.users = Map.copyOf(users);
    }

    public static Users none() {
        return new Users(Map.of());
    }

    public Users with(String username, String password, String... roles) {
        Map<String, User> copy = new LinkedHashMap<>(users);
        copy.put(username, new User(password, Set.of(roles)));
        return new Users(copy);
    }

    public Map<String, User> asMap() {
        return users;
    }
}
