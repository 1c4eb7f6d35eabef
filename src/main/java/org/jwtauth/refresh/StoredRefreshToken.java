package org.jwtauth.refresh;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the store: the SHA-256 of a refresh token (never the token), its family (one per login/device),
 * its subject and its two expiries.
 */
public final class StoredRefreshToken {

    private final String hash;
    private final String sessionId;
    private final String subject;
    private final RefreshTokenState state;
    private final Instant createdAt;
    private final Instant idleExpiresAt;
    private final Instant sessionExpiresAt;
    private final Instant rotatedAt;
    private final String rotatedBy;

    public StoredRefreshToken(String hash, String sessionId, String subject, RefreshTokenState state, Instant createdAt,
                              Instant idleExpiresAt, Instant sessionExpiresAt, Instant rotatedAt, String rotatedBy) {
        this.hash = Objects.requireNonNull(hash, "hash");
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.state = Objects.requireNonNull(state, "state");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.idleExpiresAt = Objects.requireNonNull(idleExpiresAt, "idleExpiresAt");
        this.sessionExpiresAt = Objects.requireNonNull(sessionExpiresAt, "sessionExpiresAt");
        this.rotatedAt = rotatedAt;
        this.rotatedBy = rotatedBy;
    }

    /** A fresh, active token. */
    public static StoredRefreshToken active(String hash, String sessionId, String subject, Instant createdAt,
                                            Instant idleExpiresAt, Instant sessionExpiresAt) {
        return new StoredRefreshToken(hash, sessionId, subject, RefreshTokenState.ACTIVE, createdAt, idleExpiresAt,
                sessionExpiresAt, null, null);
    }

    public String hash() {
        return hash;
    }

    public String sessionId() {
        return sessionId;
    }

    public String subject() {
        return subject;
    }

    public RefreshTokenState state() {
        return state;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant idleExpiresAt() {
        return idleExpiresAt;
    }

    public Instant sessionExpiresAt() {
        return sessionExpiresAt;
    }

    public Optional<Instant> rotatedAt() {
        return Optional.ofNullable(rotatedAt);
    }

    /**
     * Which access token came with the request that rotated this token: a digest of its {@code jti}. Empty while
     * active, and for tokens rotated before the store recorded it.
     */
    public Optional<String> rotatedBy() {
        return Optional.ofNullable(rotatedBy);
    }

    public boolean isSessionExpiredAt(Instant now) {
        return !now.isBefore(sessionExpiresAt);
    }

    /** The earlier of the idle and the absolute expiry. */
    public Instant expiresAt() {
        return idleExpiresAt.isBefore(sessionExpiresAt) ? idleExpiresAt : sessionExpiresAt;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt());
    }

    @Override
    public String toString() {
        // No hash: even a hash is not for logs.
        return "StoredRefreshToken[session=" + sessionId + ", state=" + state + "]";
    }
}
