package org.jwtauth.refresh;

import java.time.Instant;
import java.util.Optional;

/**
 * Persistence of refresh-token hashes. Implementations are thread-safe and may be shared by several nodes
 * through one database; every method throws {@link StoreUnavailableException} when the database fails.
 */
public interface RefreshTokenStore extends AutoCloseable {

    /** Stores the first token of a new family. */
    void insert(StoredRefreshToken token);

    Optional<StoredRefreshToken> findByHash(String hash);

    /**
     * In one transaction: {@code UPDATE ... SET state = ROTATED, rotated_at = :rotatedAt WHERE hash = :hash AND
     * state = ACTIVE}; if exactly one row changed, inserts {@code successor}. Of several concurrent callers with
     * the same hash, at most one gets {@code true}.
     *
     * @return whether this call rotated the token; {@code false} leaves the store unchanged
     */
    boolean rotate(String hash, Instant rotatedAt, StoredRefreshToken successor);

    /** Revokes every token of one family; returns the number of rows changed. */
    int revokeSession(String sessionId);

    /** Revokes every token of every family of one subject; returns the number of rows changed. */
    int revokeSubject(String subject);

    /**
     * Deletes at most {@code batchSize} rows whose idle or family expiry is at or before {@code now}.
     *
     * @return the number of rows deleted; the caller repeats while it equals {@code batchSize}
     */
    int deleteExpired(Instant now, int batchSize);

    /** Releases the store's resources (the EntityManagerFactory). */
    @Override
    void close();
}
