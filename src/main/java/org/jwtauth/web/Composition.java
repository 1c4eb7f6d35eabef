package org.jwtauth.web;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;

import jakarta.servlet.ServletContext;

import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.Settings;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.keys.SigningKeysFactory;
import org.jwtauth.login.AuthenticatorFactory;
import org.jwtauth.login.LoginThrottle;
import org.jwtauth.login.UserAuthenticator;
import org.jwtauth.refresh.CleanupScheduler;
import org.jwtauth.refresh.RefreshFactory;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.store.JpaRefreshTokenStores;
import org.jwtauth.token.AccessTokenFactory;
import org.jwtauth.token.AccessTokenVerifier;
import org.jwtauth.token.SigningKeys;
import org.jwtauth.trusted.TrustedIssuers;

/**
 * The composition root: builds every component of one web application from its settings, asking each package's
 * factory, and owns what must be closed on undeploy (the store and the cleanup thread). Whatever the settings can
 * refuse is built before the store is opened, so a wrong value opens nothing.
 */
final class Composition implements AutoCloseable {

    private final JwtAuthComponents components;
    private final RefreshTokenStore store;
    private final CleanupScheduler cleanup;

    private Composition(JwtAuthComponents components, RefreshTokenStore store, CleanupScheduler cleanup) {
        this.components = components;
        this.store = store;
        this.cleanup = cleanup;
    }

    static Composition start(ServletContext context) {
        Settings settings = new SettingsParser(ConfigSource.layered(ConfigSource.of(context::getInitParameter))).parse();
        Clock clock = Clock.systemUTC();
        UserAuthenticator authenticator = AuthenticatorFactory.create(settings.authenticator(), settings.loginRoles(),
                context.getClassLoader());
        SigningKeys keys = SigningKeysFactory.from(settings);
        AccessTokenVerifier ownTokens = AccessTokenFactory.verifier(settings, keys, clock);
        RefreshTokenStore store = JpaRefreshTokenStores.openOrDefer(settings.store(), embeddedDirectory(context));
        try {
            JwtAuthComponents components = new JwtAuthComponents(settings, settings.realm().orElse(name(context)),
                    clock, keys, AccessTokenFactory.issuer(settings, keys, clock), ownTokens,
                    TrustedIssuers.bearerVerifier(settings, ownTokens, clock),
                    RefreshFactory.service(settings, store, keys, clock), authenticator,
                    new LoginThrottle(settings.throttle(), clock));
            CleanupScheduler cleanup = RefreshFactory.cleanup(settings, store, clock,
                    "jwtauth-cleanup" + context.getContextPath().replace('/', '-'));
            return new Composition(components, store, cleanup);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    JwtAuthComponents components() {
        return components;
    }

    @Override
    public void close() {
        cleanup.close();
        store.close();
    }

    /** The container's private temporary directory of this web application (Servlet 6.0 section 4.8.1). */
    private static Path embeddedDirectory(ServletContext context) {
        Object dir = context.getAttribute(ServletContext.TEMPDIR);
        if (dir instanceof File) {
            return ((File) dir).toPath();
        }
        return Paths.get(System.getProperty("java.io.tmpdir"), "jwtauth" + context.getContextPath().replace('/', '-'));
    }

    static String name(ServletContext context) {
        String path = context.getContextPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
