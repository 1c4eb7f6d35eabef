package org.jwtauth.token;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tokens that passed every check, by their exact text, each until its {@code exp} (read from the injected clock
 * at every lookup). Bounded: at most {@code maxEntries}, in segments of their own lock (so no lock is global and
 * a hot token blocks only its segment), each evicting its oldest entry first. With one lifetime for all tokens
 * the oldest entry is also the one closest to expiry, and eviction costs O(1) however the cache is filled: a user
 * who logs in over and over only pushes older entries out, which then take the uncached path again.
 *
 * <p>The texts are live bearer tokens: they stay in memory until they expire or are evicted, as long as a token
 * stays in the container's request buffers anyway, and never leave it.
 */
final class VerifiedTokenCache {

    private static final int SEGMENTS = 16;

    private final Segment[] segments;
    private final Clock clock;

    /** @param maxEntries at least 1 */
    VerifiedTokenCache(int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries " + maxEntries);
        }
        int count = Math.min(SEGMENTS, maxEntries);
        this.segments = new Segment[count];
        for (int i = 0; i < count; i++) {
            // Capacities add up to exactly maxEntries.
            segments[i] = new Segment(maxEntries / count + (i < maxEntries % count ? 1 : 0));
        }
        this.clock = clock;
    }

    /** The caller this token was verified as, while it has not expired; else null. */
    JwtPrincipal get(String token) {
        Segment segment = segmentOf(token);
        segment.lock.lock();
        try {
            JwtPrincipal principal = segment.entries.get(token);
            if (principal != null && !clock.instant().isBefore(principal.expiresAt())) {
                segment.entries.remove(token);
                return null;
            }
            return principal;
        } finally {
            segment.lock.unlock();
        }
    }

    /** Keeps a verified token until its {@code exp}; one that has reached it is not kept. */
    void put(String token, JwtPrincipal principal) {
        if (!clock.instant().isBefore(principal.expiresAt())) {
            return;
        }
        Segment segment = segmentOf(token);
        segment.lock.lock();
        try {
            if (!segment.entries.containsKey(token) && segment.entries.size() >= segment.capacity) {
                Iterator<String> oldest = segment.entries.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            segment.entries.put(token, principal);
        } finally {
            segment.lock.unlock();
        }
    }

    int size() {
        int size = 0;
        for (Segment segment : segments) {
            segment.lock.lock();
            try {
                size += segment.entries.size();
            } finally {
                segment.lock.unlock();
            }
        }
        return size;
    }

    private Segment segmentOf(String token) {
        int h = token.hashCode();
        return segments[Math.floorMod(h ^ (h >>> 16), segments.length)];
    }

    private static final class Segment {
        final ReentrantLock lock = new ReentrantLock();
        /** In insertion order: the first is the oldest. */
        final LinkedHashMap<String, JwtPrincipal> entries = new LinkedHashMap<>();
        final int capacity;

        Segment(int capacity) {
            this.capacity = capacity;
        }
    }
}
