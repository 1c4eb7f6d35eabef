package org.jwtauth.web;

import java.util.Optional;
import java.util.Set;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

import org.jwtauth.log.Log;

/**
 * Fails closed when the container ignored the library's web fragment (design section 13). With
 * {@code metadata-complete="true"}, a Servlet 2.5 web.xml or an {@code <absolute-ordering>} without
 * {@code jwt_servlet_auth}, the fragment's listener and filter do not exist, nothing would warn, and
 * {@code /api/*} would be open. Containers still run the ServletContainerInitializers of WEB-INF/lib JARs (Servlet
 * 6.0 section 8.2.4; not those of a JAR an absolute ordering leaves out), after web.xml and the fragments were
 * applied: if no {@link BearerTokenFilter} is registered by then, this one stops the application with a message
 * saying what to declare. It registers nothing itself: where the filter goes is the deployer's choice, and a
 * library that quietly re-added what web.xml left out would change what its host does.
 *
 * <p>Run by {@link JwtAuthInitializer}, the one initializer the JAR's service file names (it must be Java 8 bytecode;
 * this class need not be).
 */
public final class FragmentGuardInitializer implements ServletContainerInitializer {

    private static final Log LOG = Log.of(FragmentGuardInitializer.class);

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        if (getClass().getClassLoader() != context.getClassLoader()) {
            // Loaded from outside this application (a container's shared lib, a test's class path): the
            // application does not carry the library, so there is nothing of it to protect.
            return;
        }
        Optional<String> problem = new FragmentCheck(context).missingFilter();
        if (problem.isPresent()) {
            // Some containers only say "context failed to start"; the reason must be in the log.
            LOG.error("jwt-servlet-auth stops {}: {}", Composition.name(context), problem.get());
            throw new ServletException("jwt-servlet-auth stops " + Composition.name(context) + ": " + problem.get());
        }
    }
}
