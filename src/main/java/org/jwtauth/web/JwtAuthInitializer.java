package org.jwtauth.web;

import java.util.Set;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;

import org.jwtauth.store.HostProvidersFirst;
import org.slf4j.LoggerFactory;

/**
 * The library's one ServletContainerInitializer (META-INF/services): containers run it before any listener, the
 * host application's included, so it is where the library fails closed ({@link FragmentGuardInitializer}) and
 * where it keeps the host's persistence units with their own JPA provider ({@link HostProvidersFirst}) before the
 * host's own listeners bootstrap them.
 *
 * <p>Compiled for Java 8 (with its anonymous listener and {@link RuntimeRequirement}; see the POM), because it is
 * the first class a container loads from the JAR: on a JVM too old for the rest it says so before touching any
 * Java 11 class. Keep it to the Java 8 API and free of catch clauses naming the library's own types (the verifier
 * would load them).
 */
public final class JwtAuthInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        String tooOld = RuntimeRequirement.problem(System.getProperty("java.specification.version"));
        if (tooOld != null) {
            // Before any Java 11 class of the library is touched; the container logs why the context did not start.
            throw new ServletException(tooOld);
        }
        if (getClass().getClassLoader() != context.getClassLoader()) {
            // Loaded from outside this application (a container's shared lib, a test's class path): the
            // application does not carry the library, so there is nothing of it to protect or to keep apart.
            return;
        }
        new FragmentGuardInitializer().onStartup(classes, context);
        AutoCloseable restore = HostProvidersFirst.install();
        context.addListener(new ServletContextListener() {
            /** Nothing to do at start; declared because Servlet 3.1 (Jetty 9.4) has no default for it. */
            @Override
            public void contextInitialized(ServletContextEvent event) {
            }

            @Override
            public void contextDestroyed(ServletContextEvent event) {
                // The JPA API's holder may outlive this application (an API JAR shared by the container): never
                // leave it pointing at our class loader.
                try {
                    restore.close();
                } catch (Exception e) {
                    LoggerFactory.getLogger(JwtAuthInitializer.class).warn("jwt-servlet-auth: could not put back"
                            + " the JPA provider resolver of {}", Composition.name(context), e);
                }
            }
        });
    }
}
