package org.jwtauth.config;

import java.time.Duration;

/** The parsed {@code jwtauth.login.throttle.*} settings. */
public final class ThrottleSettings {

    private final int usernameAttempts;
    private final int addressAttempts;
    private final Duration delay;
    private final Duration maxDelay;
    private final int capacity;

    ThrottleSettings(int usernameAttempts, int addressAttempts, Duration delay, Duration maxDelay,
                            int capacity) {
        this.usernameAttempts = usernameAttempts;
        this.addressAttempts = addressAttempts;
        this.delay = delay;
        this.maxDelay = maxDelay;
        this.capacity = capacity;
    }

    /** Failures per username before lock-outs start. */
    public int usernameAttempts() {
        return usernameAttempts;
    }

    /** Failures per client address before lock-outs start. */
    public int addressAttempts() {
        return addressAttempts;
    }

    /** The first lock-out; each further failure doubles it. */
    public Duration delay() {
        return delay;
    }

    public Duration maxDelay() {
        return maxDelay;
    }

    /** Most usernames (and, separately, addresses) remembered at once. */
    public int capacity() {
        return capacity;
    }
}
