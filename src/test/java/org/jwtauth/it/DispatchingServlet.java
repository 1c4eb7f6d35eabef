package org.jwtauth.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Outside {@code /api}: {@code /pages/forward} forwards to {@code /api/whoami} (as a URL rewrite rule does),
 * {@code /pages/include} includes it between two markers (as {@code <jsp:include>} does).
 */
public class DispatchingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String TARGET = "/api/whoami";
    static final String BEFORE = "before[";
    static final String AFTER = "]after";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (request.getServletPath().endsWith("/forward")) {
            request.getRequestDispatcher(TARGET).forward(request, response);
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        ServletOutputStream out = response.getOutputStream();
        out.write(BEFORE.getBytes(StandardCharsets.UTF_8));
        request.getRequestDispatcher(TARGET).include(request, response);
        out.write(AFTER.getBytes(StandardCharsets.UTF_8));
    }
}
