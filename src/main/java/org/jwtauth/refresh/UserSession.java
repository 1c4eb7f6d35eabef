package org.jwtauth.refresh;

import java.time.Instant;
import java.util.Optional;

/**
 * One active session (token family) of a user: one login on one device, as application code and the user see it.
 * Never carries a token or a token hash. Immutable.
 */
public final class UserSession {

    private final String sessionId;
    private final String subject;
    private final Instant createdAt;
    private final Instant lastUsedAt;
    private final Instant expiresAt;
    private final ClientInfo login;
    private final ClientInfo latest;

    public UserSession(String sessionId, String subject, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
                       ClientInfo login, ClientInfo latest) {
        this.sessionId = sessionId;
        this.subject = subject;
        this.createdAt = createdAt;
        this.lastUsedAt = lastUsedAt;
        this.expiresAt = expiresAt;
        this.login = login;
        this.latest = latest;
    }

    /** The {@code sid} claim of this session's access tokens. */
    public String sessionId() {
        return sessionId;
    }

    public String subject() {
        return subject;
    }

    /** The login. */
    public Instant createdAt() {
        return createdAt;
    }

    /** The latest refresh (the login, if none yet). */
    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    /** The absolute end of the session ({@code jwtauth.session.maxLifetime} after the login). */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** The User-Agent of the latest login or refresh, when it was recorded. */
    public Optional<String> userAgent() {
        return latest.userAgent();
    }

    /** The client address of the latest login or refresh, when it was recorded. */
    public Optional<String> address() {
        return latest.address();
    }

    /** What was recorded of the client of the login (nothing when {@code jwtauth.session.clientInfo} was off). */
    public ClientInfo login() {
        return login;
    }

    /** What was recorded of the client of the latest login or refresh. */
    public ClientInfo latest() {
        return latest;
    }

    @Override
    public String toString() {
        return "UserSession[" + sessionId + ", " + subject + "]";
    }
}
