package org.jwtauth.refresh;

import org.jwtauth.token.IssuedToken;

/**
 * A refresh token handed to a client, with what its stored row says: its family and when it stops working (the
 * earlier of the token's two expiries).
 */
public final class IssuedRefreshToken extends IssuedToken {

    private final String sessionId;

    IssuedRefreshToken(String token, StoredRefreshToken row) {
        super(token, row.expiresAt());
        this.sessionId = row.sessionId();
    }

    public String sessionId() {
        return sessionId;
    }

    @Override
    public String toString() {
        return "IssuedRefreshToken[session=" + sessionId + ", expiresAt=" + expiresAt() + "]";
    }
}
