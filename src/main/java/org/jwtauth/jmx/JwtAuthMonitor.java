package org.jwtauth.jmx;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.jwtauth.events.AuthEvent;
import org.jwtauth.events.AuthEventListener;
import org.jwtauth.events.AuthEventType;
import org.jwtauth.token.CacheStatistics;

/**
 * The counters of one web application. Counted on the request thread, so {@code LongAdder}s: no lock, and
 * contended increments go to separate cells (design section 8: the filter's cost is a product feature).
 */
public final class JwtAuthMonitor implements JwtAuthMXBean, AuthEventListener, CacheStatistics {

    private final Map<AuthEventType, LongAdder> events = new EnumMap<>(AuthEventType.class);
    private final LongAdder cleanupDeleted = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder cacheMisses = new LongAdder();
    private final LongAdder eventsDropped = new LongAdder();
    private final String configuration;

    /** @param configuration the start-up summary ({@code Settings.summary()}) */
    public JwtAuthMonitor(String configuration) {
        for (AuthEventType type : AuthEventType.values()) {
            // Filled once, read-only afterwards: safe to share without a lock.
            events.put(type, new LongAdder());
        }
        this.configuration = configuration;
    }

    @Override
    public void onEvent(AuthEvent event) {
        events.get(event.type()).increment();
    }

    @Override
    public void hit() {
        cacheHits.increment();
    }

    @Override
    public void miss() {
        cacheMisses.increment();
    }

    /** An event the listeners will not see: their queue was full. */
    public void eventDropped() {
        eventsDropped.increment();
    }

    /** Rows one cleanup run deleted. */
    public void cleanupDeleted(long rows) {
        cleanupDeleted.add(rows);
    }

    private long count(AuthEventType type) {
        return events.get(type).sum();
    }

    @Override
    public long getLogins() {
        return count(AuthEventType.LOGIN);
    }

    @Override
    public long getLoginFailures() {
        return count(AuthEventType.LOGIN_FAILED);
    }

    @Override
    public long getRefreshes() {
        return count(AuthEventType.REFRESH);
    }

    @Override
    public long getRefreshFailures() {
        return count(AuthEventType.REFRESH_FAILED);
    }

    @Override
    public long getReuseDetected() {
        return count(AuthEventType.REUSE_DETECTED);
    }

    @Override
    public long getLogouts() {
        return count(AuthEventType.LOGOUT) + count(AuthEventType.LOGOUT_ALL_DEVICES);
    }

    @Override
    public long getSessionsRevoked() {
        return count(AuthEventType.SESSION_REVOKED);
    }

    @Override
    public long getTokensRejected() {
        return count(AuthEventType.TOKEN_REJECTED);
    }

    @Override
    public long getStoreUnavailable() {
        return count(AuthEventType.STORE_UNAVAILABLE);
    }

    @Override
    public long getCleanupDeleted() {
        return cleanupDeleted.sum();
    }

    @Override
    public long getCacheHits() {
        return cacheHits.sum();
    }

    @Override
    public long getCacheMisses() {
        return cacheMisses.sum();
    }

    @Override
    public long getEventsDropped() {
        return eventsDropped.sum();
    }

    @Override
    public String getConfiguration() {
        return configuration;
    }
}
