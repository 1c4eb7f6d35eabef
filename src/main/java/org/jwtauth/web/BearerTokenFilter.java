package org.jwtauth.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtauth.config.ConfigurationException;
import org.jwtauth.token.JwtPrincipal;
import org.jwtauth.token.TokenVerifier;

/**
 * Protects resources with bearer access tokens (RFC 6750). On success the request continues, wrapped so that
 * {@code getUserPrincipal()}, {@code getRemoteUser()}, {@code isUserInRole()} and {@code getAuthType()} describe
 * the caller; otherwise the chain does not run and the RFC 6750 section 3 error is written.
 *
 * <p>Declared by the web fragment, it takes its collaborators from the listener's components; registered
 * programmatically, it can be given them (as Tomcat's {@code RemoteIpFilter} takes setters). Either way its
 * init-params ({@link FilterRules}) are read once in {@link #init}.
 */
public final class BearerTokenFilter implements Filter {

    private BearerAuthentication authentication;
    private String realm;
    private FilterRules rules;

    /** The container's constructor: collaborators come from the ServletContext at {@link #init}. */
    public BearerTokenFilter() {
    }

    /** With its collaborators: {@code verifier} decides about tokens, {@code realm} names the challenge's realm. */
    public BearerTokenFilter(TokenVerifier verifier, String realm) {
        this.authentication = new BearerAuthentication(verifier);
        this.realm = realm;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        if (authentication == null) {
            JwtAuthComponents components = JwtAuthComponents.from(config.getServletContext());
            this.authentication = new BearerAuthentication(components.bearerTokens);
            this.realm = components.realm;
        }
        try {
            this.rules = FilterRules.from(config);
        } catch (ConfigurationException e) {
            throw new ServletException("Filter " + config.getFilterName() + " init-param " + e.getMessage());
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        // CORS preflights carry no credentials (Fetch standard, CORS-preflight request).
        if ("OPTIONS".equals(request.getMethod()) || rules.isExcluded(request)) {
            chain.doFilter(request, response);
            return;
        }
        BearerAuthentication.Result result = authentication.authenticate(request);
        if (result.isAbsent() && rules.isOptional()) {
            chain.doFilter(request, response);
            return;
        }
        JwtPrincipal principal = result.principal();
        if (principal == null) {
            ErrorWriter.write(response, realm, result.error());
            return;
        }
        if (!rules.permits(principal.roles())) {
            ErrorWriter.write(response, realm, AuthErrors.INSUFFICIENT_SCOPE);
            return;
        }
        chain.doFilter(new AuthenticatedRequest(request, response, principal), response);
    }
}
