package org.jwtauth.token;

import java.util.Optional;

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
    /** The token's verified caller, when it was refused only for being cut off; never the token itself. */
    private final transient JwtPrincipal cutOff;

    public InvalidTokenException(Reason reason) {
        this(reason, null);
    }

    private InvalidTokenException(Reason reason, JwtPrincipal cutOff) {
        // No cause and no stack trace: the cause's message would carry claims, and these are routine.
        super(reason.description(), null, false, false);
        this.reason = reason;
        this.cutOff = cutOff;
    }

    /**
     * {@link Reason#REVOKED} for a token that verified: its subject and session are known, so that the refusal's
     * event can name them (an operator wants to see who still uses a revoked session).
     */
    public static InvalidTokenException cutOff(JwtPrincipal principal) {
        return new InvalidTokenException(Reason.REVOKED, principal);
    }

    public Reason reason() {
        return reason;
    }

    /** The caller of a verified but cut-off token; empty for every other refusal. */
    public Optional<JwtPrincipal> cutOffCaller() {
        return Optional.ofNullable(cutOff);
    }
}
