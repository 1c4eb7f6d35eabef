package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.store.StoreFixture.NOW;
import static org.jwtauth.store.StoreFixture.active;
import static org.jwtauth.store.StoreFixture.newId;
import static org.jwtauth.store.StoreFixture.withStore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jwtauth.refresh.RefreshTokenState;
import org.jwtauth.refresh.StoredRefreshToken;

/** Of N concurrent refreshes with one token, exactly one succeeds (design section 2, Refresh, step 3). */
class RefreshTokenStoreConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 20;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void concurrentRotationsOfOneTokenHaveExactlyOneWinner(TestDatabase db) throws Exception {
        withStore(db, (scratch, store) -> {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    String family = newId("fam");
                    StoredRefreshToken token = active(family, "alice");
                    store.insert(token);
                    List<StoredRefreshToken> successors = new ArrayList<>();
                    CountDownLatch ready = new CountDownLatch(THREADS);
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<Boolean>> results = new ArrayList<>();
                    for (int i = 0; i < THREADS; i++) {
                        StoredRefreshToken successor = active(family, "alice");
                        successors.add(successor);
                        results.add(pool.submit(() -> {
                            ready.countDown();
                            start.await();
                            return store.rotate(token.hash(), NOW, successor);
                        }));
                    }
                    assertTrue(ready.await(10, TimeUnit.SECONDS));
                    start.countDown();

                    int winners = 0;
                    StoredRefreshToken winner = null;
                    for (int i = 0; i < THREADS; i++) {
                        if (results.get(i).get(60, TimeUnit.SECONDS)) {
                            winners++;
                            winner = successors.get(i);
                        }
                    }
                    assertEquals(1, winners, "round " + round + ": exactly one concurrent rotation must win");
                    assertEquals(RefreshTokenState.ACTIVE, store.findByHash(winner.hash()).orElseThrow().state());
                    long stored = successors.stream().filter(s -> store.findByHash(s.hash()).isPresent()).count();
                    assertEquals(1, stored, "round " + round + ": only the winner's successor is stored");
                    assertEquals(RefreshTokenState.ROTATED, store.findByHash(token.hash()).orElseThrow().state());
                }
            } finally {
                pool.shutdownNow();
            }
        });
    }
}
