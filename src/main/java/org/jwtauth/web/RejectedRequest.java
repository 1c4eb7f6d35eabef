package org.jwtauth.web;

/** Thrown inside an endpoint to answer with {@link #error()}; carries no stack trace (it is routine). */
final class RejectedRequest extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient OAuthError error;

    RejectedRequest(OAuthError error) {
        super(error.toString(), null, false, false);
        this.error = error;
    }

    OAuthError error() {
        return error;
    }
}
