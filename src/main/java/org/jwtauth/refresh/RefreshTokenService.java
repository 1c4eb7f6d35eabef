package org.jwtauth.refresh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jwtauth.refresh.RefreshRejectedException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refresh-token families, rotation and reuse detection (RFC 9700 section 4.14.2, OAuth 2.1 section 4.3.1).
 * Each login starts a family; each refresh exchanges the presented token for a successor exactly once; a
 * token presented after it was exchanged revokes its family. A refusal never changes the store, except the
 * revocation that reuse calls for: a failed refresh never burns a valid token.
 */
public final class RefreshTokenService {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenService.class);

    /**
     * A token presented again within this time of its rotation is taken as a concurrent request that lost the
     * race (two tabs, a double click), refused without revoking the family. Later, it is reuse. Kept short: an
     * attacker who wins such a race against the owner is not caught by reuse detection.
     */
    public static final Duration CONCURRENT_USE_GRACE = Duration.ofSeconds(2);

    private final RefreshTokenStore store;
    private final RefreshTokenGenerator tokens;
    private final Duration idleLifetime;
    private final Duration sessionLifetime;
    private final Duration retryWindow;
    private final Clock clock;

    public RefreshTokenService(RefreshTokenStore store, RefreshTokenGenerator tokens, Duration idleLifetime,
                               Duration sessionLifetime, Duration retryWindow, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.idleLifetime = idleLifetime;
        this.sessionLifetime = sessionLifetime;
        this.retryWindow = retryWindow;
        this.clock = clock;
    }

    /** Starts a new family (one per login / device) for {@code subject}. */
    public IssuedRefreshToken startSession(String subject) {
        Instant now = clock.instant();
        String token = tokens.newToken();
        String sessionId = tokens.newSessionId();
        Instant sessionExpiresAt = now.plus(sessionLifetime);
        StoredRefreshToken row = StoredRefreshToken.active(RefreshTokenHash.of(token), sessionId, subject, now,
                earlier(now.plus(idleLifetime), sessionExpiresAt), sessionExpiresAt);
        store.insert(row);
        return new IssuedRefreshToken(token, row);
    }

    /**
     * Exchanges {@code presented} for its successor. The caller has verified the access token that came with it;
     * {@code subject} and {@code sessionId} are that token's {@code sub} and {@code sid}.
     */
    public IssuedRefreshToken rotate(String presented, String subject, String sessionId)
            throws RefreshRejectedException {
        StoredRefreshToken current = find(presented);
        Instant now = clock.instant();
        if (!current.subject().equals(subject) || !current.sessionId().equals(sessionId)) {
            // Someone else's access token: refuse, but do not burn the refresh token of its owner.
            throw new RefreshRejectedException(Reason.MISMATCH);
        }
        if (current.isExpiredAt(now)) {
            throw new RefreshRejectedException(Reason.EXPIRED);
        }
        switch (current.state()) {
            case REVOKED:
                throw new RefreshRejectedException(Reason.REVOKED);
            case ROTATED:
                return retryOrReuse(presented, current, now);
            default:
                return rotateActive(presented, current, now);
        }
    }

    /** Logout of one device: revokes the family of {@code presented}, if it is one of ours. */
    public void revokeSessionOf(String presented) {
        if (!RefreshTokenHash.isWellFormed(presented)) {
            return;
        }
        store.findByHash(RefreshTokenHash.of(presented)).ifPresent(row -> store.revokeSession(row.sessionId()));
    }

    /** Logout of every device of {@code subject}. */
    public void revokeAll(String subject) {
        store.revokeSubject(subject);
    }

    private StoredRefreshToken find(String presented) throws RefreshRejectedException {
        if (!RefreshTokenHash.isWellFormed(presented)) {
            throw new RefreshRejectedException(Reason.MALFORMED);
        }
        return store.findByHash(RefreshTokenHash.of(presented))
                .orElseThrow(() -> new RefreshRejectedException(Reason.UNKNOWN));
    }

    private IssuedRefreshToken rotateActive(String presented, StoredRefreshToken current, Instant now)
            throws RefreshRejectedException {
        // With a retry window the successor is derived, so a retry can be answered with the same one.
        String successor = retryWindow.isZero() ? tokens.newToken() : tokens.successorOf(presented);
        StoredRefreshToken next = StoredRefreshToken.active(RefreshTokenHash.of(successor), current.sessionId(),
                current.subject(), now, earlier(now.plus(idleLifetime), current.sessionExpiresAt()),
                current.sessionExpiresAt());
        if (store.rotate(current.hash(), now, next)) {
            return new IssuedRefreshToken(successor, next);
        }
        // Another request rotated it between our read and our update: a concurrent use, not a replay of an old
        // token, so the family survives through the winner's successor.
        if (!retryWindow.isZero()) {
            Optional<IssuedRefreshToken> same = activeSuccessor(presented, now);
            if (same.isPresent()) {
                return same.get();
            }
        }
        throw new RefreshRejectedException(Reason.CONCURRENTLY_ROTATED);
    }

    private IssuedRefreshToken retryOrReuse(String presented, StoredRefreshToken current, Instant now)
            throws RefreshRejectedException {
        boolean withinWindow = current.rotatedAt().map(at -> now.isBefore(at.plus(retryWindow))).orElse(false);
        if (withinWindow) {
            // Only the immediately previous token qualifies: its successor must still be the active one.
            Optional<IssuedRefreshToken> same = activeSuccessor(presented, now);
            if (same.isPresent()) {
                return same.get();
            }
        }
        boolean concurrent = current.rotatedAt().map(at -> now.isBefore(at.plus(CONCURRENT_USE_GRACE))).orElse(false);
        if (concurrent) {
            throw new RefreshRejectedException(Reason.CONCURRENTLY_ROTATED);
        }
        int revoked = store.revokeSession(current.sessionId());
        LOG.warn("Refresh token reuse detected for subject {}: family {} revoked ({} tokens)", current.subject(),
                current.sessionId(), revoked);
        throw new RefreshRejectedException(Reason.REUSED);
    }

    private Optional<IssuedRefreshToken> activeSuccessor(String presented, Instant now) {
        String successor = tokens.successorOf(presented);
        return store.findByHash(RefreshTokenHash.of(successor))
                .filter(row -> row.state() == RefreshTokenState.ACTIVE && !row.isExpiredAt(now))
                .map(row -> new IssuedRefreshToken(successor, row));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
