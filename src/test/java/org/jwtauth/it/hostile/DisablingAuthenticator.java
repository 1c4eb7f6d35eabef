package org.jwtauth.it.hostile;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.jwtauth.login.AuthenticatedUser;
import org.jwtauth.login.ContainerRealmAuthenticator;
import org.jwtauth.login.UserAuthenticator;

/**
 * An application's authenticator (jwtauth.login.authenticator) that checks passwords against the container
 * realm and refuses accounts the application has disabled, even with the right password.
 */
public class DisablingAuthenticator implements UserAuthenticator {

    /** Disabled in the application's own user table, though the realm still knows them. */
    static final Set<String> DISABLED = Set.of("dora");

    private final ContainerRealmAuthenticator realm = new ContainerRealmAuthenticator(List.of("user"));

    @Override
    public Optional<AuthenticatedUser> authenticate(String username, String password, HttpServletRequest request) {
        Optional<AuthenticatedUser> user = realm.authenticate(username, password, request);
        return user.filter(u -> !DISABLED.contains(u.name()));
    }
}
