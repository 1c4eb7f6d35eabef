package org.jwtauth.refresh;

import java.security.SecureRandom;
import java.time.Clock;

import org.jwtauth.config.Settings;
import org.jwtauth.token.SigningKeys;

/** This package's factory: the refresh-token service over a store, and the cleanup of that store. */
public final class RefreshFactory {

    private RefreshFactory() {
    }

    public static RefreshTokenService service(Settings settings, RefreshTokenStore store, SigningKeys keys,
                                              Clock clock) {
        return new RefreshTokenService(store, new RefreshTokenGenerator(new SecureRandom(), keys.derivationSeed()),
                settings.refreshTokenLifetime(), settings.sessionMaxLifetime(), settings.retryWindow(), clock);
    }

    /** Starts the cleanup thread, named {@code threadName}; close it on undeploy. */
    public static CleanupScheduler cleanup(Settings settings, RefreshTokenStore store, Clock clock,
                                           String threadName) {
        return new CleanupScheduler(new ExpiredTokenCleanup(store, clock), settings.cleanupInterval(), threadName);
    }
}
