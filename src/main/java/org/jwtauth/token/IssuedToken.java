package org.jwtauth.token;

import java.time.Instant;

/** A token handed to a client and when it stops working; the token text is never part of {@link #toString}. */
public abstract class IssuedToken {

    private final String token;
    private final Instant expiresAt;

    protected IssuedToken(String token, Instant expiresAt) {
        this.token = token;
        this.expiresAt = expiresAt;
    }

    public final String token() {
        return token;
    }

    public final Instant expiresAt() {
        return expiresAt;
    }
}
