package org.jwtauth.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.jwtauth.events.AuthEvent;
import org.jwtauth.events.AuthEventReason;

/** Each event moves exactly its counter. */
class JwtAuthMonitorTest {

    private static final Instant NOW = Instant.parse("2026-12-04T18:00:00Z");

    private final JwtAuthMonitor monitor = new JwtAuthMonitor("issuer=x");

    private void count(AuthEvent event) {
        monitor.onEvent(event.stampedAt(NOW));
    }

    private Map<String, Long> counters() {
        Map<String, Long> all = new LinkedHashMap<>();
        all.put("Logins", monitor.getLogins());
        all.put("LoginFailures", monitor.getLoginFailures());
        all.put("Refreshes", monitor.getRefreshes());
        all.put("RefreshFailures", monitor.getRefreshFailures());
        all.put("ReuseDetected", monitor.getReuseDetected());
        all.put("Logouts", monitor.getLogouts());
        all.put("SessionsRevoked", monitor.getSessionsRevoked());
        all.put("TokensRejected", monitor.getTokensRejected());
        all.put("StoreUnavailable", monitor.getStoreUnavailable());
        all.put("CleanupDeleted", monitor.getCleanupDeleted());
        all.put("CacheHits", monitor.getCacheHits());
        all.put("CacheMisses", monitor.getCacheMisses());
        return all;
    }

    private static Map<String, Long> zeroExcept(Object... nameValues) {
        Map<String, Long> all = new LinkedHashMap<>();
        for (String name : new String[] {"Logins", "LoginFailures", "Refreshes", "RefreshFailures", "ReuseDetected",
                "Logouts", "SessionsRevoked", "TokensRejected", "StoreUnavailable", "CleanupDeleted", "CacheHits",
                "CacheMisses"}) {
            all.put(name, 0L);
        }
        for (int i = 0; i < nameValues.length; i += 2) {
            all.put((String) nameValues[i], ((Number) nameValues[i + 1]).longValue());
        }
        return all;
    }

    @Test
    void countersWhenEachKindOfEventHappensThenExactlyItsCounterMoves() {
        count(AuthEvent.login("alice", "s1", "a"));
        count(AuthEvent.loginFailed("bob", "a", AuthEventReason.BAD_CREDENTIALS));
        count(AuthEvent.loginFailed("bob", "a", AuthEventReason.THROTTLED));
        count(AuthEvent.refresh("alice", "s1", "a"));
        count(AuthEvent.refreshFailed("alice", "s1", "a", AuthEventReason.REUSED));
        count(AuthEvent.reuseDetected("alice", "s1", "a"));
        count(AuthEvent.logout("alice", "s1", "a"));
        count(AuthEvent.logoutAllDevices("alice", "s2", "a"));
        count(AuthEvent.sessionRevoked("alice", "s3", null));
        count(AuthEvent.tokenRejected(AuthEventReason.MALFORMED, null, null, "a"));
        count(AuthEvent.storeUnavailable("a"));
        monitor.cleanupDeleted(12);
        monitor.hit();
        monitor.hit();
        monitor.miss();

        assertEquals(zeroExcept("Logins", 1, "LoginFailures", 2, "Refreshes", 1, "RefreshFailures", 1,
                "ReuseDetected", 1, "Logouts", 2, "SessionsRevoked", 1, "TokensRejected", 1, "StoreUnavailable", 1,
                "CleanupDeleted", 12, "CacheHits", 2, "CacheMisses", 1), counters());
    }

    @Test
    void attributesWhenReadThenTheStartUpSummaryAndTheDroppedEvents() {
        assertEquals("issuer=x", monitor.getConfiguration());
        monitor.eventDropped();
        monitor.eventDropped();
        assertEquals(2L, monitor.getEventsDropped());
    }
}
