package org.jwtauth.web;

import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtauth.refresh.UserSession;
import org.jwtauth.token.JwtPrincipal;

/**
 * {@code GET /auth/sessions} with a valid bearer token: the caller's own active sessions, the most recently used
 * first, {@code current} marking the one of the token presented. Times are ISO-8601 UTC in whole seconds, as in the
 * token response; {@code userAgent} and {@code address} are null when they were not recorded. Never a token.
 */
public final class SessionsServlet extends TokenEndpointServlet {
    private static final long serialVersionUID = 1L;

    @Override
    boolean reads() {
        return true;
    }

    @Override
    void handle(HttpServletRequest request, RequestBody body, HttpServletResponse response,
                JwtAuthComponents components) throws IOException, RejectedRequest {
        JwtPrincipal caller = SessionCaller.of(request, components);
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (UserSession session : components.refreshTokens.sessions(caller.getName())) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("sessionId", session.sessionId());
            json.put("createdAt", session.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
            json.put("lastUsedAt", session.lastUsedAt().truncatedTo(ChronoUnit.SECONDS).toString());
            json.put("expiresAt", session.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString());
            json.put("current", session.sessionId().equals(caller.sessionId()));
            json.put("userAgent", session.userAgent().orElse(null));
            json.put("address", session.address().orElse(null));
            sessions.add(json);
        }
        JsonWriter.noStore(response);
        JsonWriter.write(response, Map.of("sessions", sessions));
    }
}
