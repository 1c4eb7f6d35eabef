package org.jwtauth.login;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Checks credentials against the realm the container already has (Tomcat Realm, Jetty LoginService) through
 * {@link HttpServletRequest#login}. The Servlet API cannot list a user's roles, so the configured candidate
 * roles ({@code jwtauth.login.roles}) are probed with {@code isUserInRole}. The request is logged out again and
 * any session the login created is invalidated: the token is the session.
 */
public final class ContainerRealmAuthenticator implements UserAuthenticator {

    private final List<String> candidateRoles;

    public ContainerRealmAuthenticator(List<String> candidateRoles) {
        this.candidateRoles = List.copyOf(candidateRoles);
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String username, String password, HttpServletRequest request) {
        if (request.getUserPrincipal() != null || request.getAuthType() != null) {
            // login() would fail whatever the password (Servlet 6.0 section 13.10): no verdict on the password.
            throw new AlreadyAuthenticatedException();
        }
        boolean hadSession = request.getSession(false) != null;
        try {
            request.login(username, password);
        } catch (ServletException e) {
            // Wrong password or unknown user: both "no" (never log e, it may quote input).
            return Optional.empty();
        }
        try {
            String name = request.getUserPrincipal() != null ? request.getUserPrincipal().getName() : username;
            List<String> roles = candidateRoles.stream().filter(request::isUserInRole).collect(Collectors.toList());
            return Optional.of(new AuthenticatedUser(name, roles));
        } finally {
            logout(request, hadSession);
        }
    }

    private static void logout(HttpServletRequest request, boolean hadSession) {
        try {
            request.logout();
        } catch (ServletException e) {
            // Nothing is left to undo that the container would keep.
        }
        HttpSession session = request.getSession(false);
        if (!hadSession && session != null) {
            session.invalidate();
        }
    }
}
