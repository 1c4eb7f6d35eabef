package org.jwtauth.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtauth.events.AuthEvent;
import org.jwtauth.events.AuthEventReason;
import org.jwtauth.log.Log;
import org.jwtauth.login.AuthenticatedUser;
import org.jwtauth.login.UserAuthenticator;
import org.jwtauth.refresh.IssuedRefreshToken;
import org.jwtauth.refresh.RefreshRejectedException;
import org.jwtauth.token.InvalidTokenException;
import org.jwtauth.token.IssuedAccessToken;
import org.jwtauth.token.JwtPrincipal;

/**
 * {@code POST /auth/refresh} with {@code accessToken} (or the {@code Authorization: Bearer} header) and
 * {@code refreshToken}; needs no other authentication, since the access token has usually expired. The access
 * token must be valid except for {@code exp}; its {@code sub} and {@code sid} bind the refresh token to it.
 */
public final class RefreshServlet extends TokenEndpointServlet {
    private static final long serialVersionUID = 1L;

    private static final Log LOG = Log.of(RefreshServlet.class);

    @Override
    void handle(HttpServletRequest request, RequestBody body, HttpServletResponse response,
                JwtAuthComponents components) throws IOException, RejectedRequest {
        String refreshToken = components.refreshCookie.forRefresh(request, body);
        String accessToken = PresentedAccessToken.of(request, body, components);
        JwtPrincipal previous;
        try {
            previous = components.tokensToRefresh.verifyAllowingExpiry(accessToken,
                    components.settings.sessionMaxLifetime());
        } catch (InvalidTokenException e) {
            components.events.publish(AuthEvent.refreshFailed(null, null, request.getRemoteAddr(), eventReason(e)));
            throw new RejectedRequest(AuthErrors.REFRESH_REFUSED);
        }
        // Before the rotation, so that a failing directory burns nothing.
        Optional<AuthenticatedUser> user = reload(previous, components);
        IssuedRefreshToken next;
        try {
            next = components.refreshTokens.rotate(refreshToken, previous.getName(), previous.sessionId(),
                    previous.tokenId().orElseThrow(), components.clientOf(request));
        } catch (RefreshRejectedException e) {
            LOG.debug("Refresh refused for subject {}: {}", previous.getName(), e.reason());
            refused(previous, request, components, e.reason());
            throw new RejectedRequest(AuthErrors.REFRESH_REFUSED);
        }
        if (user.isEmpty()) {
            // The application no longer knows the user (disabled, deleted): their session ends here, with a
            // refresh token that was valid, so nobody else's token can end it.
            components.refreshTokens.revokeSession(previous.sessionId());
            components.events.publish(AuthEvent.refreshFailed(previous.getName(), previous.sessionId(),
                    request.getRemoteAddr(), AuthEventReason.USER_GONE));
            LOG.debug("Refresh refused for subject {}: the authenticator no longer knows them", previous.getName());
            throw new RejectedRequest(AuthErrors.REFRESH_REFUSED);
        }
        // The subject stays; roles and claims are the authenticator's answer (by default: the previous ones).
        IssuedAccessToken access = components.issuer.issue(previous.getName(), user.get().roles(),
                previous.sessionId(), user.get().claims());
        components.events.publish(AuthEvent.refresh(previous.getName(), previous.sessionId(), request.getRemoteAddr()));
        TokenResponse.write(response, access, next, components);
    }

    /** The refusal's events: reuse is also an event of its own (the session was revoked). */
    private static void refused(JwtPrincipal previous, HttpServletRequest request, JwtAuthComponents components,
                                RefreshRejectedException.Reason reason) {
        String address = request.getRemoteAddr();
        components.events.publish(AuthEvent.refreshFailed(previous.getName(), previous.sessionId(), address,
                eventReason(reason)));
        if (reason == RefreshRejectedException.Reason.REUSED) {
            // The refresh token's family is the access token's (MISMATCH is decided first): that session ended.
            components.events.publish(AuthEvent.reuseDetected(previous.getName(), previous.sessionId(), address));
        }
    }

    /** An access token older than the session's lifetime is expired; any other refusal makes it no token of ours. */
    private static AuthEventReason eventReason(InvalidTokenException e) {
        return e.reason() == InvalidTokenException.Reason.EXPIRED ? AuthEventReason.EXPIRED : AuthEventReason.INVALID;
    }

    private static AuthEventReason eventReason(RefreshRejectedException.Reason reason) {
        switch (reason) {
            case EXPIRED:
                return AuthEventReason.EXPIRED;
            case REUSED:
                return AuthEventReason.REUSED;
            case MISMATCH:
                return AuthEventReason.MISMATCH;
            default:
                // Malformed, unknown, revoked, or a concurrent request's rotation: not a token we accept now.
                return AuthEventReason.INVALID;
        }
    }

    /** {@link UserAuthenticator#reload}; a failing directory is 503, as at login. */
    private static Optional<AuthenticatedUser> reload(JwtPrincipal previous, JwtAuthComponents components)
            throws RejectedRequest {
        try {
            return components.authenticator.reload(previous.getName(),
                    new AuthenticatedUser(previous.getName(), previous.roles(), previous.claims()));
        } catch (RuntimeException e) {
            // The type only: a directory's message may quote the user or its query.
            LOG.warn("The authenticator failed to look a user up again at refresh ({}); answering 503",
                    e.getClass().getName());
            throw new RejectedRequest(AuthErrors.DIRECTORY_UNAVAILABLE);
        }
    }
}
