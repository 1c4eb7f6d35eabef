package org.jwtauth.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtauth.token.InvalidTokenException;
import org.jwtauth.token.JwtPrincipal;

/**
 * {@code POST /auth/logout}: {@code refreshToken} revokes that token's family (this device); with a valid
 * bearer token, {@code allDevices: true} revokes every family of its subject. Answers 204 also for an unknown
 * token, so it is no oracle for which tokens exist (RFC 7009 section 2.2 does the same).
 */
public final class LogoutServlet extends TokenEndpointServlet {
    private static final long serialVersionUID = 1L;

    @Override
    void handle(HttpServletRequest request, HttpServletResponse response, JwtAuthComponents components)
            throws IOException, RejectedRequest {
        RequestBody body = RequestBody.read(request);
        if (body.flag("allDevices")) {
            components.refreshTokens().revokeAll(bearer(request, components).getName());
        } else {
            components.refreshTokens().revokeFamilyOf(body.requiredString("refreshToken", 1024));
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        response.setHeader("Cache-Control", "no-store");
    }

    private static JwtPrincipal bearer(HttpServletRequest request, JwtAuthComponents components)
            throws RejectedRequest {
        BearerTokenResolver.Resolution resolution = new BearerTokenResolver().resolve(request);
        if (resolution.isMalformed()) {
            throw new RejectedRequest(BearerTokenFilter.MALFORMED_REQUEST);
        }
        if (resolution.isAbsent()) {
            throw new RejectedRequest(OAuthError.challengeOnly());
        }
        try {
            return components.verifier().verify(resolution.token());
        } catch (InvalidTokenException e) {
            throw new RejectedRequest(BearerTokenFilter.invalidToken(e));
        }
    }
}
