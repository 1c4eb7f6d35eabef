package org.jwtauth.it.recheck;

import java.io.IOException;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtauth.web.JwtAuth;

/**
 * The application's own code using the facade for the caller (behind the filter): {@code GET} lists the
 * caller's session ids, most recent first, one per line; {@code POST ?revoke=<id>} ends one, {@code POST ?all}
 * ends every one; {@code POST ?revoke=<id>&user=<name>} acts for another user, as an administrator would.
 */
public class SessionsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(JwtAuth.from(getServletContext()).sessions(request.getRemoteUser()).stream()
                .map(s -> s.sessionId()).collect(Collectors.joining("\n")));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        JwtAuth auth = JwtAuth.from(getServletContext());
        String user = request.getParameter("user") != null ? request.getParameter("user") : request.getRemoteUser();
        if (request.getParameter("all") != null) {
            auth.revokeAllSessions(user);
        } else {
            auth.revokeSession(user, request.getParameter("revoke"));
        }
        response.setStatus(204);
    }
}
