package org.jwtauth.testing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jwtauth.refresh.ClientInfo;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.RevokedSession;
import org.jwtauth.refresh.StoredRefreshToken;
import org.jwtauth.refresh.UserSession;

/** A real store with every call passed through; tests override the one method they observe or break. */
public class DelegatingStore implements RefreshTokenStore {

    private final RefreshTokenStore delegate;

    public DelegatingStore(RefreshTokenStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void insert(StoredRefreshToken token, ClientInfo client) {
        delegate.insert(token, client);
    }

    @Override
    public Optional<StoredRefreshToken> findByHash(String hash) {
        return delegate.findByHash(hash);
    }

    @Override
    public boolean rotate(String hash, Instant rotatedAt, String rotatedBy, StoredRefreshToken successor,
                          ClientInfo client) {
        return delegate.rotate(hash, rotatedAt, rotatedBy, successor, client);
    }

    @Override
    public int revokeSession(String sessionId, Instant at) {
        return delegate.revokeSession(sessionId, at);
    }

    @Override

    public List<UserSession> activeSessions(String subject, Instant now) {
        return delegate.activeSessions(subject, now);

    }


    @Override
    public int revokeSubject(String subject, Instant at) {
        return delegate.revokeSubject(subject, at);
    }

    @Override
    public List<RevokedSession> revokedAfter(RevokedSession after, int limit) {
        return delegate.revokedAfter(after, limit);
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
