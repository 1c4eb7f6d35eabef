package org.jwtauth.config;

import java.time.Duration;

/** Arithmetic on durations that several packages share. Internal. */
public final class DurationValues {

    private DurationValues() {
    }

    /**
     * Whole seconds, rounded up and at least one: for headers and driver settings that take integer seconds,
     * where a fraction cut off could become zero ("wait forever" for some drivers, "retry now" for a client).
     */
    public static long secondsRoundedUp(Duration d) {
        return Math.max(1, d.getSeconds() + (d.getNano() > 0 ? 1 : 0));
    }
}
