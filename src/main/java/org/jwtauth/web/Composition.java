package org.jwtauth.web;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.ArrayList;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.ServletContext;

import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.Settings;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.events.AuditLogListener;
import org.jwtauth.events.AuthEventListener;
import org.jwtauth.events.AuthEventListeners;
import org.jwtauth.events.AuthEvents;
import org.jwtauth.jmx.JwtAuthMonitor;
import org.jwtauth.jmx.MonitorRegistration;
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
 * factory, and owns what must be closed on undeploy (the store, the cleanup, revocation poll and event threads,
 * the MXBean). Whatever the settings can refuse is built before the store is opened, so a wrong value opens
 * nothing.
 */
final class Composition implements AutoCloseable {

    private final JwtAuthComponents components;
    private final RefreshTokenStore store;
    private final List<BackgroundTask> threads;
    private final AuthEvents events;
    private final MonitorRegistration monitor;

    private Composition(JwtAuthComponents components, RefreshTokenStore store, List<BackgroundTask> threads,
                        AuthEvents events, MonitorRegistration monitor) {
        this.components = components;
        this.store = store;
        this.threads = threads;
        this.events = events;
        this.monitor = monitor;
    }

    static Composition start(ServletContext context) {
        Settings settings = new SettingsParser(ConfigSource.layered(ConfigSource.of(context::getInitParameter)))
                .parse(context.getContextPath());
        Clock clock = Clock.systemUTC();
        UserAuthenticator authenticator = AuthenticatorFactory.create(settings.authenticator(), settings.loginRoles(),
                context.getClassLoader());
        List<AuthEventListener> listeners = AuthEventListeners.create(settings.eventListeners(),
                context.getClassLoader());
        SigningKeys keys = SigningKeysFactory.from(settings);
        EclipseLinkCopies.requireOne(JpaRefreshTokenStores.class.getClassLoader());
        AccessTokenVerifier ownTokens = AccessTokenFactory.verifier(settings, keys, clock);
        RefreshTokenStore store = JpaRefreshTokenStores.openOrDefer(settings.store(),
                settings.store().url().isPresent() || settings.store().dataSource().isPresent() ? null
                        : embeddedDirectory(context, settings.store().directory()));
        String suffix = context.getContextPath().replace('/', '-');
        JwtAuthMonitor counters = new JwtAuthMonitor(settings.summary());
        // The built-in audit listener first, then the configured ones in their order.
        AuthEvents events = new AuthEvents(clock, counters, counters::eventDropped,
                Stream.concat(Stream.of(new AuditLogListener(clock)), listeners.stream()).collect(Collectors.toList()),
                "jwtauth-events" + suffix, AuthEvents.QUEUE_CAPACITY);
        List<BackgroundTask> threads = new ArrayList<>();
        try {
            SessionCutOffs cutOffs = RefreshFactory.cutOffs(settings, store, clock);
            JwtAuthComponents components = new JwtAuthComponents(settings, settings.realm().orElse(name(context)),
                    clock, keys, AccessTokenFactory.issuer(settings, keys, clock),
                    AccessTokenFactory.callerVerifier(ownTokens, clock, cutOffs),
                    AccessTokenFactory.refreshVerifier(settings, keys, clock),
                    AccessTokenFactory.filterVerifier(TrustedIssuers.bearerVerifier(settings, ownTokens, clock),
                            settings, clock, cutOffs, counters),
                    RefreshFactory.service(settings, store, keys, cutOffs, clock), authenticator,
                    new LoginThrottle(settings.throttle(), clock),
                    RefreshTokenCookie.of(settings.refreshTokenCookie(), context), events);
            threads.add(RefreshFactory.cleanup(settings, store, clock, "jwtauth-cleanup" + suffix,
                    counters::cleanupDeleted));
            threads.add(RefreshFactory.revocationPoll(settings, cutOffs, "jwtauth-revocation-poll" + suffix));
            return new Composition(components, store, List.copyOf(threads), events,
                    MonitorRegistration.register(counters, MonitorName.of(context)));
        } catch (RuntimeException e) {
            threads.forEach(BackgroundTask::close);
            events.close();
            store.close();
            throw e;
        }
    }

    JwtAuthComponents components() {
        return components;
    }

    @Override
    public void close() {
        monitor.close();
        threads.forEach(BackgroundTask::close);
        // After the last request has published its event; what is queued is delivered for a moment.
        events.close();
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
