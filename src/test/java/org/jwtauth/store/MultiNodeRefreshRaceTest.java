package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.jwtauth.config.SchemaMode;
import org.jwtauth.refresh.ClientInfo;
import org.jwtauth.refresh.IssuedRefreshToken;
import org.jwtauth.refresh.RefreshRace;
import org.jwtauth.refresh.RefreshTokenGenerator;
import org.jwtauth.refresh.RefreshTokenHash;
import org.jwtauth.refresh.RefreshTokenService;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.SessionCutOffs;
import org.jwtauth.testing.MutableClock;

/**
 * Two nodes (two stores, each its own EntityManagerFactory, one database) and eight threads present one refresh
 * token at the same moment, half on each node: exactly one wins each round, the others are refused as a
 * concurrent use, and the family lives on through the winner for the next round.
 */
class MultiNodeRefreshRaceTest {

    private static final int ROUNDS = 100;
    private static final int THREADS = 8;

    @OnEveryDatabase
    void rotateWhenOneTokenIsPresentedConcurrentlyOnTwoNodesThenEachRoundHasOneWinnerAndTheFamilyStaysUsable(
            TestDatabase db) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
        RefreshTokenGenerator tokens = new RefreshTokenGenerator(new SecureRandom(), new byte[32]);
        long start = System.nanoTime();
        try (TestDatabase.Scratch scratch = db.scratch();
             RefreshTokenStore nodeA = JpaRefreshTokenStores.open(scratch.settings(SchemaMode.CREATE), scratch.directory);
             RefreshTokenStore nodeB = JpaRefreshTokenStores.open(scratch.settings(SchemaMode.CREATE), scratch.directory)) {
            RefreshTokenService[] nodes = {service(nodeA, tokens, clock), service(nodeB, tokens, clock)};
            IssuedRefreshToken last = RefreshRace.run(ROUNDS, THREADS, "alice", nodes[0].startSession("alice", ClientInfo.NONE), nodes);
            // The last winner's token still rotates, on either node.
            assertNotNull(nodes[1].rotate(last.token(), "alice", last.sessionId(), "jti-1", ClientInfo.NONE));
        }
        System.out.println("MEASURED " + db + ": " + ROUNDS + " rounds x " + THREADS + " threads on two nodes in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private static RefreshTokenService service(RefreshTokenStore store, RefreshTokenGenerator tokens, MutableClock clock) {
        return new RefreshTokenService(store, tokens, Duration.ofDays(14), Duration.ofDays(90), Duration.ZERO,
                new SessionCutOffs(store, "test", Duration.ofMinutes(15), clock), 0, clock);
    }
}
