package org.jwtauth.web.javax;

import java.util.Set;

import javax.servlet.ServletContainerInitializer;
import javax.servlet.ServletContext;
import javax.servlet.ServletException;

/**
 * Stops an application in a {@code javax.servlet} container (Tomcat 9 and 8.5, Jetty 9.4 and 10, Jetty 12 ee8),
 * which reads META-INF/services/javax.servlet.ServletContainerInitializer and never the jakarta one. Without it,
 * such a container applies the web fragment and fails with a linkage error on the first jakarta class, naming no
 * requirement. Java 8 bytecode, the javax Servlet 3.0 API only: Tomcat 8.5 and Jetty 9.4 run on Java 8.
 */
public final class JakartaOnlyInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        String path = context.getContextPath();
        throw new ServletException("jwt-servlet-auth stops " + (path == null || path.isEmpty() ? "/" : path)
                + ": this JAR is built for jakarta.servlet 5.0 or later, but the container implements javax.servlet"
                + " (Servlet " + context.getMajorVersion() + "." + context.getMinorVersion() + ", "
                + context.getServerInfo() + "). Run the application on Tomcat 10.0 or later, or Jetty 11 or later"
                + " (Jetty 12: the ee9 or ee10 environment); see the README, install.");
    }
}
