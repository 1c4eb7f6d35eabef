package org.jwtauth.refresh;

/**
 * A refresh token was refused. Every reason is answered the same way ({@code invalid_grant}, RFC 6749 section
 * 5.2), so the endpoint is no oracle; the reason exists for tests and debug logs.
 */
public final class RefreshRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the token was refused. */
    public enum Reason {
        MALFORMED, UNKNOWN, EXPIRED, REVOKED, MISMATCH, REUSED, CONCURRENTLY_ROTATED
    }

    private final Reason reason;

    public RefreshRejectedException(Reason reason) {
        super("refresh token rejected: " + reason, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
