package org.jwtauth.it;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Unprotected: {@code GET ?id=X} answers {@code true} when a request carrying {@code X-Test-Id: X} reached an
 * application resource. The ids live in a ServletContext attribute, so they belong to this web app alone.
 */
public class ReachedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    public static final String HEADER = "X-Test-Id";
    private static final String ATTRIBUTE = ReachedServlet.class.getName() + ".ids";

    public static void record(HttpServletRequest request) {
        String id = request.getHeader(HEADER);
        if (id != null) {
            ids(request.getServletContext()).add(id);
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> ids(ServletContext context) {
        synchronized (context) {
            Object ids = context.getAttribute(ATTRIBUTE);
            if (ids == null) {
                ids = ConcurrentHashMap.newKeySet();
                context.setAttribute(ATTRIBUTE, ids);
            }
            return (Set<String>) ids;
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print(id != null && ids(getServletContext()).contains(id));
    }
}
