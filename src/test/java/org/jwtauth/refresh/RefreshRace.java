package org.jwtauth.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Rounds of one refresh token presented by many threads at the same moment, the threads spread over the given
 * nodes (services, each on its own store): each round must have exactly one winner, whose token the next round
 * presents.
 */
public final class RefreshRace {

    private RefreshRace() {
    }

    /**
     * Runs {@code rounds} rounds of {@code threads} threads, thread {@code t} on node {@code t % nodes.length},
     * starting from {@code first}, issued to {@code subject}. Asserts that each round has exactly one winner and
     * that every loser is told "concurrently rotated", never "reused" (which would revoke the family).
     *
     * @return the last round's winner
     */
    public static IssuedRefreshToken run(int rounds, int threads, String subject, IssuedRefreshToken first,
                                         RefreshTokenService... nodes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            IssuedRefreshToken current = first;
            for (int round = 0; round < rounds; round++) {
                current = round(pool, threads, subject, current, round, nodes);
            }
            return current;
        } finally {
            pool.shutdownNow();
        }
    }

    private static IssuedRefreshToken round(ExecutorService pool, int threads, String subject,
                                            IssuedRefreshToken current, int round, RefreshTokenService[] nodes)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<IssuedRefreshToken>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            RefreshTokenService node = nodes[t % nodes.length];
            results.add(pool.submit(() -> {
                go.await();
                try {
                    return node.rotate(current.token(), subject, current.sessionId(), "jti-1", ClientInfo.NONE);
                } catch (RefreshRejectedException e) {
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
}
