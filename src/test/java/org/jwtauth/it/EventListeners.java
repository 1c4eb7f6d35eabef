package org.jwtauth.it;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jwtauth.events.AuthEvent;
import org.jwtauth.events.AuthEventListener;

/** Listeners named in {@code jwtauth.events.listeners} by the events tests. */
public final class EventListeners {

    private EventListeners() {
    }

    /** Keeps every event; read by {@link EventRecorderServlet} (one copy per web-app class loader). */
    public static final class Recording implements AuthEventListener {
        static final Queue<AuthEvent> RECEIVED = new ConcurrentLinkedQueue<>();

        @Override
        public void onEvent(AuthEvent event) {
            RECEIVED.add(event);
        }
    }

    /** Fails on every event, as a listener with a bug would. */
    public static final class Throwing implements AuthEventListener {
        @Override
        public void onEvent(AuthEvent event) {
            throw new IllegalStateException("listener bug for " + event.type());
        }
    }

    /** Takes long over every event, as a listener whose remote end stopped answering would. */
    public static final class Slow implements AuthEventListener {
        @Override
        public void onEvent(AuthEvent event) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
