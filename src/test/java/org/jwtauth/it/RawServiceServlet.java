package org.jwtauth.it;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;


/**
 * A legacy servlet that overrides {@code service()}: it answers every method, OPTIONS included, with the
 * method and the caller it sees, so an OPTIONS that passed the filter would run its code.
 */
public class RawServiceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ReachedServlet.record(request);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print(request.getMethod() + " by " + request.getRemoteUser());
    }
}
