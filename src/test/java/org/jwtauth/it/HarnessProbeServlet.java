package org.jwtauth.it;

import java.io.IOException;
import java.io.PrintWriter;
import java.security.CodeSource;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtauth.config.Settings;

/**
 * An application servlet deployed in WEB-INF/classes by the harness test. It reports, as
 * "key=value" lines, what only code inside the web app can see: which class loader loaded it
 * and the library, which fragments contributed, and what {@code request.login} does.
 */
public class HarnessProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PrintWriter out = writer(response);
        ClassLoader webAppLoader = getClass().getClassLoader();
        out.println("servlet.loader=" + webAppLoader.getClass().getName());
        out.println("servlet.loaderId=" + System.identityHashCode(webAppLoader));
        out.println("servlet.source=" + source(getClass()));
        out.println("nested.sameLoader=" + (Nested.class.getClassLoader() == webAppLoader));
        out.println("library.source=" + source(Settings.class));
        out.println("library.sameLoader=" + (Settings.class.getClassLoader() == webAppLoader));
        out.println("fragment.param=" + getServletContext().getInitParameter("it.fragment"));
        Set<String> libs = getServletContext().getResourcePaths("/WEB-INF/lib/");
        out.println("webInf.lib=" + (libs == null ? "" : String.join(",", new java.util.TreeSet<>(libs))));
        out.println("servletName=" + getServletName());
        out.println("header.X-Probe=" + java.util.Collections.list(request.getHeaders("X-Probe")));
    }

    /** Form fields "username", "password" and "roles" (comma-separated roles to probe). */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        try {
            request.login(username, password);
        } catch (ServletException e) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            PrintWriter out = writer(response);
            out.println("login.failed=" + e.getClass().getName());
            out.println("login.message=" + e.getMessage());
            return;
        }
        PrintWriter out = writer(response);
        out.println("remoteUser=" + request.getRemoteUser());
        out.println("principal=" + (request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName()));
        for (String role : request.getParameter("roles").split(",")) {
            out.println("inRole." + role + "=" + request.isUserInRole(role));
        }
        try {
            request.logout();
        } catch (ServletException e) {
            out.println("logout.failed=" + e.getClass().getName());
        }
        out.println("afterLogout.remoteUser=" + request.getRemoteUser());
    }

    private static PrintWriter writer(HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        return response.getWriter();
    }

    private static String source(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? "unknown" : String.valueOf(source.getLocation());
    }

    /** Only here to check that nested classes reach WEB-INF/classes too. */
    static final class Nested {
    }
}
