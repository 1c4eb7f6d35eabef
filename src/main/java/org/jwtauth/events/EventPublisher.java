package org.jwtauth.events;

/** Where the library's components publish their events; {@link AuthEvents} in a running web application. */
@FunctionalInterface
public interface EventPublisher {

    /** Publishes nothing (a filter built by hand, without the library's components). */
    EventPublisher NONE = event -> { };

    /**
     * Never throws and never waits for a listener.
     *
     * @param event the event
     */
    void publish(AuthEvent event);
}
