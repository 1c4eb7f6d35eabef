package org.jwtauth.web;

import java.time.Clock;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.jwtauth.config.Settings;
import org.jwtauth.events.AuthEvents;
import org.jwtauth.login.LoginThrottle;
import org.jwtauth.login.UserAuthenticator;
import org.jwtauth.refresh.ClientInfo;
import org.jwtauth.refresh.RefreshTokenService;
import org.jwtauth.token.AccessTokenIssuer;
import org.jwtauth.token.AccessTokenVerifier;
import org.jwtauth.token.SigningKeys;
import org.jwtauth.token.TokenVerifier;

/**
 * Everything the filter and the servlets share, built once by {@link Composition} and published under one
 * ServletContext attribute (as Shiro's {@code EnvironmentLoader} does): no static state, one instance per web
 * application. A start-up that failed publishes a {@link StartupFailure} there instead.
 */
final class JwtAuthComponents {

    /** The ServletContext attribute holding this object (or the {@link StartupFailure}). */
    static final String ATTRIBUTE = "org.jwtauth.web.JwtAuthComponents";

    final Settings settings;
    /** The realm of {@code WWW-Authenticate} challenges. */
    final String realm;
    final Clock clock;
    final SigningKeys signingKeys;
    final AccessTokenIssuer issuer;
    /**
     * Our own tokens only, as the refresh endpoint takes them: no other issuer's, and the former default audience
     * too ({@link org.jwtauth.token.AccessTokenFactory#refreshVerifier}).
     */
    final AccessTokenVerifier tokensToRefresh;
    /** What the filter verifies with: our own tokens and, if configured, the trusted issuer's. */
    final TokenVerifier bearerTokens;
    /** The bearer step over our own tokens (the filter's rules), for the endpoints that need the caller. */
    final BearerAuthentication ownCallers;
    final RefreshTokenService refreshTokens;
    final UserAuthenticator authenticator;
    final LoginThrottle throttle;
    /** Where the refresh token travels in cookie mode; inert when the mode is off. */
    final RefreshTokenCookie refreshCookie;
    /** Where the filter, the servlets and the facade publish their authentication events. */
    final AuthEvents events;

    JwtAuthComponents(Settings settings, String realm, Clock clock, SigningKeys signingKeys, AccessTokenIssuer issuer,
                      TokenVerifier ownTokens, AccessTokenVerifier tokensToRefresh, TokenVerifier bearerTokens,
                      RefreshTokenService refreshTokens,
                      UserAuthenticator authenticator, LoginThrottle throttle, RefreshTokenCookie refreshCookie,
                      AuthEvents events) {
        this.settings = settings;
        this.realm = realm;
        this.clock = clock;
        this.signingKeys = signingKeys;
        this.issuer = issuer;
        this.tokensToRefresh = tokensToRefresh;
        this.bearerTokens = bearerTokens;
        // Logout of all devices, for one, accepts no other issuer's token.
        this.ownCallers = new BearerAuthentication(ownTokens);
        this.refreshTokens = refreshTokens;
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.refreshCookie = refreshCookie;
        this.events = events;
    }

    /** What the session keeps of {@code request}'s client: nothing when {@code jwtauth.session.clientInfo} is off. */
    ClientInfo clientOf(HttpServletRequest request) {
        return settings.sessions().keepsClientInfo()
                ? ClientInfo.of(request.getHeader("User-Agent"), request.getRemoteAddr()) : ClientInfo.NONE;
    }

    /** The components of this web application, or an error that says why there are none. */
    static JwtAuthComponents from(ServletContext context) throws ServletException {
        Object value = context.getAttribute(ATTRIBUTE);
        if (value instanceof JwtAuthComponents) {
            return (JwtAuthComponents) value;
        }
        if (value instanceof StartupFailure) {
            throw new ServletException("jwt-servlet-auth did not start: " + value);
        }
        throw new ServletException("jwt-servlet-auth is not initialised: " + JwtAuthListener.class.getName()
                + " did not run (is the web fragment excluded, or web.xml metadata-complete without the listener?)");
    }
}
