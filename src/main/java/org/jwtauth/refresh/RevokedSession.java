package org.jwtauth.refresh;

import java.time.Instant;
import java.util.Objects;

/**
 * A session as the cut-off sees it: its id (the {@code sid} of its access tokens) and when it was first revoked.
 * Ordered by time, then id, which is the order in which {@link RefreshTokenStore#revokedAfter} pages through them.
 */
public final class RevokedSession implements Comparable<RevokedSession> {

    private final String sessionId;
    private final Instant revokedAt;

    public RevokedSession(String sessionId, Instant revokedAt) {
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.revokedAt = Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** The position before every session revoked at or after {@code at}. */
    public static RevokedSession before(Instant at) {
        return new RevokedSession("", at);
    }

    public String sessionId() {
        return sessionId;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    @Override
    public int compareTo(RevokedSession o) {
        int byTime = revokedAt.compareTo(o.revokedAt);
        return byTime != 0 ? byTime : sessionId.compareTo(o.sessionId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RevokedSession && compareTo((RevokedSession) o) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, revokedAt);
    }

    @Override
    public String toString() {
        return "RevokedSession[" + sessionId + ", " + revokedAt + "]";
    }
}
