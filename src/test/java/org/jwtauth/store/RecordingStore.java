package org.jwtauth.store;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.testing.DelegatingStore;

/** Passes every call through and counts what the cleanup did: runs of deleteExpired, rows deleted, failures. */
final class RecordingStore extends DelegatingStore {

    final AtomicInteger deleteCalls = new AtomicInteger();
    final AtomicInteger deleted = new AtomicInteger();
    final AtomicInteger failures = new AtomicInteger();

    RecordingStore(RefreshTokenStore delegate) {
        super(delegate);
    }

    @Override
    public int deleteExpired(Instant now, int batchSize) {
        deleteCalls.incrementAndGet();
        try {
            int n = super.deleteExpired(now, batchSize);
            deleted.addAndGet(n);
            return n;
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            throw e;
        }
    }
}
