package org.jwtauth.testing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.StoredRefreshToken;
import org.jwtauth.refresh.UserSession;

/** A real store with every call passed through; tests override the one method they observe or break. */
public class DelegatingStore implements RefreshTokenStore {

    private final RefreshTokenStore delegate;

    public DelegatingStore(RefreshTokenStore delegate) {
        this.delegate = delegate;
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
    public boolean rotate(String hash, Instant rotatedAt, String rotatedBy, StoredRefreshToken successor) {
        return delegate.rotate(hash, rotatedAt, rotatedBy, successor);
    }

    @Override
    public int revokeSession(String sessionId) {
        return delegate.revokeSession(sessionId);
    }

    @Override

    public List<UserSession> activeSessions(String subject, Instant now) {
        return delegate.activeSessions(subject, now);

    }


    @Override
    public int revokeSubject(String subject) {
        return delegate.revokeSubject(subject);
    }

    @Override
    public int deleteExpired(Instant now, int batchSize) {
        return delegate.deleteExpired(now, batchSize);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
