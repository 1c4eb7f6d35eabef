package org.jwtauth.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.EnvironmentException;
import org.jwtauth.log.Log;

/**
 * Starts the library for one web application at start-up (design section 4) through the {@link Composition},
 * publishes its components under {@link JwtAuthComponents#ATTRIBUTE}, and closes it on shutdown. A wrong
 * setting stops the web application with a message that names the key, and is published in that attribute too.
 */
public final class JwtAuthListener implements ServletContextListener {

    private static final Log LOG = Log.of(JwtAuthListener.class);

    /** This web application's running composition; a listener instance belongs to one web application. */
    private Composition composition;
    /** This application's hold on a copy of the library shared with others ({@link SharedLoaderCheck}), or null. */
    private String sharedCopy;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        if (context.getAttribute(JwtAuthComponents.ATTRIBUTE) != null) {
            throw new IllegalStateException("jwt-servlet-auth is initialised twice in " + Composition.name(context)
                    + ": declare " + JwtAuthListener.class.getName() + " once (the web fragment already declares it)");
        }
        try {
            sharedCopy = SharedLoaderCheck.claim(context);
            composition = Composition.start(context);
        } catch (ConfigurationException | EnvironmentException e) {
            SharedLoaderCheck.release(sharedCopy);
            // Some containers only say "context failed to start"; the key must be in the log.
            LOG.error("jwt-servlet-auth cannot start {}: {}", Composition.name(context), e.getMessage());
            context.setAttribute(JwtAuthComponents.ATTRIBUTE, StartupFailure.of(e));
            throw e;
        } catch (RuntimeException e) {
            SharedLoaderCheck.release(sharedCopy);
            LOG.error("jwt-servlet-auth cannot start {}", Composition.name(context), e);
            context.setAttribute(JwtAuthComponents.ATTRIBUTE, StartupFailure.of(e));
            throw e;
        }
        JwtAuthComponents components = composition.components();
        context.setAttribute(JwtAuthComponents.ATTRIBUTE, components);
        new FragmentCheck(context).problems().forEach(problem -> LOG.warn("jwt-servlet-auth: {}", problem));
        LOG.info("jwt-servlet-auth started for {}: {}", Composition.name(context), components.settings.summary());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        event.getServletContext().removeAttribute(JwtAuthComponents.ATTRIBUTE);
        if (composition != null) {
            composition.close();
            composition = null;
        }
        SharedLoaderCheck.release(sharedCopy);
        sharedCopy = null;
    }
}
