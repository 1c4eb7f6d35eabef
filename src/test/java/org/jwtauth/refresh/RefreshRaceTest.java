package org.jwtauth.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
    void concurrentRefreshWithOneTokenHasExactlyOneWinnerAndFamilyStaysUsable() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (RefreshTokenStore store = H2Stores.open(dir)) {
            RefreshTokenService service = new RefreshTokenService(store,
                    new RefreshTokenGenerator(new SecureRandom(), new byte[32]), Duration.ofDays(14), Duration.ofDays(90),
                    Duration.ZERO, clock);
            IssuedRefreshToken current = service.startSession("alice");
            for (int round = 0; round < ROUNDS; round++) {
                String presented = current.token();
                String family = current.sessionId();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<IssuedRefreshToken>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            return service.rotate(presented, "alice", family);
                        } catch (RefreshRejectedException e) {
                            assertEquals(RefreshRejectedException.Reason.CONCURRENTLY_ROTATED, e.reason());
                            return null;
                        }
                    }));
                }
                start.countDown();
                IssuedRefreshToken winner = null;
                int successes = 0;
                for (Future<IssuedRefreshToken> result : results) {
                    IssuedRefreshToken r = result.get(30, TimeUnit.SECONDS);
                    if (r != null) {
                        successes++;
                        winner = r;
                    }
                }
                assertEquals(1, successes, "round " + round);
                current = winner;
            }
            // The family survived all rounds: the last winner's token still rotates.
            service.rotate(current.token(), "alice", current.sessionId());
        } finally {
            pool.shutdownNow();
        }
    }
}
