package org.jwtauth.web;

import static org.jwtauth.events.AuthEventReason.INSUFFICIENT_ROLE;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtauth.config.ConfigurationException;
import org.jwtauth.events.AuthEvent;
import org.jwtauth.events.EventPublisher;
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
    private EventPublisher events = EventPublisher.NONE;

    /** The container's constructor: collaborators come from the ServletContext at {@link #init}. */
    public BearerTokenFilter() {
    }

    /** With its collaborators: {@code verifier} decides about tokens, {@code realm} names the challenge's realm. */
    public BearerTokenFilter(TokenVerifier verifier, String realm) {
        this(verifier, realm, EventPublisher.NONE);
    }

    /** As {@link #BearerTokenFilter(TokenVerifier, String)}, publishing each refusal of a token to {@code events}. */
    BearerTokenFilter(TokenVerifier verifier, String realm, EventPublisher events) {
        this.authentication = new BearerAuthentication(verifier);
        this.realm = realm;
        this.events = events;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        if (authentication == null) {
            JwtAuthComponents components = JwtAuthComponents.from(config.getServletContext());
            this.authentication = new BearerAuthentication(components.bearerTokens);
            this.realm = components.realm;
            this.events = components.events;
        }
        try {
            this.rules = FilterRules.from(config);
        } catch (ConfigurationException e) {
            throw new ServletException("Filter " + config.getFilterName() + " init-param " + e.getMessage());
        }
    }

    /**
     * Nothing to release: the components belong to the web application's listener. Declared because Servlet 3.1
     * (Jetty 9.4) has no default for it: a container of that version would fail with AbstractMethodError.
     */
    @Override
    public void destroy() {
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        // Servlet 6.0 section 9.3: an included resource cannot set the status or headers, so a refusal there
        // can only be that the resource does not run; the including page gets nothing of it.
        boolean include = request.getDispatcherType() == DispatcherType.INCLUDE;
        JwtPrincipal verified = AuthenticatedRequest.callerOf(request);
        if (verified != null) {
            // A forward, include or async dispatch of a request a bearer filter already authenticated: the token
            // is not verified again, but this filter's roles still apply.
            if (rules.permits(verified.roles())) {
                chain.doFilter(request, response);
                return;
            }
            events.publish(AuthEvent.tokenRejected(INSUFFICIENT_ROLE, verified.getName(), verified.sessionId(),
                    request.getRemoteAddr()));
            if (!include) {
                ErrorWriter.write(response, realm, AuthErrors.INSUFFICIENT_SCOPE);
            }
            return;
        }
        if ((!include && CorsPreflight.is(request)) || rules.isExcluded(request)) {
            chain.doFilter(request, response);
            return;
        }
        BearerAuthentication.Result result = authentication.authenticate(request);
        if (result.isAbsent() && rules.isOptional()) {
            chain.doFilter(request, response);
            return;
        }
        JwtPrincipal principal = result.principal();
        OAuthError error = principal == null ? result.error()
                : rules.permits(principal.roles()) ? null : AuthErrors.INSUFFICIENT_SCOPE;
        if (error == null) {
            chain.doFilter(new AuthenticatedRequest(request, response, principal), response);
            return;
        }
        if (!result.isAbsent()) {
            events.publish(rejected(result, request));
        }
        if (!include) {
            ErrorWriter.write(response, realm, error);
        }
    }

    /** Subject and session only for a token that verified: a cut-off one, or one without the roles required. */
    private static AuthEvent rejected(BearerAuthentication.Result result, HttpServletRequest request) {
        JwtPrincipal principal = result.principal();
        if (principal != null) {
            return AuthEvent.tokenRejected(INSUFFICIENT_ROLE, principal.getName(), principal.sessionId(),
                    request.getRemoteAddr());
        }
        JwtPrincipal refused = result.refusedCaller();
        return AuthEvent.tokenRejected(result.rejection(), refused == null ? null : refused.getName(),
                refused == null ? null : refused.sessionId(), request.getRemoteAddr());
    }
}
