package org.jwtauth.refresh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jwtauth.log.Log;
import org.jwtauth.refresh.RefreshRejectedException.Reason;

/**
 * Refresh-token families, rotation and reuse detection (RFC 9700 section 4.14.2, OAuth 2.1 section 4.3.1).
 * Each login starts a family; each refresh exchanges the presented token for a successor exactly once; a
 * token presented after it was exchanged revokes its family. A refusal never changes the store, except the
 * revocation that reuse calls for: a failed refresh never burns a valid token.
 */
public final class RefreshTokenService {

    private static final Log LOG = Log.of(RefreshTokenService.class);

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
    private final SessionCutOffs cutOffs;
    /** 0: unlimited. */
    private final int maxSessionsPerUser;
    private final Clock clock;

    /**
     * @param cutOffs told of every revocation, so that the session's access tokens are refused too
     * @param maxSessionsPerUser the most active sessions a user keeps; a login beyond it ends the least recently
     *        used one; 0 for no limit
     */
    public RefreshTokenService(RefreshTokenStore store, RefreshTokenGenerator tokens, Duration idleLifetime,
                               Duration sessionLifetime, Duration retryWindow, SessionCutOffs cutOffs,
                               int maxSessionsPerUser, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.idleLifetime = idleLifetime;
        this.sessionLifetime = sessionLifetime;
        this.retryWindow = retryWindow;
        this.cutOffs = cutOffs;
        this.maxSessionsPerUser = maxSessionsPerUser;
        this.clock = clock;
    }

    /**
     * Starts a new family (one per login / device) for {@code subject}, from {@code client}. Beyond the limit per
     * user, the user's least recently used sessions end. Two logins at the same moment may both see the other's
     * session and end one more than needed, never fewer: the limit holds once both are done.
     */
    public IssuedRefreshToken startSession(String subject, ClientInfo client) {
        return startSession(subject, client, sessionId -> { });
    }

    /**
     * As {@link #startSession(String, ClientInfo)}, telling {@code ended} the id of each session the limit per user
     * ended, after it was revoked: the caller publishes those revocations, with the client the login came from.
     */
    public IssuedRefreshToken startSession(String subject, ClientInfo client, Consumer<String> ended) {
        Instant now = clock.instant();
        String token = tokens.newToken();
        String sessionId = tokens.newSessionId();
        Instant sessionExpiresAt = now.plus(sessionLifetime);
        StoredRefreshToken row = StoredRefreshToken.active(RefreshTokenHash.of(token), sessionId, subject, now,
                earlier(now.plus(idleLifetime), sessionExpiresAt), sessionExpiresAt);
        store.insert(row, client);
        if (maxSessionsPerUser > 0) {
            List<UserSession> others = store.activeSessions(subject, now).stream()
                    .filter(s -> !s.sessionId().equals(sessionId)).collect(Collectors.toList());
            // Most recently used first: the new session and the newest others stay.
            for (UserSession older : others.subList(Math.min(others.size(), maxSessionsPerUser - 1), others.size())) {
                revoke(older.sessionId());
                ended.accept(older.sessionId());
            }
        }
        return new IssuedRefreshToken(token, row);
    }

    /**
     * Exchanges {@code presented} for its successor. The caller has verified the access token that came with it;
     * {@code subject}, {@code sessionId} and {@code accessTokenId} are that token's {@code sub}, {@code sid} and
     * {@code jti}.
     */
    public IssuedRefreshToken rotate(String presented, String subject, String sessionId, String accessTokenId,
                                     ClientInfo client) throws RefreshRejectedException {
        StoredRefreshToken current = find(presented);
        Instant now = clock.instant();
        if (!current.subject().equals(subject) || !current.sessionId().equals(sessionId)) {
            // Someone else's access token: refuse, but do not burn the refresh token of its owner.
            throw new RefreshRejectedException(Reason.MISMATCH);
        }
        if (current.isSessionExpiredAt(now)) {
            throw new RefreshRejectedException(Reason.EXPIRED);
        }
        // The state decides before the idle expiry: a rotated token presented at any time in its session's life
        // is reuse (RFC 9700 section 4.14.2), however long ago its own idle lifetime ended.
        String caller = RefreshTokenHash.of(accessTokenId);
        switch (current.state()) {
            case REVOKED:
                // Defence in depth: should any token of the session have escaped the revocation, this ends it.
                revoke(current.sessionId());
                throw new RefreshRejectedException(Reason.REVOKED);
            case ROTATED:
                return presentedAgain(presented, current, caller, now);
            default:
                if (current.isExpiredAt(now)) {
                    throw new RefreshRejectedException(Reason.EXPIRED);
                }
                return rotateActive(presented, current, caller, now, client);
        }
    }

    /** Logout of one device: revokes the family of {@code presented}, if it is one of ours, and returns its row. */
    public Optional<StoredRefreshToken> revokeSessionOf(String presented) {
        if (!RefreshTokenHash.isWellFormed(presented)) {
            return Optional.empty();
        }
        Optional<StoredRefreshToken> row = store.findByHash(RefreshTokenHash.of(presented));
        row.ifPresent(r -> revoke(r.sessionId()));
        return row;
    }

    /** Ends one session (family) by its id, the {@code sid} of its access tokens. */
    public void revokeSession(String sessionId) {
        revoke(sessionId);
    }

    /**
     * Ends the session {@code sessionId} if it is one of {@code subject}'s; anything else changes nothing.
     *
     * @return whether it was one of theirs (and is now revoked)
     */
    public boolean revokeSession(String subject, String sessionId) {
        if (sessions(subject).stream().anyMatch(s -> s.sessionId().equals(sessionId))) {
            revoke(sessionId);
            return true;
        }
        return false;
    }

    /** {@code subject}'s active sessions, the most recently used first. */
    public List<UserSession> sessions(String subject) {
        return store.activeSessions(subject, clock.instant());
    }

    /**
     * Logout of every device of {@code subject}. Their ids are not known here, so the cut-offs learn them from
     * the store at once rather than at their next poll.
     */
    public void revokeAll(String subject) {
        store.revokeSubject(subject, clock.instant());
        cutOffs.poll();
    }

    /** Revokes the session, and its access tokens with it; returns the token rows changed. */
    private int revoke(String sessionId) {
        Instant now = clock.instant();
        int revoked = store.revokeSession(sessionId, now);
        cutOffs.revoked(sessionId, now);
        return revoked;
    }

    private StoredRefreshToken find(String presented) throws RefreshRejectedException {
        if (!RefreshTokenHash.isWellFormed(presented)) {
            throw new RefreshRejectedException(Reason.MALFORMED);
        }
        return store.findByHash(RefreshTokenHash.of(presented))
                .orElseThrow(() -> new RefreshRejectedException(Reason.UNKNOWN));
    }

    private IssuedRefreshToken rotateActive(String presented, StoredRefreshToken current, String caller, Instant now,
                                            ClientInfo client) throws RefreshRejectedException {
        // With a retry window the successor is derived, so a retry can be answered with the same one.
        String successor = retryWindow.isZero() ? tokens.newToken() : tokens.successorOf(presented);
        StoredRefreshToken next = StoredRefreshToken.active(RefreshTokenHash.of(successor), current.sessionId(),
                current.subject(), now, earlier(now.plus(idleLifetime), current.sessionExpiresAt()),
                current.sessionExpiresAt());
        if (store.rotate(current.hash(), now, caller, next, client)) {
            return new IssuedRefreshToken(successor, next);
        }
        // Lost to a concurrent rotation or revocation committed between our read and our update: judged like a
        // token presented again, by what the store now says.
        StoredRefreshToken after = store.findByHash(current.hash())
                .orElseThrow(() -> new RefreshRejectedException(Reason.UNKNOWN));
        switch (after.state()) {
            case ROTATED:
                return presentedAgain(presented, after, caller, now);
            case REVOKED:
                throw new RefreshRejectedException(Reason.REVOKED);
            default:
                throw new RefreshRejectedException(Reason.CONCURRENTLY_ROTATED);
        }
    }

    /**
     * A rotated token presented again. The retry window and the grace are for the rotating request's own other
     * copy (two tabs, a lost response): they apply only when it carries the access token that came with the
     * rotation. A thief who took only the refresh token has another access token and is caught; one who took the
     * pair shares its {@code jti}, and within those seconds cannot be told from the owner. Anything else is reuse.
     */
    private IssuedRefreshToken presentedAgain(String presented, StoredRefreshToken current, String caller,
                                              Instant now) throws RefreshRejectedException {
        // Rows rotated before the store recorded the rotating access token: the rule before it, any caller.
        boolean sameCaller = current.rotatedBy().map(caller::equals).orElse(true);
        if (sameCaller && within(current, retryWindow, now)) {
            // Only the immediately previous token qualifies: its successor must still be the active one.
            Optional<IssuedRefreshToken> same = activeSuccessor(presented, now);
            if (same.isPresent()) {
                return same.get();
            }
        }
        if (sameCaller && within(current, CONCURRENT_USE_GRACE, now)) {
            throw new RefreshRejectedException(Reason.CONCURRENTLY_ROTATED);
        }
        int revoked = revoke(current.sessionId());
        LOG.warn("Refresh token reuse detected for subject {}: family {} revoked ({} tokens)", current.subject(),
                current.sessionId(), revoked);
        throw new RefreshRejectedException(Reason.REUSED);
    }

    private static boolean within(StoredRefreshToken rotated, Duration window, Instant now) {
        return rotated.rotatedAt().map(at -> now.isBefore(at.plus(window))).orElse(false);
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
