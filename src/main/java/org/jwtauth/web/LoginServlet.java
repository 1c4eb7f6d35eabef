package org.jwtauth.web;

import static org.jwtauth.events.AuthEventReason.BAD_CREDENTIALS;
import static org.jwtauth.events.AuthEventReason.DIRECTORY_UNAVAILABLE;
import static org.jwtauth.events.AuthEventReason.THROTTLED;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtauth.events.AuthEvent;
import org.jwtauth.log.Log;
import org.jwtauth.login.AlreadyAuthenticatedException;
import org.jwtauth.login.AuthenticatedUser;
import org.jwtauth.login.LoginThrottle;
import org.jwtauth.login.UserAuthenticator;
import org.jwtauth.login.Usernames;
import org.jwtauth.refresh.IssuedRefreshToken;
import org.jwtauth.token.IssuedAccessToken;

/**
 * {@code POST /auth/login} with {@code username} and {@code password}: checks them with the configured
 * {@link UserAuthenticator}, starts a new refresh-token family (one per device) and answers
 * with a token response.
 */
public final class LoginServlet extends TokenEndpointServlet {
    private static final long serialVersionUID = 1L;

    private static final Log LOG = Log.of(LoginServlet.class);

    @Override
    void handle(HttpServletRequest request, RequestBody body, HttpServletResponse response,
                JwtAuthComponents components) throws IOException, RejectedRequest {
        String username = body.requiredString(Fields.USERNAME, Fields.MAX_USERNAME);
        String password = body.requiredString(Fields.PASSWORD, Fields.MAX_PASSWORD);
        if (!Usernames.acceptable(username)) {
            components.events.publish(AuthEvent.loginFailed(null, request.getRemoteAddr(), BAD_CREDENTIALS));
            throw new RejectedRequest(AuthErrors.BAD_CREDENTIALS);
        }
        AuthenticatedUser u = authenticate(username, password, request, components);
        String address = request.getRemoteAddr();
        // Sessions beyond jwtauth.session.maxPerUser end with this login: each is a revocation like any other.
        IssuedRefreshToken refresh = components.refreshTokens.startSession(u.name(), components.clientOf(request),
                ended -> components.events.publish(AuthEvent.sessionRevoked(u.name(), ended, address)));
        IssuedAccessToken access = components.issuer.issue(u.name(), u.roles(), refresh.sessionId(), u.claims());
        components.events.publish(AuthEvent.login(u.name(), refresh.sessionId(), address));
        TokenResponse.write(response, access, refresh, components);
    }

    /**
     * One throttled password check. The attempt is reserved before the check, so parallel guesses get no more
     * checks than sequential ones; only a wrong password counts as a failure, not a directory outage.
     */
    private static AuthenticatedUser authenticate(String username, String password, HttpServletRequest request,
                                                  JwtAuthComponents components) throws RejectedRequest {
        // The container's client address: behind a proxy, configure Tomcat's RemoteIpValve or Jetty's
        // ForwardedRequestCustomizer rather than trusting X-Forwarded-For here.
        try (LoginThrottle.Attempt attempt = components.throttle.begin(username, request.getRemoteAddr())) {
            if (!attempt.granted()) {
                components.events.publish(AuthEvent.loginFailed(username, request.getRemoteAddr(), THROTTLED));
                throw new RejectedRequest(AuthErrors.tooManyAttempts(attempt.retryAfter()));
            }
            Optional<AuthenticatedUser> user;
            try {
                user = components.authenticator.authenticate(username, password, request);
            } catch (AlreadyAuthenticatedException e) {
                throw new RejectedRequest(AuthErrors.ALREADY_AUTHENTICATED);
            } catch (RuntimeException e) {
                // The type only: a directory's message may quote the username or its query.
                LOG.warn("The login authenticator failed ({}); answering 503", e.getClass().getName());
                components.events.publish(AuthEvent.loginFailed(username, request.getRemoteAddr(),
                        DIRECTORY_UNAVAILABLE));
                throw new RejectedRequest(AuthErrors.DIRECTORY_UNAVAILABLE);
            }
            if (user.isEmpty()) {
                attempt.failed();
                components.events.publish(AuthEvent.loginFailed(username, request.getRemoteAddr(), BAD_CREDENTIALS));
                throw new RejectedRequest(AuthErrors.BAD_CREDENTIALS);
            }
            attempt.succeeded();
            return user.get();
        }
    }
}
