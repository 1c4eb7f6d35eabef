package org.jwtauth.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed-login counts per key (a username or a client address) with bounded memory. A password check first
 * reserves an attempt here, atomically with the lock-out check, so parallel guesses get no more checks than the
 * same guesses one after another: a check in flight counts like a failure until it ends. Thread-safe.
 *
 * <p>At most {@code capacity} keys are remembered. When full, the least recently touched key that is neither
 * locked out nor in flight is forgotten; a flood of keys can therefore never free a lock-out before it ends. If
 * every remembered key is locked, a new key is not remembered at all rather than refused: a flood must not lock
 * out users it never touched (the other dimension of {@link LoginThrottle} still counts their guesses).
 */
final class FailureCounter {

    /** Failures of one key, checks in flight, and until when it is locked out. */
    static final class Failures {
        int failures;
        int inFlight;
        Instant lockedUntil = Instant.MIN;
        Instant lastFailure = Instant.MIN;
    }

    /** A reservation: granted with its entry (null when not remembered), or refused for a while. */
    static final class Reservation {
        final Failures entry;
        final Duration refusedFor;

        private Reservation(Failures entry, Duration refusedFor) {
            this.entry = entry;
            this.refusedFor = refusedFor;
        }

        boolean granted() {
            return refusedFor.isZero();
        }
    }

    private static final Reservation UNTRACKED = new Reservation(null, Duration.ZERO);

    private final int freeAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final int capacity;
    /** Access order: the eldest is the least recently touched. */
    private final Map<String, Failures> entries = new LinkedHashMap<>(16, 0.75f, true);

    FailureCounter(int freeAttempts, Duration baseDelay, Duration maxDelay, int capacity) {
        this.freeAttempts = freeAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.capacity = capacity;
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
     * Reserves one password check for {@code key}. One after another, {@code freeAttempts + 1} checks happen
     * before the first lock-out and one after each lock-out ends; the same number may be in flight at once here,
     * and a further attempt is refused for the lock-out those in flight would bring if they failed.
     */
    synchronized Reservation reserve(String key, Instant now) {
        Failures e = entries.get(key);
        if (e != null && e.inFlight == 0 && isForgotten(e, now)) {
            entries.remove(key);
            e = null;
        }
        if (e == null) {
            e = new Failures();
            if (!makeRoom(now)) {
                return UNTRACKED;
            }
            entries.put(key, e);
        }
        if (now.isBefore(e.lockedUntil)) {
            return new Reservation(null, Duration.between(now, e.lockedUntil));
        }
        int slots = Math.max(1, freeAttempts + 1 - e.failures);
        if (e.inFlight >= slots) {
            return new Reservation(null, delay(Math.max(1, e.failures + e.inFlight + 1 - freeAttempts)));
        }
        e.inFlight++;
        return new Reservation(e, Duration.ZERO);
    }

    /**
     * A reserved check failed. After {@code freeAttempts} failures each further one locks the key out for
     * {@code baseDelay * 2^(failures - freeAttempts - 1)}, at most {@code maxDelay}.
     *
     * @return the lock-out this failure started, or zero
     */
    synchronized Duration failed(Reservation r, Instant now) {
        if (r.entry == null) {
            return Duration.ZERO;
        }
        Failures e = r.entry;
        e.inFlight--;
        e.failures++;
        e.lastFailure = now;
        int over = e.failures - freeAttempts;
        if (over <= 0) {
            return Duration.ZERO;
        }
        Duration lockout = delay(over);
        e.lockedUntil = now.plus(lockout);
        return lockout;
    }

    /** A reserved check ended without a verdict (the directory failed): it counts for nothing. */
    synchronized void released(Reservation r) {
        if (r.entry != null) {
            r.entry.inFlight--;
        }
    }

    /** A reserved check succeeded and its key starts over (checks still in flight keep their reservation). */
    synchronized void succeeded(Reservation r, String key) {
        released(r);
        Failures e = entries.get(key);
        if (e != null) {
            e.failures = 0;
            e.lockedUntil = Instant.MIN;
            if (e.inFlight == 0) {
                entries.remove(key);
            }
        }
    }

    synchronized int size() {
        return entries.size();
    }

    /** Forgets the least recently touched key that is neither locked out nor in flight, if the map is full. */
    private boolean makeRoom(Instant now) {
        if (entries.size() < capacity) {
            return true;
        }
        for (Iterator<Failures> it = entries.values().iterator(); it.hasNext();) {
            Failures e = it.next();
            if (e.inFlight == 0 && !now.isBefore(e.lockedUntil)) {
                it.remove();
                return true;
            }
        }
        return false;
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
