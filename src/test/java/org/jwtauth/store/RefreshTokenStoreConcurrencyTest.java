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

import org.jwtauth.refresh.ClientInfo;
import org.jwtauth.refresh.RefreshTokenState;
import org.jwtauth.refresh.StoredRefreshToken;

/** Of N concurrent refreshes with one token, exactly one succeeds (design section 2, Refresh, step 3). */
class RefreshTokenStoreConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 20;

    @OnEveryDatabase
    void rotateWhenOneTokenIsRotatedConcurrentlyThenExactlyOneWinsAndOnlyItsSuccessorIsStored(TestDatabase db) throws Exception {
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
                            return store.rotate(token.hash(), NOW, "rotating-jti", successor, ClientInfo.NONE);
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

    @OnEveryDatabase
    void deleteExpiredWhenTwoCleanupLoopsRunAtOnceThenNoRowIsCountedTwiceAndNoneIsLeft(TestDatabase db) throws Exception {
        withStore(db, (scratch, store) -> {
            int expired = 60;
            for (int i = 0; i < expired; i++) {
                store.insert(StoreFixture.activeExpiring(newId("fam"), NOW.minusSeconds(1), NOW.plusSeconds(60)));
            }
            StoredRefreshToken alive = active(newId("fam"), "alice");
            store.insert(alive);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> runs = new ArrayList<>();
                for (int node = 0; node < 2; node++) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        // The listener's loop: repeat while a full batch was deleted.
                        int total = 0;
                        int deleted;
                        do {
                            deleted = store.deleteExpired(NOW, 7);
                            total += deleted;
                        } while (deleted == 7);
                        return total;
                    }));
                }
                start.countDown();
                int total = runs.get(0).get(60, TimeUnit.SECONDS) + runs.get(1).get(60, TimeUnit.SECONDS);
                assertTrue(total <= expired, "no row counted twice: " + total);
                assertEquals(0, store.deleteExpired(NOW, 1000), "nothing expired is left");
                assertTrue(store.findByHash(alive.hash()).isPresent());
            } finally {
                pool.shutdownNow();
            }
        });
    }
}
