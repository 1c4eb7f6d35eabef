package org.jwtauth.it.recheck;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.jwtauth.login.AuthenticatedUser;
import org.jwtauth.login.UserAuthenticator;

/**
 * An application's own user table, as a legacy application keeps one: passwords, roles and a disabled flag it
 * changes in its own code (here through {@link DirectoryServlet}). It looks users up again at every refresh.
 */
public class DirectoryAuthenticator implements UserAuthenticator {

    /** The application's table: user name to roles, "disabled" standing for a disabled account, "down" for an outage. */
    static final Map<String, String> USERS = new ConcurrentHashMap<>(Map.of(
            "alice", "user,admin", "bob", "user", "carol", "user"));

    @Override
    public Optional<AuthenticatedUser> authenticate(String username, String password, HttpServletRequest request) {
        return (username + "-pw").equals(password) ? current(username) : Optional.empty();
    }

    @Override
    public Optional<AuthenticatedUser> reload(String subject, AuthenticatedUser previous) {
        return current(subject);
    }

    private static Optional<AuthenticatedUser> current(String name) {
        String roles = USERS.get(name);
        if ("down".equals(roles)) {
            throw new IllegalStateException("the user table is unreachable");
        }
        return roles == null || roles.equals("disabled") ? Optional.empty()
                : Optional.of(new AuthenticatedUser(name, List.of(roles.split(",")),
                        Map.of("department", "sales")));
    }
}
