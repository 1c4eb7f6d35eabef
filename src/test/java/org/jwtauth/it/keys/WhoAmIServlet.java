package org.jwtauth.it.keys;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** An application API behind the filter: answers with the caller's name and whether they hold "user"/"admin". */
public class WhoAmIServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print(request.getRemoteUser() + " user=" + request.isUserInRole("user") + " admin="
                + request.isUserInRole("admin"));
    }
}
