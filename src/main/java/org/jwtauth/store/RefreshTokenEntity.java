package org.jwtauth.store;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jwtauth.refresh.RefreshTokenState;
import org.jwtauth.refresh.StoredRefreshToken;

/**
 * One row of {@code jwtauth_refresh_token}. Times are epoch milliseconds in BIGINT columns: the same on every
 * database and free of time-zone conversions. Not cached: several nodes share the table, and a cached row
 * could hide another node's rotation (reuse detection depends on seeing it).
 */
@Entity
@Cacheable(false)
@Table(name = RefreshTokenEntity.TABLE)
class RefreshTokenEntity {

    static final String TABLE = "jwtauth_refresh_token";
    static final int HASH_LENGTH = 64;
    static final int SESSION_ID_LENGTH = 64;
    static final int SUBJECT_LENGTH = 255;
    static final int ROTATED_BY_LENGTH = 64;

    @Id
    @Column(name = "token_hash", length = HASH_LENGTH, nullable = false, updatable = false)
    private String hash;

    @Column(name = "family_id", length = SESSION_ID_LENGTH, nullable = false, updatable = false)
    private String sessionId;

    @Column(name = "subject", length = SUBJECT_LENGTH, nullable = false, updatable = false)
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", length = 16, nullable = false)
    private RefreshTokenState state;

    @Column(name = "created_at", nullable = false, updatable = false)
    private long createdAt;

    @Column(name = "idle_expires_at", nullable = false)
    private long idleExpiresAt;

    @Column(name = "family_expires_at", nullable = false, updatable = false)
    private long sessionExpiresAt;

    @Column(name = "rotated_at")
    private Long rotatedAt;

    @Column(name = "rotated_by", length = ROTATED_BY_LENGTH)
    private String rotatedBy;

    /** For JPA only. */
    protected RefreshTokenEntity() {
    }

    static RefreshTokenEntity from(StoredRefreshToken token) {
        RefreshTokenEntity e = new RefreshTokenEntity();
        e.hash = token.hash();
        e.sessionId = token.sessionId();
        e.subject = token.subject();
        e.state = token.state();
        e.createdAt = token.createdAt().toEpochMilli();
        e.idleExpiresAt = token.idleExpiresAt().toEpochMilli();
        e.sessionExpiresAt = token.sessionExpiresAt().toEpochMilli();
        e.rotatedAt = token.rotatedAt().map(Instant::toEpochMilli).orElse(null);
        e.rotatedBy = token.rotatedBy().orElse(null);
        return e;
    }

    String sessionId() {
        return sessionId;
    }

    String subject() {
        return subject;
    }

    RefreshTokenState state() {
        return state;
    }

    long createdAt() {
        return createdAt;
    }

    long sessionExpiresAt() {
        return sessionExpiresAt;
    }

    StoredRefreshToken toStoredToken() {
        return new StoredRefreshToken(hash, sessionId, subject, state, Instant.ofEpochMilli(createdAt),
                Instant.ofEpochMilli(idleExpiresAt), Instant.ofEpochMilli(sessionExpiresAt),
                rotatedAt == null ? null : Instant.ofEpochMilli(rotatedAt), rotatedBy);
    }
}
