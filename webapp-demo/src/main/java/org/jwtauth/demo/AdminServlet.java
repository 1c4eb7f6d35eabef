package org.jwtauth.demo;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/admin}: an administrators-only resource, guarded the way existing code often does it, with
 * {@code isUserInRole} in the servlet itself rather than a security-constraint.
 */
public class AdminServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!request.isUserInRole("admin")) {
            body.put("error", "forbidden");
            body.put("error_description", "This resource requires the admin role");
            JsonResponse.write(response, HttpServletResponse.SC_FORBIDDEN, body);
            return;
        }
        body.put("message", "Welcome to the administrators' area");
        body.put("name", request.getRemoteUser());
        JsonResponse.write(response, HttpServletResponse.SC_OK, body);
    }
}
