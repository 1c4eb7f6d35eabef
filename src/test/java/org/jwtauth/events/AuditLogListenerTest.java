package org.jwtauth.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.jwtauth.testing.MutableClock;

/** The built-in audit listener: what it writes, at which level, and how repeated failures are rate-limited. */
class AuditLogListenerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T18:00:00Z"));
    private final List<String> lines = new ArrayList<>();
    private final AuditLogListener audit = new AuditLogListener((level, line) -> lines.add(level + " " + line),
            clock);

    private AuthEvent stamped(AuthEvent event) {
        return event.stampedAt(clock.instant());
    }

    @Test
    void onEventWhenReuseDetectedThenOneWarnLineWithSubjectSessionAndAddress() {
        audit.onEvent(stamped(AuthEvent.reuseDetected("alice", "sid-1", "10.0.0.1")));
        assertEquals(List.of("WARN reuse_detected subject=alice session=sid-1 address=10.0.0.1"), lines);
    }

    @Test
    void onEventWhenThrottledThenWarnAndWhenBadCredentialsThenInfo() {
        audit.onEvent(stamped(AuthEvent.loginFailed("bob", "10.0.0.2", AuthEventReason.THROTTLED)));
        audit.onEvent(stamped(AuthEvent.loginFailed("bob", "10.0.0.2", AuthEventReason.BAD_CREDENTIALS)));
        assertEquals(List.of("WARN login_failed reason=throttled subject=bob address=10.0.0.2",
                "INFO login_failed reason=bad_credentials subject=bob address=10.0.0.2"), lines);
    }

    @Test
    void onEventWhenRoutineSuccessThenNothingAboveDebug() {
        audit.onEvent(stamped(AuthEvent.login("alice", "sid-1", "10.0.0.1")));
        audit.onEvent(stamped(AuthEvent.refresh("alice", "sid-1", "10.0.0.1")));
        audit.onEvent(stamped(AuthEvent.tokenRejected(AuthEventReason.EXPIRED, null, null, "10.0.0.1")));
        assertEquals(3, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("DEBUG ")), lines::toString);
    }

    @Test
    void onEventWhenOneFailureRepeatsThenAtMostTheBudgetPerMinuteAndTheNextLineSaysHowManyWereSuppressed() {
        for (int i = 0; i < AuditLogListener.LINES_PER_MINUTE + 5; i++) {
            audit.onEvent(stamped(AuthEvent.loginFailed("bob", "10.0.0.2", AuthEventReason.BAD_CREDENTIALS)));
        }
        assertEquals(AuditLogListener.LINES_PER_MINUTE, lines.size());
        // Another kind of line has a budget of its own.
        audit.onEvent(stamped(AuthEvent.reuseDetected("alice", "sid-1", "10.0.0.1")));
        assertEquals(AuditLogListener.LINES_PER_MINUTE + 1, lines.size());

        clock.advance(Duration.ofSeconds(61));
        audit.onEvent(stamped(AuthEvent.loginFailed("bob", "10.0.0.2", AuthEventReason.BAD_CREDENTIALS)));

        assertEquals("INFO login_failed reason=bad_credentials subject=bob address=10.0.0.2 (5 similar lines"
                + " suppressed)", lines.get(lines.size() - 1));
    }
}
