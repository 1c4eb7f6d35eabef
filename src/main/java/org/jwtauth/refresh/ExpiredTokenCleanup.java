package org.jwtauth.refresh;

import java.time.Clock;
import java.util.function.LongConsumer;

import org.jwtauth.log.Log;

/**
 * One cleanup run: deletes expired rows in batches, so one run never holds long locks. Rotated rows are kept
 * until their own idle expiry or their family's absolute expiry passes, because reuse detection needs them.
 * Safe to run on several nodes at once: a row deleted by another node is simply not counted here.
 */
public final class ExpiredTokenCleanup implements Runnable {

    static final int BATCH_SIZE = 500;

    private static final Log LOG = Log.of(ExpiredTokenCleanup.class);

    private final RefreshTokenStore store;
    private final Clock clock;
    private final int batchSize;
    private final LongConsumer deleted;

    public ExpiredTokenCleanup(RefreshTokenStore store, Clock clock) {
        this(store, clock, rows -> { });
    }

    /** @param deleted told each run's total of deleted rows (the {@code CleanupDeleted} counter) */
    public ExpiredTokenCleanup(RefreshTokenStore store, Clock clock, LongConsumer deleted) {
        this(store, clock, deleted, BATCH_SIZE);
    }

    ExpiredTokenCleanup(RefreshTokenStore store, Clock clock, int batchSize) {
        this(store, clock, rows -> { }, batchSize);
    }

    ExpiredTokenCleanup(RefreshTokenStore store, Clock clock, LongConsumer deleted, int batchSize) {
        this.store = store;
        this.clock = clock;
        this.batchSize = batchSize;
        this.deleted = deleted;
    }

    /** Never throws: a failed run is logged in one line and the next scheduled run still happens. */
    @Override
    public void run() {
        try {
            long total = 0;
            int batch;
            try {
                do {
                    batch = store.deleteExpired(clock.instant(), batchSize);
                    total += batch;
                } while (batch == batchSize && !Thread.currentThread().isInterrupted());
            } finally {
                // Batches committed before a failure were deleted all the same.
                deleted.accept(total);
            }
            LOG.debug("Refresh-token cleanup deleted {} expired rows", total);
        } catch (RuntimeException e) {
            LOG.warn("Refresh-token cleanup failed; the next run will try again: {}", e.toString());
        }
    }
}
