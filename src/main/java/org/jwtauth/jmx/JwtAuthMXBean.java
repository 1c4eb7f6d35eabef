package org.jwtauth.jmx;

/**
 * What an operator sees of one web application in JConsole, VisualVM or the Prometheus JMX exporter, as
 * {@code org.jwtauth:type=JwtAuth,context=<context path>}: counters since start-up (each a plain number, never
 * reset) and the configuration summary of the start-up log. docs/operations.md says what each counts.
 */
public interface JwtAuthMXBean {

    long getLogins();

    long getLoginFailures();

    long getRefreshes();

    long getRefreshFailures();

    long getReuseDetected();

    /** Logouts of one device and of all devices. */
    long getLogouts();

    long getSessionsRevoked();

    long getTokensRejected();

    long getStoreUnavailable();

    long getCleanupDeleted();

    long getCacheHits();

    long getCacheMisses();

    /** Events not delivered to the listeners because a slow listener let the queue fill up. */
    long getEventsDropped();

    /** The configuration summary logged at start-up; no secret, no password. */
    String getConfiguration();
}
