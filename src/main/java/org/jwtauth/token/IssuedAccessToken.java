package org.jwtauth.token;

import java.time.Instant;

/** A signed access token and when it expires. */
public final class IssuedAccessToken extends IssuedToken {

    IssuedAccessToken(String token, Instant expiresAt) {
        super(token, expiresAt);
    }

    @Override
    public String toString() {
        return "IssuedAccessToken[expiresAt=" + expiresAt() + "]";
    }
}
