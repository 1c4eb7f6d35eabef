package org.jwtauth.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtauth.events.AuthEvent;
import org.jwtauth.token.JwtPrincipal;

/**
 * {@code POST /auth/logout}: {@code refreshToken} revokes that token's session (this device); with a valid
 * bearer token, {@code allDevices: true} revokes every session of its subject. Answers 204 also for an unknown
 * token, so it is no oracle for which tokens exist (RFC 7009 section 2.2 does the same). In cookie mode the token
 * may come from the cookie instead, with the access token beside it ({@link RefreshTokenCookie}).
 */
public final class LogoutServlet extends TokenEndpointServlet {
    private static final long serialVersionUID = 1L;

    @Override
    void handle(HttpServletRequest request, RequestBody body, HttpServletResponse response,
                JwtAuthComponents components) throws IOException, RejectedRequest {
        if (body.flag(Fields.ALL_DEVICES)) {
            JwtPrincipal caller = SessionCaller.of(request, components);
            components.refreshTokens.revokeAll(caller.getName());
            components.events.publish(AuthEvent.logoutAllDevices(caller.getName(), caller.sessionId(),
                    request.getRemoteAddr()));
        } else {
            // An unknown token is answered alike (no oracle) and is no logout of anyone: no event.
            components.refreshTokens.revokeSessionOf(components.refreshCookie.forLogout(request, body, components))
                    .ifPresent(row -> components.events.publish(
                            AuthEvent.logout(row.subject(), row.sessionId(), request.getRemoteAddr())));
        }
        components.refreshCookie.clear(response);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        response.setHeader("Cache-Control", "no-store");
    }
}
