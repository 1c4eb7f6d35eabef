package org.jwtauth.refresh;

import java.time.Instant;

/** A refresh token handed to a client, with the row stored for it: its family and when it stops working. */
public final class IssuedRefreshToken {

    private final String token;
    private final StoredRefreshToken row;

    IssuedRefreshToken(String token, StoredRefreshToken row) {
        this.token = token;
        this.row = row;
    }

    public String token() {
        return token;
    }

    public String sessionId() {
        return row.sessionId();
    }

    /** The earlier of the token's two expiries. */
    public Instant expiresAt() {
        return row.expiresAt();
    }

    @Override
    public String toString() {
        return "IssuedRefreshToken[session=" + row.sessionId() + ", expiresAt=" + row.expiresAt() + "]";
    }
}
