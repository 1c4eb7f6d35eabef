package org.jwtauth.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jwtauth.config.ConfigurationException;
import org.jwtauth.log.Log;
import org.jwtauth.refresh.ClientInfo;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.RevokedSession;
import org.jwtauth.refresh.StoreUnavailableException;
import org.jwtauth.refresh.StoredRefreshToken;
import org.jwtauth.refresh.UserSession;

/**
 * A store whose database was down when the web application started: it is opened on first use, and a failed
 * attempt is repeated at most once per interval, so an outage does not turn every request into a connection
 * attempt. Until it is open every call throws {@link StoreUnavailableException} (answered 503).
 */
final class LazyRefreshTokenStore implements RefreshTokenStore {

    private static final Log LOG = Log.of(LazyRefreshTokenStore.class);

    private final Supplier<RefreshTokenStore> opener;
    private final Clock clock;
    private final Duration retryInterval;
    /** Held while opening, so that concurrent requests do not all wait for the same slow connection attempt. */
    private final ReentrantLock opening = new ReentrantLock();
    private volatile RefreshTokenStore delegate;
    private volatile Instant nextAttempt;
    private volatile boolean closed;

    /** @param firstAttempt when the first attempt may be made (the caller has usually just failed one) */
    LazyRefreshTokenStore(Supplier<RefreshTokenStore> opener, Clock clock, Duration retryInterval,
                          Instant firstAttempt) {
        this.opener = opener;
        this.clock = clock;
        this.retryInterval = retryInterval;
        this.nextAttempt = firstAttempt;
    }

    @Override
    public void insert(StoredRefreshToken token, ClientInfo client) {
        store().insert(token, client);
    }

    @Override
    public Optional<StoredRefreshToken> findByHash(String hash) {
        return store().findByHash(hash);
    }

    @Override
    public boolean rotate(String hash, Instant rotatedAt, String rotatedBy, StoredRefreshToken successor,
                          ClientInfo client) {
        return store().rotate(hash, rotatedAt, rotatedBy, successor, client);
    }

    @Override
    public int revokeSession(String sessionId, Instant at) {
        return store().revokeSession(sessionId, at);
    }

    @Override

    public List<UserSession> activeSessions(String subject, Instant now) {
        return store().activeSessions(subject, now);

    }


    @Override
    public int revokeSubject(String subject, Instant at) {
        return store().revokeSubject(subject, at);
    }

    @Override
    public List<RevokedSession> revokedAfter(RevokedSession after, int limit) {
        return store().revokedAfter(after, limit);
    }

    @Override
    public int deleteExpired(Instant now, int batchSize) {
        return store().deleteExpired(now, batchSize);
    }

    @Override
    public void close() {
        closed = true;
        opening.lock(); // waits for an attempt in progress, whose store must be closed too
        try {
            if (delegate != null) {
                delegate.close();
            }
        } finally {
            opening.unlock();
        }
    }

    private RefreshTokenStore store() {
        RefreshTokenStore open = delegate;
        if (open != null) {
            return open;
        }
        if (closed || clock.instant().isBefore(nextAttempt) || !opening.tryLock()) {
            throw notYetOpen();
        }
        try {
            if (delegate == null && !closed) {
                delegate = attempt();
            }
            if (delegate == null) {
                throw notYetOpen();
            }
            return delegate;
        } finally {
            opening.unlock();
        }
    }

    private RefreshTokenStore attempt() {
        try {
            RefreshTokenStore opened = opener.get();
            LOG.info("Refresh-token store is reachable now and open");
            return opened;
        } catch (StoreUnavailableException e) {
            nextAttempt = clock.instant().plus(retryInterval);
            throw e;
        } catch (ConfigurationException e) {
            // Found only now that the database answers (e.g. validate without the table). The web application is
            // already running, so this cannot stop it: say so loudly, answer 503, and look again later.
            nextAttempt = clock.instant().plus(retryInterval);
            LOG.error("Refresh-token store cannot be used: {}", e.getMessage());
            throw new StoreUnavailableException("refresh-token store misconfigured (" + e.key() + ")", null);
        }
    }

    private static StoreUnavailableException notYetOpen() {
        return new StoreUnavailableException("refresh-token store not open yet", null);
    }
}
