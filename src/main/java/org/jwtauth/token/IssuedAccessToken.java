package org.jwtauth.token;

import java.time.Instant;

/** A signed access token and when it expires. */
public final class IssuedAccessToken {

    private final String token;
    private final Instant expiresAt;

    IssuedAccessToken(String token, Instant expiresAt) {
        this.token = token;
        this.expiresAt = expiresAt;
    }

    public String token() {
        return token;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "IssuedAccessToken[expiresAt=" + expiresAt + "]";
    }
}
