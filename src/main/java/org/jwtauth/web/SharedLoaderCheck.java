package org.jwtauth.web;

import jakarta.servlet.ServletContext;

import org.jwtauth.config.EnvironmentException;

/**
 * Refuses to run from a class loader that several applications share ({@code $CATALINA_BASE/lib}, Tomcat's
 * {@code shared.loader}, a Jetty server's class path). The library's parts are per application, but its
 * dependencies are not, there: one {@code jakarta.persistence} provider resolver, which the library orders for the
 * host's units ({@code HostProvidersFirst}), one EclipseLink and one H2 driver for every application, all of them
 * holding what an application left behind after its undeploy; and a container reads neither the web fragment nor
 * the fail-closed initializer of a shared JAR for every application alike. So the rule is simple and checked: the
 * library and its dependencies go into WEB-INF/lib of each application that uses it.
 */
final class SharedLoaderCheck {

    private SharedLoaderCheck() {
    }

    static void requireOwnLoader(ServletContext context) {
        ClassLoader ours = SharedLoaderCheck.class.getClassLoader();
        if (ours != context.getClassLoader()) {
            throw new EnvironmentException("jwt-servlet-auth must be in WEB-INF/lib of " + Composition.name(context)
                    + ", but it was loaded by a class loader shared by several applications (" + ours.getClass().getName()
                    + ", e.g. $CATALINA_BASE/lib or the server's class path). Copy jwt-servlet-auth and its"
                    + " dependencies into WEB-INF/lib of every application that uses it, and remove them from the"
                    + " shared location.");
        }
    }
}
