package org.jwtauth.it;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An application servlet behind the library's filter ({@code /api/me}): answers with what the plain Servlet
 * API tells it about the caller, as a legacy servlet would see it. Knows nothing of the library.
 */
public class MeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Roles asked about with {@code isUserInRole}; "auditor" and "nobody" are never candidate roles. */
    static final List<String> PROBED_ROLES = List.of("user", "admin", "support", "auditor", "nobody");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal principal = request.getUserPrincipal();
        String roles = PROBED_ROLES.stream().filter(request::isUserInRole).map(r -> '"' + r + '"')
                .collect(Collectors.joining(",", "[", "]"));
        String body = "{\"name\":" + quoted(principal == null ? null : principal.getName())
                + ",\"remoteUser\":" + quoted(request.getRemoteUser())
                + ",\"authType\":" + quoted(request.getAuthType())
                + ",\"roles\":" + roles + "}";
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(body);
    }

    /** Test user names and roles are plain ASCII letters: no escaping is needed. */
    private static String quoted(String value) {
        return value == null ? "null" : '"' + value + '"';
    }
}
