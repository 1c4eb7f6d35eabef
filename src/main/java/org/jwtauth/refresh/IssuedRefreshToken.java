package org.jwtauth.refresh;

import java.time.Instant;

/** A refresh token handed to a client, its family and when it stops working (the earlier of its two expiries). */
public final class IssuedRefreshToken {

    private final String token;
    private final String sessionId;
    private final Instant expiresAt;

    IssuedRefreshToken(String token, String sessionId, Instant expiresAt) {
        this.token = token;
        this.sessionId = sessionId;
        this.expiresAt = expiresAt;
    }

    public String token() {
        return token;
    }

    public String sessionId() {
        return sessionId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "IssuedRefreshToken[session=" + sessionId + ", expiresAt=" + expiresAt + "]";
    }
}
