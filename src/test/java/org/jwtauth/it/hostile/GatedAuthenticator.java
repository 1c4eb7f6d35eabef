package org.jwtauth.it.hostile;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.jwtauth.login.AuthenticatedUser;
import org.jwtauth.login.ContainerRealmAuthenticator;
import org.jwtauth.login.UserAuthenticator;

/**
 * An application's authenticator (jwtauth.login.authenticator, in WEB-INF/classes) for the throttle tests: checks
 * passwords against the container realm, but first counts the check and waits at the {@link LoginGate} the test
 * holds; the password {@link #DIRECTORY_DOWN} makes it fail as a directory outage would.
 */
public class GatedAuthenticator implements UserAuthenticator {

    static final String DIRECTORY_DOWN = "directory-down";

    private final ContainerRealmAuthenticator realm = new ContainerRealmAuthenticator(List.of("user"));

    @Override
    public Optional<AuthenticatedUser> authenticate(String username, String password, HttpServletRequest request) {
        if (DIRECTORY_DOWN.equals(password)) {
            throw new IllegalStateException("the user directory does not answer");
        }
        LoginGate gate = LoginGate.of(request.getServletContext());
        if (gate != null) { // null until the test first calls the gate
            gate.pass();
        }
        return realm.authenticate(username, password, request);
    }
}
