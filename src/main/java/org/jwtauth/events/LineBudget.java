package org.jwtauth.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code lines} log lines per key and window, so that a password-guessing run or a broken listener costs
 * a bounded number of lines however long it goes on; the first line after a refusal says how many were left out.
 * Keys are few (an event type and reason, a listener class), so the map stays small. Thread-safe.
 */
final class LineBudget {

    private final int lines;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    LineBudget(int lines, Duration window, Clock clock) {
        this.lines = lines;
        this.window = window;
        this.clock = clock;
    }

    /** The number of lines suppressed since the last permitted one when this one may be written, else empty. */
    OptionalLong permit(String key) {
        Window w = windows.computeIfAbsent(key, k -> new Window());
        synchronized (w) {
            Instant now = clock.instant();
            if (w.start == null || !now.isBefore(w.start.plus(window))) {
                w.start = now;
                w.used = 0;
            }
            if (w.used >= lines) {
                w.suppressed++;
                return OptionalLong.empty();
            }
            w.used++;
            long suppressed = w.suppressed;
            w.suppressed = 0;
            return OptionalLong.of(suppressed);
        }
    }

    private static final class Window {
        Instant start;
        int used;
        long suppressed;
    }
}
