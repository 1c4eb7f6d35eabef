package org.jwtauth.refresh;

import java.time.Duration;

/**
 * The store could not be reached or failed. The web layer answers 503 {@code temporarily_unavailable}
 * (never 401 and never 500). The message never contains token material.
 */
public class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * How long a client should wait before trying again (the 503's {@code Retry-After}); a store that could not
     * be opened is tried again at this interval, so a client that waits this long meets a fresh attempt.
     */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
