package org.jwtauth.web;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.ServletContext;

import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.Settings;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.keys.SigningKeysFactory;
import org.jwtauth.login.AuthenticatorFactory;
import org.jwtauth.login.LoginThrottle;
import org.jwtauth.login.UserAuthenticator;
import org.jwtauth.refresh.BackgroundTask;
import org.jwtauth.refresh.RefreshFactory;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.SessionCutOffs;
import org.jwtauth.store.EclipseLinkCopies;
import org.jwtauth.store.EmbeddedStoreLocation;
import org.jwtauth.store.JpaRefreshTokenStores;
import org.jwtauth.token.AccessTokenFactory;
import org.jwtauth.token.AccessTokenVerifier;
import org.jwtauth.token.SigningKeys;
import org.jwtauth.trusted.TrustedIssuers;

/**
 * The composition root: builds every component of one web application from its settings, asking each package's
 * factory, and owns what must be closed on undeploy (the store, the cleanup and the revocation poll threads). Whatever the settings can
 * refuse is built before the store is opened, so a wrong value opens nothing.
 */
final class Composition implements AutoCloseable {

    private final JwtAuthComponents components;
    private final RefreshTokenStore store;
    private final List<BackgroundTask> threads;

    private Composition(JwtAuthComponents components, RefreshTokenStore store, List<BackgroundTask> threads) {
        this.components = components;
        this.store = store;
        this.threads = threads;
    }

    static Composition start(ServletContext context) {
        Settings settings = new SettingsParser(ConfigSource.layered(ConfigSource.of(context::getInitParameter)))
                .parse(context.getContextPath());
        Clock clock = Clock.systemUTC();
        UserAuthenticator authenticator = AuthenticatorFactory.create(settings.authenticator(), settings.loginRoles(),
                context.getClassLoader());
        SigningKeys keys = SigningKeysFactory.from(settings);
        EclipseLinkCopies.requireOne(JpaRefreshTokenStores.class.getClassLoader());
        AccessTokenVerifier ownTokens = AccessTokenFactory.verifier(settings, keys, clock);
        RefreshTokenStore store = JpaRefreshTokenStores.openOrDefer(settings.store(),
                settings.store().url().isPresent() || settings.store().dataSource().isPresent() ? null
                        : embeddedDirectory(context, settings.store().directory()));
        try {
            SessionCutOffs cutOffs = RefreshFactory.cutOffs(settings, store, clock);
            JwtAuthComponents components = new JwtAuthComponents(settings, settings.realm().orElse(name(context)),
                    clock, keys, AccessTokenFactory.issuer(settings, keys, clock),
                    AccessTokenFactory.callerVerifier(ownTokens, clock, cutOffs),
                    AccessTokenFactory.refreshVerifier(settings, keys, clock),
                    AccessTokenFactory.filterVerifier(TrustedIssuers.bearerVerifier(settings, ownTokens, clock),
                            settings, clock, cutOffs),
                    RefreshFactory.service(settings, store, keys, cutOffs, clock), authenticator,
                    new LoginThrottle(settings.throttle(), clock),
                    RefreshTokenCookie.of(settings.refreshTokenCookie(), context));
            String suffix = context.getContextPath().replace('/', '-');
            List<BackgroundTask> threads = List.of(
                    RefreshFactory.cleanup(settings, store, clock, "jwtauth-cleanup" + suffix),
                    RefreshFactory.revocationPoll(settings, cutOffs, "jwtauth-revocation-poll" + suffix));
            return new Composition(components, store, threads);
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
        threads.forEach(BackgroundTask::close);
        store.close();
    }

    /**
     * The embedded default's directory, outside the context's temporary directory (which a redeploy deletes); a
     * database an earlier version kept there is moved once.
     */
    private static Path embeddedDirectory(ServletContext context, Optional<Path> configured) {
        Path directory = EmbeddedStoreLocation.choose(configured, System::getProperty, context.getVirtualServerName(),
                context.getContextPath());
        Object temp = context.getAttribute(ServletContext.TEMPDIR);
        EmbeddedStoreLocation.moveOnce(temp instanceof File ? ((File) temp).toPath() : null, directory);
        return directory;
    }

    static String name(ServletContext context) {
        String path = context.getContextPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
