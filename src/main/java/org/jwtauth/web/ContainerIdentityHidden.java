package org.jwtauth.web;

import java.io.IOException;
import java.security.Principal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request that shows no container identity while it carries an {@code Authorization} header: asking the base
 * request would make Jetty verify a Basic header against the realm (see {@link ContainerIdentityFilter}); the
 * bearer filter's {@link AuthenticatedRequest}, wrapped around this one, answers for token callers. After a
 * successful {@link #login} or {@link #authenticate} through this request (the login endpoint's
 * {@code request.login}), the container's answer is the application's, as before. A request without an
 * {@code Authorization} header carries no credentials to check, so the container answers it (a FORM login's
 * session, for example).
 */
final class ContainerIdentityHidden extends HttpServletRequestWrapper {

    private final ServletResponse response;
    private final boolean carriesCredentials;
    private volatile boolean loggedInHere;

    ContainerIdentityHidden(HttpServletRequest request, ServletResponse response) {
        super(request);
        this.response = response;
        this.carriesCredentials = request.getHeader("Authorization") != null;
    }

    /** As {@link AuthenticatedRequest#startAsync()}: the AsyncContext must hand out this request, not the base. */
    @Override
    public AsyncContext startAsync() {
        return getRequest().startAsync(this, response);
    }

    private boolean hidden() {
        return carriesCredentials && !loggedInHere;
    }

    @Override
    public void login(String username, String password) throws ServletException {
        super.login(username, password);
        loggedInHere = true;
    }

    @Override
    public boolean authenticate(HttpServletResponse response) throws IOException, ServletException {
        boolean authenticated = super.authenticate(response);
        loggedInHere = authenticated;
        return authenticated;
    }

    @Override
    public void logout() throws ServletException {
        loggedInHere = false;
        super.logout();
    }

    @Override
    public Principal getUserPrincipal() {
        return hidden() ? null : super.getUserPrincipal();
    }

    @Override
    public String getRemoteUser() {
        return hidden() ? null : super.getRemoteUser();
    }

    @Override
    public String getAuthType() {
        return hidden() ? null : super.getAuthType();
    }

    @Override
    public boolean isUserInRole(String role) {
        return !hidden() && super.isUserInRole(role);
    }
}
