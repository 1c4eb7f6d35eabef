package org.jwtauth.refresh;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jwtauth.testing.H2Stores;
import org.jwtauth.testing.MutableClock;

/** Of N concurrent refreshes with one token, exactly one succeeds, and the family lives on through its winner. */
class RefreshRaceTest {

    private static final int ROUNDS = 50;
    private static final int THREADS = 8;

    @TempDir
    Path dir;

    @Test
    void rotateWhenOneTokenIsPresentedConcurrentlyThenExactlyOneWinnerAndTheFamilyStaysUsable() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
        try (RefreshTokenStore store = H2Stores.open(dir)) {
            RefreshTokenService service = new RefreshTokenService(store,
                    new RefreshTokenGenerator(new SecureRandom(), new byte[32]), Duration.ofDays(14), Duration.ofDays(90),
                    Duration.ZERO, new SessionCutOffs(store, "test", Duration.ofMinutes(15), clock), 0, clock);
            IssuedRefreshToken last = RefreshRace.run(ROUNDS, THREADS, "alice", service.startSession("alice", ClientInfo.NONE), service);
            // The family survived all rounds: the last winner's token still rotates.
            assertNotNull(service.rotate(last.token(), "alice", last.sessionId(), "jti-1", ClientInfo.NONE));
        }
    }
}
