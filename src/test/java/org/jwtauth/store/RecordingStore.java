package org.jwtauth.store;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.StoredRefreshToken;

/** Passes every call through and counts what the cleanup did: runs of deleteExpired, rows deleted, failures. */
final class RecordingStore implements RefreshTokenStore {

    final AtomicInteger deleteCalls = new AtomicInteger();
    final AtomicInteger deleted = new AtomicInteger();
    final AtomicInteger failures = new AtomicInteger();
    private final RefreshTokenStore delegate;

    RecordingStore(RefreshTokenStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public int deleteExpired(Instant now, int batchSize) {
        deleteCalls.incrementAndGet();
        try {
            int n = delegate.deleteExpired(now, batchSize);
            deleted.addAndGet(n);
            return n;
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            throw e;
        }
    }

    @Override
    public void insert(StoredRefreshToken token) {
        delegate.insert(token);
    }

    @Override
    public Optional<StoredRefreshToken> findByHash(String hash) {
        return delegate.findByHash(hash);
    }

    @Override
    public boolean rotate(String hash, Instant rotatedAt, StoredRefreshToken successor) {
        return delegate.rotate(hash, rotatedAt, successor);
    }

    @Override
    public int revokeFamily(String familyId) {
        return delegate.revokeFamily(familyId);
    }

    @Override
    public int revokeSubject(String subject) {
        return delegate.revokeSubject(subject);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
