package org.jwtauth.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jwtauth.testing.DelegatingStore;
import org.jwtauth.testing.H2Stores;
import org.jwtauth.testing.MutableClock;

class ExpiredTokenCleanupTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));

    private StoredRefreshToken row(String hash, String family, Duration idle, Duration absolute) {
        Instant now = clock.instant();
        return StoredRefreshToken.active(hash, family, "alice", now, now.plus(idle), now.plus(absolute));
    }

    @Test
    void runWhenRowsAreIdleOrFamilyExpiredThenDeletedAndRotatedRowsKeptUntilTheirSessionExpires() {
        try (RefreshTokenStore store = H2Stores.open(dir)) {
            store.insert(row("idle-expired", "f1", Duration.ofMinutes(1), Duration.ofDays(1)));
            store.insert(row("family-expired", "f2", Duration.ofDays(2), Duration.ofMinutes(1)));
            store.insert(row("rotated", "f3", Duration.ofDays(1), Duration.ofDays(1)));
            assertTrue(store.rotate("rotated", clock.instant(), "rotating-jti",
                    row("successor", "f3", Duration.ofDays(1), Duration.ofDays(1)), ClientInfo.NONE));
            clock.advance(Duration.ofMinutes(2));

            new ExpiredTokenCleanup(store, clock, 1).run();

            assertFalse(store.findByHash("idle-expired").isPresent());
            assertFalse(store.findByHash("family-expired").isPresent());
            assertEquals(RefreshTokenState.ROTATED, store.findByHash("rotated").get().state(),
                    "rotated rows stay for reuse detection until they expire");
            assertTrue(store.findByHash("successor").isPresent());

            clock.advance(Duration.ofDays(1));
            new ExpiredTokenCleanup(store, clock).run();
            assertFalse(store.findByHash("rotated").isPresent());
            assertFalse(store.findByHash("successor").isPresent());
        }
    }

    @Test
    void runWhenRowsAreDeletedInSeveralBatchesThenTheRunsTotalIsReportedOnce() {
        try (RefreshTokenStore store = H2Stores.open(dir)) {
            store.insert(row("a", "f1", Duration.ofMinutes(1), Duration.ofDays(1)));
            store.insert(row("b", "f2", Duration.ofMinutes(1), Duration.ofDays(1)));
            store.insert(row("c", "f3", Duration.ofMinutes(1), Duration.ofDays(1)));
            store.insert(row("kept", "f4", Duration.ofDays(1), Duration.ofDays(1)));
            clock.advance(Duration.ofMinutes(2));
            List<Long> reported = new ArrayList<>();

            new ExpiredTokenCleanup(store, clock, reported::add, 2).run();

            assertEquals(1, reported.size(), reported::toString);
            assertTrue(reported.get(0) >= 3, "at least the three expired token rows: " + reported);
            assertTrue(store.findByHash("kept").isPresent());
        }
    }

    @Test
    void schedulerWhenARunFailsThenTheNextScheduledRunStillHappens() throws Exception {
        try (RefreshTokenStore real = H2Stores.open(dir)) {
            real.insert(row("expired", "f1", Duration.ofMinutes(1), Duration.ofDays(1)));
            clock.advance(Duration.ofMinutes(2));
            AtomicInteger calls = new AtomicInteger();
            CountDownLatch secondRun = new CountDownLatch(1);
            // The real store is closed by the try-with-resources above, not through this wrapper.
            RefreshTokenStore failingOnce = new DelegatingStore(real) {
                @Override
                public int deleteExpired(Instant now, int batchSize) {
                    if (calls.incrementAndGet() == 1) {
                        throw new StoreUnavailableException("database down", null);
                    }
                    int deleted = super.deleteExpired(now, batchSize);
                    secondRun.countDown();
                    return deleted;
                }
            };
            try (BackgroundTask scheduler = new BackgroundTask(new ExpiredTokenCleanup(failingOnce, clock),
                    Duration.ofMillis(50), "jwtauth-cleanup-test")) {
                assertTrue(secondRun.await(10, TimeUnit.SECONDS), "the run after a failure happened");
            }
            assertFalse(real.findByHash("expired").isPresent());
        }
    }

    @Test
    void closeWhenSchedulerIsRunningThenItsThreadStops() throws Exception {
        try (RefreshTokenStore store = H2Stores.open(dir)) {
            BackgroundTask scheduler = new BackgroundTask(new ExpiredTokenCleanup(store, clock),
                    Duration.ofMillis(10), "jwtauth-cleanup-stoptest");
            Thread.sleep(50);
            assertTrue(threadAlive("jwtauth-cleanup-stoptest"));
            scheduler.close();
            assertFalse(threadAlive("jwtauth-cleanup-stoptest"));
        }
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}
