package org.jwtauth.web;

import java.time.Clock;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

import org.jwtauth.config.Settings;
import org.jwtauth.login.LoginThrottle;
import org.jwtauth.login.UserAuthenticator;
import org.jwtauth.refresh.RefreshTokenService;
import org.jwtauth.token.AccessTokenIssuer;
import org.jwtauth.token.AccessTokenVerifier;
import org.jwtauth.token.BearerTokenVerifier;
import org.jwtauth.token.SigningKeys;

/**
 * Everything the filter and the servlets share, built once by {@link JwtAuthListener} and published under one
 * ServletContext attribute (as Shiro's {@code EnvironmentLoader} does): no static state, one instance per web
 * application.
 */
public final class JwtAuthComponents {

    /** The ServletContext attribute holding this object. */
    public static final String ATTRIBUTE = JwtAuthComponents.class.getName();

    private final Settings settings;
    private final String realm;
    private final Clock clock;
    private final AccessTokenIssuer issuer;
    private final AccessTokenVerifier verifier;
    private final RefreshTokenService refreshTokens;
    private final UserAuthenticator authenticator;
    private final LoginThrottle throttle;
    private final SigningKeys signingKeys;
    private final BearerTokenVerifier bearerVerifier;

    JwtAuthComponents(Settings settings, String realm, Clock clock, AccessTokenIssuer issuer,
                      AccessTokenVerifier verifier, RefreshTokenService refreshTokens, UserAuthenticator authenticator,
                      LoginThrottle throttle, SigningKeys signingKeys, BearerTokenVerifier bearerVerifier) {
        this.settings = settings;
        this.realm = realm;
        this.clock = clock;
        this.issuer = issuer;
        this.verifier = verifier;
        this.refreshTokens = refreshTokens;
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.signingKeys = signingKeys;
        this.bearerVerifier = bearerVerifier;
    }

    /** The keys tokens are signed with; their public part is what the JWKS endpoint publishes. */
    public SigningKeys signingKeys() {
        return signingKeys;
    }

    /** What the filter verifies with: our own tokens and, if configured, the trusted issuer's. */
    public BearerTokenVerifier bearerVerifier() {
        return bearerVerifier;
    }

    /** The components of this web application, or a clear error when the listener has not run. */
    static JwtAuthComponents from(ServletContext context) throws ServletException {
        Object value = context.getAttribute(ATTRIBUTE);
        if (!(value instanceof JwtAuthComponents)) {
            throw new ServletException("jwt-servlet-auth is not initialised: " + JwtAuthListener.class.getName()
                    + " did not run (is the web fragment excluded, or did the listener fail at start-up?)");
        }
        return (JwtAuthComponents) value;
    }

    public Settings settings() {
        return settings;
    }

    /** The realm of {@code WWW-Authenticate} challenges. */
    public String realm() {
        return realm;
    }

    public Clock clock() {
        return clock;
    }

    public AccessTokenIssuer issuer() {
        return issuer;
    }

    public AccessTokenVerifier verifier() {
        return verifier;
    }

    public RefreshTokenService refreshTokens() {
        return refreshTokens;
    }

    public UserAuthenticator authenticator() {
        return authenticator;
    }

    public LoginThrottle throttle() {
        return throttle;
    }
}
