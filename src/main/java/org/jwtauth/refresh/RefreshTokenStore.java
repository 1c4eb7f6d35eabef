package org.jwtauth.refresh;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of refresh-token hashes. Implementations are thread-safe and may be shared by several nodes
 * through one database; every method throws {@link StoreUnavailableException} when the database fails.
 */
public interface RefreshTokenStore extends AutoCloseable {

    /** Starts a session (family) with its first token. */
    void insert(StoredRefreshToken token);

    Optional<StoredRefreshToken> findByHash(String hash);

    /**
     * In one transaction: locks the successor's session, which must be active; {@code UPDATE ... SET state =
     * ROTATED, rotated_at = :rotatedAt, rotated_by = :rotatedBy WHERE hash = :hash AND state = ACTIVE}; if exactly
     * one row changed, inserts {@code successor}. Of several concurrent callers with the same hash, at most one
     * gets {@code true}; a caller that loses to a concurrent rotation or revocation gets {@code false}, also when
     * the database reports the loss as a serialization failure.
     *
     * @param rotatedBy identifies the access token that came with this rotation (at most 64 characters)
     * @return whether this call rotated the token; {@code false} leaves the store unchanged
     */
    boolean rotate(String hash, Instant rotatedAt, String rotatedBy, StoredRefreshToken successor);

    /**
     * Revokes one session and every token of it. Final: a rotation of the session that races it either commits
     * first, and its successor is revoked too, or finds the session revoked. Returns the number of token rows
     * changed.
     */
    int revokeSession(String sessionId);

    /** Revokes every session of one subject and all their tokens, as finally; returns the token rows changed. */
    int revokeSubject(String subject);

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
