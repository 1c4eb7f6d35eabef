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
import org.jwtauth.token.BearerTokenVerifier;
import org.jwtauth.token.InvalidTokenException;
import org.jwtauth.token.JwtPrincipal;

/**
 * Protects resources with bearer access tokens (RFC 6750). On success the request continues, wrapped so that
 * {@code getUserPrincipal()}, {@code getRemoteUser()}, {@code isUserInRole()} and {@code getAuthType()} describe
 * the caller; otherwise the chain does not run and the RFC 6750 section 3 error is written.
 */
public final class BearerTokenFilter implements Filter {

    static final OAuthError MALFORMED_REQUEST = OAuthError.of(400, OAuthError.INVALID_REQUEST,
            "The request must carry exactly one Authorization header with a Bearer token, and no token in the URL")
            .asChallenge();
    private static final OAuthError INSUFFICIENT_SCOPE = OAuthError.of(403, OAuthError.INSUFFICIENT_SCOPE,
            "The access token does not grant a role this resource requires").asChallenge();

    private final BearerTokenResolver resolver = new BearerTokenResolver();
    private BearerTokenVerifier verifier;
    private String realm;
    private FilterRules rules;

    @Override
    public void init(FilterConfig config) throws ServletException {
        JwtAuthComponents components = JwtAuthComponents.from(config.getServletContext());
        this.verifier = components.bearerVerifier();
        this.realm = components.realm();
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
        BearerTokenResolver.Resolution resolution = resolver.resolve(request);
        if (resolution.isMalformed()) {
            ErrorWriter.write(response, realm, MALFORMED_REQUEST);
            return;
        }
        if (resolution.isAbsent()) {
            if (rules.isOptional()) {
                chain.doFilter(request, response);
            } else {
                ErrorWriter.write(response, realm, OAuthError.challengeOnly());
            }
            return;
        }
        JwtPrincipal principal;
        try {
            principal = verifier.verify(resolution.token());
        } catch (InvalidTokenException e) {
            ErrorWriter.write(response, realm, invalidToken(e));
            return;
        }
        if (!rules.permits(principal.roles())) {
            ErrorWriter.write(response, realm, INSUFFICIENT_SCOPE);
            return;
        }
        chain.doFilter(new AuthenticatedRequest(request, response, principal), response);
    }

    static OAuthError invalidToken(InvalidTokenException e) {
        return OAuthError.of(401, OAuthError.INVALID_TOKEN, e.reason().description()).asChallenge();
    }
}
