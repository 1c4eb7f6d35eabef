package org.jwtauth.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtauth.login.AuthenticatedUser;
import org.jwtauth.login.LoginThrottle;
import org.jwtauth.login.UserAuthenticator;
import org.jwtauth.refresh.IssuedRefreshToken;
import org.jwtauth.token.IssuedAccessToken;

/**
 * {@code POST /auth/login} with {@code username} and {@code password}: checks them with the configured
 * {@link UserAuthenticator}, starts a new refresh-token family (one per device) and answers
 * with a token response.
 */
public final class LoginServlet extends TokenEndpointServlet {
    private static final long serialVersionUID = 1L;

    @Override
    void handle(HttpServletRequest request, RequestBody body, HttpServletResponse response,
                JwtAuthComponents components) throws IOException, RejectedRequest {
        String username = body.requiredString(Fields.USERNAME, Fields.MAX_USERNAME);
        String password = body.requiredString(Fields.PASSWORD, Fields.MAX_PASSWORD);
        // The container's client address: behind a proxy, configure Tomcat's RemoteIpValve or Jetty's
        // ForwardedRequestCustomizer rather than trusting X-Forwarded-For here.
        String address = request.getRemoteAddr();
        LoginThrottle throttle = components.throttle;
        Duration wait = throttle.waitBeforeAttempt(username, address);
        if (!wait.isZero()) {
            throw new RejectedRequest(AuthErrors.tooManyAttempts(wait));
        }
        Optional<AuthenticatedUser> user = components.authenticator.authenticate(username, password, request);
        if (user.isEmpty()) {
            throttle.recordFailure(username, address);
            throw new RejectedRequest(AuthErrors.BAD_CREDENTIALS);
        }
        throttle.recordSuccess(username);
        AuthenticatedUser u = user.get();
        IssuedRefreshToken refresh = components.refreshTokens.startSession(u.name());
        IssuedAccessToken access = components.issuer.issue(u.name(), u.roles(), refresh.sessionId(), u.claims());
        TokenResponse.write(response, access, refresh, components.clock);
    }
}
