package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.store.StoreFixture.NOW;
import static org.jwtauth.store.StoreFixture.active;
import static org.jwtauth.store.StoreFixture.inserted;
import static org.jwtauth.store.StoreFixture.newId;
import static org.jwtauth.store.StoreFixture.stateOf;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jwtauth.config.SchemaMode;
import org.jwtauth.refresh.ClientInfo;
import org.jwtauth.refresh.RefreshTokenState;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.StoredRefreshToken;

/**
 * Rotation and revocation of one session serialise on the session row (design section 9), on every database and
 * isolation level. Each test holds one transaction at its commit, with its statements run and their locks taken,
 * lets the other operation run into it, and only then commits: the interleaving a tight refresh loop racing a
 * logout or a reuse detection produces by chance.
 */
class SessionLockTest {

    /** Every database at every isolation level the store may be given by a pool. */
    static Stream<Arguments> isolations() {
        List<Arguments> all = new ArrayList<>();
        for (TestDatabase db : TestDatabase.values()) {
            all.add(Arguments.of(db, Isolation.READ_COMMITTED));
            all.add(Arguments.of(db, Isolation.REPEATABLE_READ));
            all.add(Arguments.of(db, Isolation.SERIALIZABLE));
        }
        return all.stream();
    }

    enum Isolation {
        READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
        REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
        SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

        final int level;

        Isolation(int level) {
            this.level = level;
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("isolations")
    void revokeSessionWhenARotationOfItIsUncommittedThenNoTokenOfTheSessionStaysActive(TestDatabase db,
                                                                                       Isolation isolation)
            throws Exception {
        race(db, isolation, (scratch, store, held, pool) -> {
            String session = newId("fam");
            StoredRefreshToken first = inserted(store, active(session, "alice"));
            StoredRefreshToken successor = active(session, "alice");

            HeldCommits.Hold rotation = held.holdNextCommit();
            Future<Boolean> rotated = pool.submit(() -> store.rotate(first.hash(), NOW, "rotating-jti", successor, ClientInfo.NONE));
            rotation.awaitReached();
            Future<Integer> revoked = pool.submit(() -> store.revokeSession(session, StoreFixture.NOW));
            HeldCommits.awaitLockWait(scratch);
            rotation.release();

            assertTrue(rotated.get(30, TimeUnit.SECONDS), "the rotation that held the session commits");
            assertTrue(revoked.get(30, TimeUnit.SECONDS) >= 1, "the revocation commits and revokes");
            assertEquals(RefreshTokenState.REVOKED, stateOf(store, successor), "the successor is revoked too");
            assertEquals(RefreshTokenState.REVOKED, stateOf(store, first));
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("isolations")
    void revokeSubjectWhenARotationOfOneOfItsSessionsIsUncommittedThenNoTokenStaysActive(TestDatabase db,
                                                                                         Isolation isolation)
            throws Exception {
        race(db, isolation, (scratch, store, held, pool) -> {
            StoredRefreshToken first = inserted(store, active(newId("fam"), "alice"));
            StoredRefreshToken other = inserted(store, active(newId("fam"), "alice"));
            StoredRefreshToken successor = active(first.sessionId(), "alice");

            HeldCommits.Hold rotation = held.holdNextCommit();
            Future<Boolean> rotated = pool.submit(() -> store.rotate(first.hash(), NOW, "rotating-jti", successor, ClientInfo.NONE));
            rotation.awaitReached();
            Future<Integer> revoked = pool.submit(() -> store.revokeSubject("alice", StoreFixture.NOW));
            HeldCommits.awaitLockWait(scratch);
            rotation.release();

            assertTrue(rotated.get(30, TimeUnit.SECONDS));
            assertTrue(revoked.get(30, TimeUnit.SECONDS) >= 2, "the revocation commits and revokes");
            assertEquals(RefreshTokenState.REVOKED, stateOf(store, successor), "the successor is revoked too");
            assertEquals(RefreshTokenState.REVOKED, stateOf(store, other));
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("isolations")
    void rotateWhenARevocationOfTheSessionIsUncommittedThenItLosesWithoutFailingAndStoresNothing(TestDatabase db,
                                                                                                  Isolation isolation)
            throws Exception {
        race(db, isolation, (scratch, store, held, pool) -> {
            String session = newId("fam");
            StoredRefreshToken first = inserted(store, active(session, "alice"));
            StoredRefreshToken successor = active(session, "alice");

            HeldCommits.Hold revocation = held.holdNextCommit();
            Future<Integer> revoked = pool.submit(() -> store.revokeSession(session, StoreFixture.NOW));
            revocation.awaitReached();
            Future<Boolean> rotated = pool.submit(() -> store.rotate(first.hash(), NOW, "rotating-jti", successor, ClientInfo.NONE));
            HeldCommits.awaitLockWait(scratch);
            revocation.release();

            assertEquals(1, revoked.get(30, TimeUnit.SECONDS));
            assertFalse(rotated.get(30, TimeUnit.SECONDS), "a rotation after the revocation is a lost race");
            assertTrue(store.findByHash(successor.hash()).isEmpty(), "and leaves no successor");
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("isolations")
    void rotateWhenAConcurrentRotationOfTheSameTokenCommitsFirstThenItLosesWithoutFailing(TestDatabase db,
                                                                                          Isolation isolation)
            throws Exception {
        race(db, isolation, (scratch, store, held, pool) -> {
            String session = newId("fam");
            StoredRefreshToken first = inserted(store, active(session, "alice"));
            StoredRefreshToken winner = active(session, "alice");
            StoredRefreshToken loser = active(session, "alice");

            HeldCommits.Hold rotation = held.holdNextCommit();
            Future<Boolean> won = pool.submit(() -> store.rotate(first.hash(), NOW, "rotating-jti", winner, ClientInfo.NONE));
            rotation.awaitReached();
            Future<Boolean> lost = pool.submit(() -> store.rotate(first.hash(), NOW, "rotating-jti", loser, ClientInfo.NONE));
            HeldCommits.awaitLockWait(scratch);
            rotation.release();

            assertTrue(won.get(30, TimeUnit.SECONDS));
            // PostgreSQL answers the loser with 40001 under REPEATABLE READ and SERIALIZABLE, MariaDB may with a
            // deadlock: a lost race either way, never a store failure (whose 503 the client would retry into reuse).
            assertFalse(lost.get(30, TimeUnit.SECONDS));
            assertTrue(store.findByHash(loser.hash()).isEmpty());
            assertEquals(RefreshTokenState.ACTIVE, stateOf(store, winner));
        });
    }

    /** The same race left to chance, many times: a rotation loop against a revocation at a random moment. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("isolations")
    void revokeSessionWhenItLandsAnywhereInATightRotationLoopThenTheLoopEndsAndNoTokenStaysActive(TestDatabase db,
                                                                                                 Isolation isolation)
            throws Exception {
        race(db, isolation, (scratch, store, held, pool) -> {
            for (int round = 0; round < 15; round++) {
                String session = newId("fam");
                StoredRefreshToken first = inserted(store, active(session, "alice"));
                Future<List<StoredRefreshToken>> loop = pool.submit(() -> {
                    List<StoredRefreshToken> issued = new ArrayList<>(List.of(first));
                    StoredRefreshToken current = first;
                    for (int i = 0; i < 200; i++) {
                        StoredRefreshToken next = active(session, "alice");
                        if (!store.rotate(current.hash(), NOW, "rotating-jti", next, ClientInfo.NONE)) {
                            break;
                        }
                        issued.add(next);
                        current = next;
                    }
                    return issued;
                });
                Thread.sleep(ThreadLocalRandom.current().nextInt(1, 30));
                store.revokeSession(session, StoreFixture.NOW);
                for (StoredRefreshToken token : loop.get(60, TimeUnit.SECONDS)) {
                    assertEquals(RefreshTokenState.REVOKED, stateOf(store, token), "round " + round);
                }
            }
        });
    }

    @FunctionalInterface
    interface Race {
        void run(TestDatabase.Scratch scratch, RefreshTokenStore store, HeldCommits held, ExecutorService pool)
                throws Exception;
    }

    private static void race(TestDatabase db, Isolation isolation, Race race) throws Exception {
        HeldCommits held = new HeldCommits(isolation.level);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (TestDatabase.Scratch scratch = db.scratch();
             RefreshTokenStore store = JpaRefreshTokenStores.open(scratch.settings(SchemaMode.CREATE),
                     scratch.directory, held)) {
            race.run(scratch, store, held, pool);
        } finally {
            pool.shutdownNow();
        }
    }
}
