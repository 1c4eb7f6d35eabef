package org.jwtauth.web;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Clock;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.Settings;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.login.LoginThrottle;
import org.jwtauth.login.UserAuthenticator;
import org.jwtauth.refresh.CleanupScheduler;
import org.jwtauth.refresh.ExpiredTokenCleanup;
import org.jwtauth.refresh.RefreshTokenService;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.RefreshTokens;
import org.jwtauth.store.JpaRefreshTokenStores;
import org.jwtauth.token.AccessTokenIssuer;
import org.jwtauth.token.AccessTokenVerifier;
import org.jwtauth.token.SigningKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the library's components once at start-up from the context-params (design section 4), publishes them
 * under {@link JwtAuthComponents#ATTRIBUTE} and starts the cleanup thread; on shutdown stops the thread and
 * closes the store. A wrong setting stops the web application with a message that names the key.
 */
public final class JwtAuthListener implements ServletContextListener {

    private static final Logger LOG = LoggerFactory.getLogger(JwtAuthListener.class);

    /** This web application's store and cleanup; a listener instance belongs to one web application. */
    private RefreshTokenStore store;
    private CleanupScheduler cleanup;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        if (context.getAttribute(JwtAuthComponents.ATTRIBUTE) != null) {
            throw new IllegalStateException("jwt-servlet-auth is initialised twice in " + name(context)
                    + ": declare " + JwtAuthListener.class.getName() + " once (the web fragment already declares it)");
        }
        try {
            start(context);
        } catch (ConfigurationException e) {
            // Some containers only say "context failed to start"; the key must be in the log.
            LOG.error("jwt-servlet-auth cannot start {}: {}", name(context), e.getMessage());
            stop();
            throw e;
        } catch (RuntimeException e) {
            LOG.error("jwt-servlet-auth cannot start {}", name(context), e);
            stop();
            throw e;
        }
    }

    private void start(ServletContext context) {
        Settings settings = new SettingsParser(ConfigSource.layered(ConfigSource.of(context::getInitParameter))).parse();
        Clock clock = Clock.systemUTC();
        UserAuthenticator authenticator = AuthenticatorFactory.create(settings.authenticator(), settings.loginRoles(),
                context.getClassLoader());
        SigningKeys keys = KeyComponentsFactory.signingKeys(settings);
        AccessTokenIssuer issuer = new AccessTokenIssuer(keys, settings.issuer(), settings.audience(),
                settings.rolesClaim(), settings.accessTokenLifetime(), clock);
        AccessTokenVerifier verifier = new AccessTokenVerifier(keys, settings.issuer(), settings.audience(),
                settings.rolesClaim(), settings.accessTokenLifetime(), settings.clockSkew(), clock);
        store = JpaRefreshTokenStores.openOrDefer(settings.store(), embeddedDirectory(context));
        RefreshTokenService refreshTokens = new RefreshTokenService(store,
                new RefreshTokens(new SecureRandom(), KeyComponentsFactory.successorKey(settings, keys)),
                settings.refreshTokenLifetime(), settings.sessionMaxLifetime(), settings.retryWindow(), clock);
        cleanup = new CleanupScheduler(new ExpiredTokenCleanup(store, clock), settings.cleanupInterval(),
                "jwtauth-cleanup" + context.getContextPath().replace('/', '-'));
        String realm = settings.realm().orElse(name(context));
        context.setAttribute(JwtAuthComponents.ATTRIBUTE, new JwtAuthComponents(settings, realm, clock, issuer,
                verifier, refreshTokens, authenticator, new LoginThrottle(settings.throttle(), clock), keys,
                KeyComponentsFactory.bearerVerifier(settings, verifier, clock)));
        new FragmentCheck(context).warnIfNotLoaded();
        LOG.info("jwt-servlet-auth started for {}: {}", name(context), settings.summary());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        event.getServletContext().removeAttribute(JwtAuthComponents.ATTRIBUTE);
        stop();
    }

    private void stop() {
        if (cleanup != null) {
            cleanup.close();
            cleanup = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }

    /** The container's private temporary directory of this web application (Servlet 6.0 section 4.8.1). */
    private static Path embeddedDirectory(ServletContext context) {
        Object dir = context.getAttribute(ServletContext.TEMPDIR);
        if (dir instanceof File) {
            return ((File) dir).toPath();
        }
        return Paths.get(System.getProperty("java.io.tmpdir"), "jwtauth" + context.getContextPath().replace('/', '-'));
    }

    private static String name(ServletContext context) {
        String path = context.getContextPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
