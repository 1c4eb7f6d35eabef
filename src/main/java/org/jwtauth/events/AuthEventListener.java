package org.jwtauth.events;

/**
 * Receives the library's authentication events (an audit log of one's own, a bridge to a SIEM or to metrics).
 * Register one by class name in {@code jwtauth.events.listeners} (a public no-argument constructor) or with
 * {@link org.jwtauth.web.JwtAuth#addListener}.
 *
 * <p>Called on the web application's one event thread ({@code jwtauth-events-<context>}), one event at a time and
 * in the order they were published, never on a request thread: a listener that is slow delays only the events
 * after it (beyond a bounded queue they are dropped and counted, {@code EventsDropped} in JMX), and one that
 * throws is logged and called again with the next event. An event never carries a token, a password, a secret or
 * a token hash.
 */
@FunctionalInterface
public interface AuthEventListener {

    /**
     * Receives one event.
     *
     * @param event the event
     */
    void onEvent(AuthEvent event);
}
