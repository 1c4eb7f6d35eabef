package org.jwtauth.refresh;

import java.time.Instant;

/** A refresh token handed to a client, its family and when it stops working (the earlier of its two expiries). */
public final class IssuedRefreshToken {

    private final String token;
    private final String familyId;
    private final Instant expiresAt;

    IssuedRefreshToken(String token, String familyId, Instant expiresAt) {
        this.token = token;
        this.familyId = familyId;
        this.expiresAt = expiresAt;
    }

    public String token() {
        return token;
    }

    public String familyId() {
        return familyId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "IssuedRefreshToken[family=" + familyId + ", expiresAt=" + expiresAt + "]";
    }
}
