package org.jwtauth.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Keeps the container's own credential check out of the application's code. The login-config that
 * {@code request.login} needs on Jetty also makes Jetty check an {@code Authorization: Basic} header against the
 * realm whenever code asks a request without a security constraint for its caller (Jetty's deferred
 * authentication): an unthrottled password oracle, and a second way to log in that bypasses the tokens. Declared
 * by the fragment on {@code /*} before the bearer filter, this filter hands on a request that answers those
 * questions itself ({@link ContainerIdentityHidden}), so the container is never asked on the caller's behalf.
 * Requests the bearer filter authenticated, and requests already wrapped, pass as they are.
 */
public final class ContainerIdentityFilter implements Filter {

    /**
     * Nothing to set up. Declared because Servlet 3.1 (Jetty 9.4) has no default for it: a container of that
     * version would fail with AbstractMethodError.
     */
    @Override
    public void init(FilterConfig config) {
    }

    /** Nothing to release; declared for Servlet 3.1, as {@link #init} is. */
    @Override
    public void destroy() {
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest && !alreadyAnswered(request)) {
            chain.doFilter(new ContainerIdentityHidden((HttpServletRequest) request, response), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * A forward, include or async dispatch of a request this filter or the bearer filter already wrapped. (Not
     * {@code isWrapperFor}: it looks only at the requests a wrapper wraps, never at the wrapper itself.)
     */
    private static boolean alreadyAnswered(ServletRequest request) {
        for (ServletRequest r = request; r instanceof ServletRequestWrapper; r = ((ServletRequestWrapper) r).getRequest()) {
            if (r instanceof ContainerIdentityHidden || r instanceof AuthenticatedRequest) {
                return true;
            }
        }
        return false;
    }
}
