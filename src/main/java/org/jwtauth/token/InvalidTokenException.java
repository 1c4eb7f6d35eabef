package org.jwtauth.token;

/**
 * An access token was refused. {@link #getMessage()} is one of a few fixed texts, safe to send as an RFC 6750
 * {@code error_description}: it never contains token text, claim values or a jose4j message.
 */
public final class InvalidTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why, in the words a client may see. */
    public enum Reason {
        MALFORMED("The access token is malformed"),
        EXPIRED("The access token expired"),
        INVALID("The access token is invalid"),
        /** It verifies, but its session was revoked or its user signed out everywhere (RFC 6750 section 3.1). */
        REVOKED("The access token was revoked");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Reason reason;

    public InvalidTokenException(Reason reason) {
        // No cause and no stack trace: the cause's message would carry claims, and these are routine.
        super(reason.description(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
