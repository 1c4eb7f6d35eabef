package org.jwtauth.web;

import java.security.Principal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.jwtauth.token.JwtPrincipal;

/** Shows the verified caller through the plain Servlet API, so legacy code needs no change. */
final class AuthenticatedRequest extends HttpServletRequestWrapper {

    /** The value of {@link #getAuthType()} for requests authenticated by a bearer token. */
    static final String AUTH_TYPE = "Bearer";

    private final JwtPrincipal principal;
    private final ServletResponse response;

    AuthenticatedRequest(HttpServletRequest request, ServletResponse response, JwtPrincipal principal) {
        super(request);
        this.response = response;
        this.principal = principal;
    }

    /**
     * The caller a bearer filter already verified for this request, found among its wrappers (a forward, include
     * or async dispatch passes on the wrapper the application was given); null when none did.
     */
    static JwtPrincipal callerOf(ServletRequest request) {
        for (ServletRequest r = request; r instanceof ServletRequestWrapper; r = ((ServletRequestWrapper) r).getRequest()) {
            if (r instanceof AuthenticatedRequest) {
                return ((AuthenticatedRequest) r).principal;
            }
        }
        return null;
    }

    /**
     * The no-argument {@code startAsync()} would put the original, unwrapped request into the AsyncContext
     * (its javadoc), so {@code AsyncContext.getRequest()} would lose the caller; pass this wrapper instead, as
     * Spring Security's request wrapper does.
     */
    @Override
    public AsyncContext startAsync() {
        return getRequest().startAsync(this, response);
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    @Override
    public String getAuthType() {
        return AUTH_TYPE;
    }

    /** Servlet 6.0 section 13.3: {@code "**"} means any authenticated user. */
    @Override
    public boolean isUserInRole(String role) {
        return role != null && (principal.hasRole(role) || "**".equals(role));
    }
}
