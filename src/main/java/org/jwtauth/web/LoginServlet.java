package org.jwtauth.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtauth.login.AuthenticatedUser;
import org.jwtauth.login.LoginThrottle;
import org.jwtauth.refresh.IssuedRefreshToken;
import org.jwtauth.token.IssuedAccessToken;

/**
 * {@code POST /auth/login} with {@code username} and {@code password}: checks them with the configured
 * {@link org.jwtauth.login.UserAuthenticator}, starts a new refresh-token family (one per device) and answers
 * with a token response.
 */
public final class LoginServlet extends TokenEndpointServlet {
    private static final long serialVersionUID = 1L;

    static final int MAX_USERNAME = 256;
    static final int MAX_PASSWORD = 1024;

    /** One answer for unknown user and wrong password, so the endpoint tells no one which users exist. */
    private static final OAuthError BAD_CREDENTIALS = OAuthError.of(400, OAuthError.INVALID_GRANT,
            "The username or password is incorrect");

    @Override
    void handle(HttpServletRequest request, HttpServletResponse response, JwtAuthComponents components)
            throws IOException, RejectedRequest {
        RequestBody body = RequestBody.read(request);
        String username = body.requiredString("username", MAX_USERNAME);
        String password = body.requiredString("password", MAX_PASSWORD);
        // The container's client address: behind a proxy, configure Tomcat's RemoteIpValve or Jetty's
        // ForwardedRequestCustomizer rather than trusting X-Forwarded-For here.
        String address = request.getRemoteAddr();
        LoginThrottle throttle = components.throttle();
        Duration wait = throttle.waitBeforeAttempt(username, address);
        if (!wait.isZero()) {
            throw new RejectedRequest(tooManyAttempts(wait));
        }
        Optional<AuthenticatedUser> user = components.authenticator().authenticate(username, password, request);
        if (user.isEmpty()) {
            throttle.recordFailure(username, address);
            throw new RejectedRequest(BAD_CREDENTIALS);
        }
        throttle.recordSuccess(username);
        AuthenticatedUser u = user.get();
        IssuedRefreshToken refresh = components.refreshTokens().startFamily(u.name());
        IssuedAccessToken access = components.issuer().issue(u.name(), u.roles(), refresh.familyId(), u.claims());
        TokenResponse.write(response, access, refresh, components.clock());
    }

    /** RFC 6585 section 4; the code is RFC 8628's "slow_down", the closest OAuth has to "too many attempts". */
    private static OAuthError tooManyAttempts(Duration wait) {
        long seconds = Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
        return OAuthError.of(429, "slow_down", "Too many failed logins; try again later")
                .withHeader("Retry-After", Long.toString(seconds));
    }
}
