package org.jwtauth.web;

import java.time.Clock;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.Settings;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.token.AccessTokenIssuer;
import org.jwtauth.token.AccessTokenVerifier;
import org.jwtauth.token.HmacSigningKeys;
import org.jwtauth.token.SigningKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the library's components once at start-up from the context-params (design section 4) and
 * publishes them under {@link JwtAuthComponents#ATTRIBUTE}. A wrong setting stops the web application with a
 * message that names the key.
 */
public final class JwtAuthListener implements ServletContextListener {

    private static final Logger LOG = LoggerFactory.getLogger(JwtAuthListener.class);

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        if (context.getAttribute(JwtAuthComponents.ATTRIBUTE) != null) {
            throw new IllegalStateException("jwt-servlet-auth is initialised twice in " + name(context)
                    + ": declare " + JwtAuthListener.class.getName() + " once (the web fragment already declares it)");
        }
        Settings settings;
        try {
            settings = new SettingsParser(ConfigSource.layered(ConfigSource.of(context::getInitParameter))).parse();
        } catch (ConfigurationException e) {
            // Some containers only say "context failed to start"; the key must be in the log.
            LOG.error("jwt-servlet-auth cannot start {}: {}", name(context), e.getMessage());
            throw e;
        }
        Clock clock = Clock.systemUTC();
        SigningKeys keys = new HmacSigningKeys(settings.algorithm(), settings.secret());
        AccessTokenIssuer issuer = new AccessTokenIssuer(keys, settings.issuer(), settings.audience(),
                settings.rolesClaim(), settings.accessTokenLifetime(), clock);
        AccessTokenVerifier verifier = new AccessTokenVerifier(keys, settings.issuer(), settings.audience(),
                settings.rolesClaim(), settings.accessTokenLifetime(), settings.clockSkew(), clock);
        String realm = settings.realm().orElse(name(context));
        context.setAttribute(JwtAuthComponents.ATTRIBUTE, new JwtAuthComponents(settings, realm, issuer, verifier));
        new FragmentCheck(context).warnIfNotLoaded();
        LOG.info("jwt-servlet-auth started for {}: {}", name(context), settings.summary());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        event.getServletContext().removeAttribute(JwtAuthComponents.ATTRIBUTE);
    }

    private static String name(ServletContext context) {
        String path = context.getContextPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
