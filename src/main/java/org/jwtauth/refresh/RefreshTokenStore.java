package org.jwtauth.refresh;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of refresh-token hashes. Implementations are thread-safe and may be shared by several nodes
 * through one database; every method throws {@link StoreUnavailableException} when the database fails.
 */
public interface RefreshTokenStore extends AutoCloseable {

    /** Starts a session (family) with its first token, recording {@code client} as its login's and latest. */
    void insert(StoredRefreshToken token, ClientInfo client);

    /** {@link #insert(StoredRefreshToken, ClientInfo)} of a client nothing is recorded of. */
    default void insert(StoredRefreshToken token) {
        insert(token, ClientInfo.NONE);
    }

    Optional<StoredRefreshToken> findByHash(String hash);

    /**
     * In one transaction: locks the successor's session, which must be active; {@code UPDATE ... SET state =
     * ROTATED, rotated_at = :rotatedAt, rotated_by = :rotatedBy WHERE hash = :hash AND state = ACTIVE}; if exactly
     * one row changed, inserts {@code successor}. Of several concurrent callers with the same hash, at most one
     * gets {@code true}; a caller that loses to a concurrent rotation or revocation gets {@code false}, also when
     * the database reports the loss as a serialization failure.
     *
     * @param rotatedBy identifies the access token that came with this rotation (at most 64 characters)
     * @param client recorded as the session's latest client
     * @return whether this call rotated the token; {@code false} leaves the store unchanged
     */
    boolean rotate(String hash, Instant rotatedAt, String rotatedBy, StoredRefreshToken successor,
                   ClientInfo client);

    /** {@link #rotate(String, Instant, String, StoredRefreshToken, ClientInfo)} recording no client. */
    default boolean rotate(String hash, Instant rotatedAt, String rotatedBy, StoredRefreshToken successor) {
        return rotate(hash, rotatedAt, rotatedBy, successor, ClientInfo.NONE);
    }

    /**
     * Revokes one session and every token of it. Final: a rotation of the session that races it either commits
     * first, and its successor is revoked too, or finds the session revoked. {@code at} is recorded as the
     * revocation time, for {@link #revokedAfter}, unless the session was revoked before. Returns the number of
     * token rows changed.
     */
    int revokeSession(String sessionId, Instant at);

    /** Revokes every session of one subject and all their tokens, as finally; returns the token rows changed. */
    int revokeSubject(String subject, Instant at);

    /**
     * At most {@code limit} sessions revoked after {@code after}, in the order of {@link RevokedSession} (the time
     * of their first revocation, then their id): one page of what every node's cut-off must learn.
     */
    List<RevokedSession> revokedAfter(RevokedSession after, int limit);

    /** The subject's sessions that are active and not expired at {@code now}, the most recently used first. */
    List<UserSession> activeSessions(String subject, Instant now);

    /**
     * Deletes at most {@code batchSize} rows that are of no more use at {@code now}: token rows of expired
     * sessions, active token rows past their idle expiry, then expired sessions. Rotated and revoked token rows
     * stay until their session expires, for reuse detection.
     *
     * @return the number of rows deleted; the caller repeats while it equals {@code batchSize}
     */
    int deleteExpired(Instant now, int batchSize);

    /** Releases the store's resources (the EntityManagerFactory). */
    @Override
    void close();
}
