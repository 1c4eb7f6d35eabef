package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jwtauth.config.SchemaMode;
import org.jwtauth.refresh.IssuedRefreshToken;
import org.jwtauth.refresh.RefreshRejectedException;
import org.jwtauth.refresh.RefreshTokenService;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.RefreshTokenGenerator;
import org.jwtauth.refresh.RefreshTokenHash;
import org.jwtauth.testing.MutableClock;

/**
 * Two nodes (two stores, each its own EntityManagerFactory, one database) and eight threads present one refresh
 * token at the same moment, half on each node: exactly one wins each round, the others are refused as a
 * concurrent use, and the family lives on through the winner for the next round.
 */
class MultiNodeRefreshRaceTest {

    private static final int ROUNDS = 100;
    private static final int THREADS = 8;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void eachRoundOfConcurrentRefreshesAcrossTwoNodesHasExactlyOneWinnerAndTheFamilyStaysUsable(TestDatabase db)
            throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
        RefreshTokenGenerator tokens = new RefreshTokenGenerator(new SecureRandom(), new byte[32]);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        try (TestDatabase.Scratch scratch = db.scratch();
             RefreshTokenStore nodeA = JpaRefreshTokenStores.open(scratch.settings(SchemaMode.CREATE), scratch.directory);
             RefreshTokenStore nodeB = JpaRefreshTokenStores.open(scratch.settings(SchemaMode.CREATE), scratch.directory)) {
            RefreshTokenService[] nodes = {service(nodeA, tokens, clock), service(nodeB, tokens, clock)};
            IssuedRefreshToken current = nodes[0].startSession("alice");
            for (int round = 0; round < ROUNDS; round++) {
                current = race(pool, nodes, current, round);
            }
            // The last winner's token still rotates, on either node.
            assertNotNull(nodes[1].rotate(current.token(), "alice", current.sessionId()));
        } finally {
            pool.shutdownNow();
        }
        System.out.println("MEASURED " + db + ": " + ROUNDS + " rounds x " + THREADS + " threads on two nodes in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private static IssuedRefreshToken race(ExecutorService pool, RefreshTokenService[] nodes,
                                           IssuedRefreshToken current, int round) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<IssuedRefreshToken>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            RefreshTokenService node = nodes[t % 2];
            results.add(pool.submit(() -> {
                go.await();
                try {
                    return node.rotate(current.token(), "alice", current.sessionId());
                } catch (RefreshRejectedException e) {
                    // A loser is told "concurrently rotated", never "reused" (which would revoke the family).
                    assertEquals(RefreshRejectedException.Reason.CONCURRENTLY_ROTATED, e.reason(), "round " + round);
                    return null;
                }
            }));
        }
        go.countDown();
        IssuedRefreshToken winner = null;
        int wins = 0;
        for (Future<IssuedRefreshToken> result : results) {
            IssuedRefreshToken r = result.get(60, TimeUnit.SECONDS);
            if (r != null) {
                wins++;
                winner = r;
            }
        }
        assertEquals(1, wins, "round " + round);
        return winner;
    }

    private static RefreshTokenService service(RefreshTokenStore store, RefreshTokenGenerator tokens, MutableClock clock) {
        return new RefreshTokenService(store, tokens, Duration.ofDays(14), Duration.ofDays(90), Duration.ZERO, clock);
    }
}
