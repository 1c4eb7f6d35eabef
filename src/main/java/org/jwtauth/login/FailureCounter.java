package org.jwtauth.login;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed-login counts per key (a username or a client address) with bounded memory: at most {@code capacity}
 * keys, the least recently touched forgotten first, so no number of distinct usernames or addresses can grow
 * the heap. A key's count is forgotten once its lock-out and a quiet period have passed. Thread-safe.
 */
final class FailureCounter {

    /** Failures of one key and until when it is locked out. */
    private static final class Failures {
        int failures;
        Instant lockedUntil = Instant.MIN;
        Instant lastFailure = Instant.MIN;
    }

    private final int freeAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Map<String, Failures> entries;

    FailureCounter(int freeAttempts, Duration baseDelay, Duration maxDelay, int capacity) {
        this.freeAttempts = freeAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > capacity;
            }
        };
    }

    /** How long {@code key} must still wait, or zero. */
    synchronized Duration remainingLockout(String key, Instant now) {
        Failures e = entries.get(key);
        if (e == null || !now.isBefore(e.lockedUntil)) {
            return Duration.ZERO;
        }
        return Duration.between(now, e.lockedUntil);
    }

    /**
     * Records a failure. After {@code freeAttempts} failures each further one locks the key out for
     * {@code baseDelay * 2^(failures - freeAttempts - 1)}, at most {@code maxDelay}.
     */
    synchronized void recordFailure(String key, Instant now) {
        Failures e = entries.get(key);
        if (e == null || isForgotten(e, now)) {
            e = new Failures();
            entries.put(key, e);
        }
        e.failures++;
        e.lastFailure = now;
        int over = e.failures - freeAttempts;
        if (over > 0) {
            e.lockedUntil = now.plus(delay(over));
        }
    }

    synchronized void reset(String key) {
        entries.remove(key);
    }

    synchronized int size() {
        return entries.size();
    }

    private Duration delay(int over) {
        // 2^30 seconds is decades; stop doubling long before overflow.
        int shift = Math.min(over - 1, 30);
        Duration d = baseDelay.multipliedBy(1L << shift);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    /** After a lock-out has passed and a further {@code maxDelay} without failure, the slate is clean. */
    private boolean isForgotten(Failures e, Instant now) {
        Instant quietSince = e.lockedUntil.isAfter(e.lastFailure) ? e.lockedUntil : e.lastFailure;
        return now.isAfter(quietSince.plus(maxDelay));
    }
}
