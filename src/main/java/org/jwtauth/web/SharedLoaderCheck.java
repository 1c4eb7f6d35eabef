package org.jwtauth.web;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletContext;

import org.jwtauth.config.EnvironmentException;

/**
 * One application per copy of the library. In WEB-INF/lib each application has its own copy and there is nothing
 * to check. Loaded from a class loader above the application's (an embedded server with everything on the class
 * path, a Spring Boot jar, {@code $CATALINA_BASE/lib}, a Jetty server's class path) the first application to start
 * works; a second one while the first is running is refused, because the library's dependencies would then be
 * shared by both: one {@code jakarta.persistence} provider resolver, which the library orders for its host
 * ({@code HostProvidersFirst}), one EclipseLink and one H2 driver, holding what an application left behind after its
 * undeploy; and a container applies neither the web fragment nor the fail-closed initializer of a shared JAR to
 * every application alike.
 *
 * <p>The one piece of static mutable state in the library, on purpose: which application holds a shared copy is a
 * fact about the class loader, and only a static field of a class in it can record it.
 */
final class SharedLoaderCheck {

    /** The application that holds a copy loaded above the applications' own loaders, or null. */
    private static final AtomicReference<String> HOLDER = new AtomicReference<>();

    private SharedLoaderCheck() {
    }

    /**
     * Claims this copy for {@code context}, or refuses the start.
     *
     * @return what {@link #release} needs: null when the application has a copy of its own
     */
    static String claim(ServletContext context) {
        if (SharedLoaderCheck.class.getClassLoader() == context.getClassLoader()) {
            return null;
        }
        String holder = Composition.name(context) + " (context " + System.identityHashCode(context) + ")";
        String other = HOLDER.compareAndExchange(null, holder);
        if (other != null) {
            throw new EnvironmentException("jwt-servlet-auth must be in WEB-INF/lib of " + Composition.name(context)
                    + ": it was loaded by a class loader shared by several applications ("
                    + SharedLoaderCheck.class.getClassLoader().getClass().getName() + ", e.g. $CATALINA_BASE/lib or"
                    + " the server's class path), and " + other + " already uses it. Copy jwt-servlet-auth and its"
                    + " dependencies into WEB-INF/lib of every application that uses it, and remove them from the"
                    + " shared location.");
        }
        return holder;
    }

    /** Gives up what {@link #claim} took (null: nothing). */
    static void release(String claim) {
        if (claim != null) {
            HOLDER.compareAndSet(claim, null);
        }
    }
}
