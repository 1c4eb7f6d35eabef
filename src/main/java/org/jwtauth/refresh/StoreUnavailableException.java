package org.jwtauth.refresh;

/**
 * The store could not be reached or failed. The web layer answers 503 {@code temporarily_unavailable}
 * (never 401 and never 500). The message never contains token material.
 */
public class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
