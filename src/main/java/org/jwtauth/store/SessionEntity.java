package org.jwtauth.store;

import java.time.Instant;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jwtauth.refresh.ClientInfo;
import org.jwtauth.refresh.StoredRefreshToken;
import org.jwtauth.refresh.UserSession;

/**
 * One row of {@code jwtauth_session}: a login on one device, the family its refresh tokens belong to (design
 * section 9). Rotation and revocation lock this row before they touch a token row, so the two serialise per
 * session. The user agent and address columns are kept for the session list; {@code not_before} is the time of
 * the first revocation, from which every node learns to cut off the session's access tokens.
 */
@Entity
@Cacheable(false)
@Table(name = SessionEntity.TABLE)
class SessionEntity {

    static final String TABLE = "jwtauth_session";
    static final String ACTIVE = "ACTIVE";
    static final String REVOKED = "REVOKED";

    @Id
    @Column(name = "session_id", length = RefreshTokenEntity.SESSION_ID_LENGTH, nullable = false, updatable = false)
    private String sessionId;

    @Column(name = "subject", length = RefreshTokenEntity.SUBJECT_LENGTH, nullable = false, updatable = false)
    private String subject;

    @Column(name = "state", length = 16, nullable = false)
    private String state;

    @Column(name = "created_at", nullable = false, updatable = false)
    private long createdAt;

    @Column(name = "last_used_at", nullable = false)
    private long lastUsedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private long expiresAt;

    @Column(name = "not_before")
    private Long notBefore;

    @Column(name = "login_user_agent", length = ClientInfo.MAX_USER_AGENT)
    private String loginUserAgent;

    @Column(name = "login_address", length = ClientInfo.MAX_ADDRESS)
    private String loginAddress;

    @Column(name = "last_user_agent", length = ClientInfo.MAX_USER_AGENT)
    private String lastUserAgent;

    @Column(name = "last_address", length = ClientInfo.MAX_ADDRESS)
    private String lastAddress;

    /** For JPA only. */
    protected SessionEntity() {
    }

    /** The session a login from {@code client} starts with its first refresh token. */
    static SessionEntity startedBy(StoredRefreshToken first, ClientInfo client) {
        SessionEntity e = of(first.sessionId(), first.subject(), ACTIVE, first.createdAt().toEpochMilli(),
                first.sessionExpiresAt().toEpochMilli());
        e.loginUserAgent = client.userAgent().orElse(null);
        e.loginAddress = client.address().orElse(null);
        e.lastUserAgent = e.loginUserAgent;
        e.lastAddress = e.loginAddress;
        return e;
    }

    /**
     * The row of a session that has none: one started before the upgrade that added the table, or by a node
     * still running the previous version. Derived from its tokens as the upgrade script derives it.
     */
    static SessionEntity derived(String sessionId, String subject, boolean revoked, long createdAt, long expiresAt) {
        return of(sessionId, subject, revoked ? REVOKED : ACTIVE, createdAt, expiresAt);
    }

    /** This derived row, revoked at {@code at} by the revocation that found it missing. */
    SessionEntity revokedAt(long at) {
        state = REVOKED;
        notBefore = at;
        return this;
    }

    UserSession toUserSession() {
        return new UserSession(sessionId, subject, Instant.ofEpochMilli(createdAt), Instant.ofEpochMilli(lastUsedAt),
                Instant.ofEpochMilli(expiresAt), ClientInfo.of(loginUserAgent, loginAddress),
                ClientInfo.of(lastUserAgent, lastAddress));
    }

    private static SessionEntity of(String sessionId, String subject, String state, long createdAt, long expiresAt) {
        SessionEntity e = new SessionEntity();
        e.sessionId = sessionId;
        e.subject = subject;
        e.state = state;
        e.createdAt = createdAt;
        e.lastUsedAt = createdAt;
        e.expiresAt = expiresAt;
        return e;
    }
}
