package org.jwtauth.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtauth.events.AuthEvent;

/**
 * {@code POST /auth/sessions/revoke} with a valid bearer token and {@code {"sessionId": "..."}}: ends one of the
 * caller's own sessions (sign a lost device out). 204 also for an unknown id or another user's, which changes
 * nothing, so the endpoint tells nobody which sessions exist.
 */
public final class RevokeSessionServlet extends TokenEndpointServlet {
    private static final long serialVersionUID = 1L;

    @Override
    void handle(HttpServletRequest request, RequestBody body, HttpServletResponse response,
                JwtAuthComponents components) throws IOException, RejectedRequest {
        String caller = SessionCaller.of(request, components).getName();
        String sessionId = body.requiredString(Fields.SESSION_ID, Fields.MAX_SESSION_ID);
        if (components.refreshTokens.revokeSession(caller, sessionId)) {
            components.events.publish(AuthEvent.sessionRevoked(caller, sessionId, request.getRemoteAddr()));
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        response.setHeader("Cache-Control", "no-store");
    }
}
