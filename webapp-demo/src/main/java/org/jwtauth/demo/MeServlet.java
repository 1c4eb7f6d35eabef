package org.jwtauth.demo;

import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/me}: who is calling, as any servlet learns it through the plain Servlet API. The code knows
 * nothing about tokens; it works the same behind BASIC, FORM or bearer-token authentication.
 */
public class MeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal principal = request.getUserPrincipal();
        Map<String, Object> roles = new LinkedHashMap<>();
        roles.put("user", request.isUserInRole("user"));
        roles.put("admin", request.isUserInRole("admin"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", principal == null ? null : principal.getName());
        body.put("remoteUser", request.getRemoteUser());
        body.put("roles", roles);
        body.put("authType", request.getAuthType());
        JsonResponse.write(response, HttpServletResponse.SC_OK, body);
    }
}
