package org.jwtauth.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
            components.refreshTokens.revokeAll(SessionCaller.of(request, components).getName());
        } else {
            components.refreshTokens.revokeSessionOf(components.refreshCookie.forLogout(request, body, components));
        }
        components.refreshCookie.clear(response);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        response.setHeader("Cache-Control", "no-store");
    }
}
