package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jwtauth.config.SchemaMode;
import org.jwtauth.refresh.ExpiredTokenCleanup;

/** Two nodes run the cleanup at the same moment: every expired row is deleted exactly once, and neither fails. */
class ConcurrentCleanupTest {

    private static final int EXPIRED = 1_700; // several batches of 500, so the nodes' batches overlap
    private static final int LIVE = 25;

    @OnEveryDatabase
    void cleanupWhenTwoNodesRunItTogetherThenEachExpiredRowIsDeletedOnceWithoutError(TestDatabase db) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (TestDatabase.Scratch scratch = db.scratch();
             RecordingStore nodeA = new RecordingStore(JpaRefreshTokenStores.open(scratch.settings(SchemaMode.CREATE),
                     scratch.directory));
             RecordingStore nodeB = new RecordingStore(JpaRefreshTokenStores.open(scratch.settings(SchemaMode.CREATE),
                     scratch.directory))) {
            Instant now = Instant.now();
            ExpiredRows.insert(scratch, EXPIRED, now.minusSeconds(60));
            ExpiredRows.insert(scratch, LIVE, now.plusSeconds(3600));
            CyclicBarrier together = new CyclicBarrier(2);
            Future<?> a = pool.submit(() -> runAfter(together, new ExpiredTokenCleanup(nodeA, Clock.systemUTC())));
            Future<?> b = pool.submit(() -> runAfter(together, new ExpiredTokenCleanup(nodeB, Clock.systemUTC())));
            a.get(120, TimeUnit.SECONDS);
            b.get(120, TimeUnit.SECONDS);

            assertEquals(0, nodeA.failures.get() + nodeB.failures.get(), "a cleanup run failed");
            assertEquals(EXPIRED, nodeA.deleted.get() + nodeB.deleted.get(), "rows deleted, counted over both nodes");
            assertEquals(LIVE, ExpiredRows.count(scratch), "only the live rows are left");
            System.out.println("MEASURED " + db + ": concurrent cleanup, node A deleted " + nodeA.deleted.get()
                    + " in " + nodeA.deleteCalls.get() + " calls, node B " + nodeB.deleted.get() + " in "
                    + nodeB.deleteCalls.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Void runAfter(CyclicBarrier barrier, Runnable cleanup) throws Exception {
        barrier.await(30, TimeUnit.SECONDS);
        cleanup.run();
        return null;
    }
}
