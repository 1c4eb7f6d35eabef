package org.jwtauth.it.recheck;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The application's own administration: {@code POST /admin/users?name=alice&roles=user} (or {@code disabled}). */
public class DirectoryServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DirectoryAuthenticator.USERS.put(request.getParameter("name"), request.getParameter("roles"));
        response.setStatus(204);
    }
}
