package org.jwtauth.refresh;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.LongConsumer;

import org.jwtauth.config.Settings;
import org.jwtauth.token.SigningKeys;

/**
 * This package's factory: the refresh-token service over a store, the cut-offs learnt from it, and the two
 * threads that keep the store clean and the cut-offs current.
 */
public final class RefreshFactory {

    private RefreshFactory() {
    }

    public static RefreshTokenService service(Settings settings, RefreshTokenStore store, SigningKeys keys,
                                              SessionCutOffs cutOffs, Clock clock) {
        return new RefreshTokenService(store, new RefreshTokenGenerator(new SecureRandom(), keys.derivationSeed()),
                settings.refreshTokenLifetime(), settings.sessionMaxLifetime(), settings.retryWindow(), cutOffs,
                settings.sessions().maxPerUser().orElse(0), clock);
    }

    /**
     * The cut-offs of {@code store}'s revoked sessions, with what the store knows now: a node that starts refuses
     * at once the access tokens of sessions revoked before it started.
     */
    public static SessionCutOffs cutOffs(Settings settings, RefreshTokenStore store, Clock clock) {
        SessionCutOffs cutOffs = new SessionCutOffs(store, settings.issuer(),
                settings.accessTokenLifetime().plus(settings.clockSkew()), clock);
        cutOffs.poll();
        return cutOffs;
    }

    /** Starts the thread, named {@code threadName}, that polls for other nodes' revocations; close it on undeploy. */
    public static BackgroundTask revocationPoll(Settings settings, SessionCutOffs cutOffs, String threadName) {
        return new BackgroundTask(cutOffs::poll, settings.sessions().revocationPollInterval(), threadName);
    }

    /**
     * Starts the cleanup thread, named {@code threadName}, telling {@code deleted} each run's total; close it on
     * undeploy.
     */
    public static BackgroundTask cleanup(Settings settings, RefreshTokenStore store, Clock clock,
                                         String threadName, LongConsumer deleted) {
        return new BackgroundTask(new ExpiredTokenCleanup(store, clock, deleted), settings.cleanupInterval(),
                threadName);
    }
}
