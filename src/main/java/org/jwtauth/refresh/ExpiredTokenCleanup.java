package org.jwtauth.refresh;

import java.time.Clock;

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

    public ExpiredTokenCleanup(RefreshTokenStore store, Clock clock) {
        this(store, clock, BATCH_SIZE);
    }

    ExpiredTokenCleanup(RefreshTokenStore store, Clock clock, int batchSize) {
        this.store = store;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Never throws: a failed run is logged in one line and the next scheduled run still happens. */
    @Override
    public void run() {
        try {
            int total = 0;
            int deleted;
            do {
                deleted = store.deleteExpired(clock.instant(), batchSize);
                total += deleted;
            } while (deleted == batchSize && !Thread.currentThread().isInterrupted());
            LOG.debug("Refresh-token cleanup deleted {} expired rows", total);
        } catch (RuntimeException e) {
            LOG.warn("Refresh-token cleanup failed; the next run will try again: {}", e.toString());
        }
    }
}
