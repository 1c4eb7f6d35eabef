package org.jwtauth.it.hostile;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The application behind the filter, deployed in WEB-INF/classes. Mapped to {@code /api/*}, it counts every
 * request that reaches it; mapped to {@code /count} (outside the filter) it answers that count, so a test can
 * show that a rejected request never got to the application.
 */
public class CountingAppServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final AtomicInteger reached = new AtomicInteger();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        if ("/count".equals(request.getServletPath())) {
            response.getWriter().print(reached.get());
            return;
        }
        reached.incrementAndGet();
        response.getWriter().print("reached as " + request.getRemoteUser());
    }
}
