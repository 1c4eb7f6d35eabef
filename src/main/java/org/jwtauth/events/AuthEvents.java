package org.jwtauth.events;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jwtauth.log.Log;

/**
 * One web application's event publisher. {@link #publish} stamps the event with the clock, hands it to the
 * counting listener (the JMX counters: a few {@code LongAdder}s, on the request thread, so they are exact and
 * never dropped) and offers it to a bounded queue, which one daemon thread empties into the listeners.
 *
 * <p>Queued, not called synchronously with a time budget: a request thread cannot take back control from a
 * listener blocked in I/O (a SIEM that stopped answering) without handing the call to another thread anyway, and
 * a budget spent per request would add its latency to every login. So publishing costs an {@code offer} and
 * never waits; a listener that throws is logged (rate-limited) and called again with the next event; one that is
 * slow delays only later events, and when {@link #QUEUE_CAPACITY} are waiting, further events are dropped and
 * counted (told to {@code dropped}: JMX's {@code EventsDropped}) rather than held in memory without bound.
 */
public final class AuthEvents implements EventPublisher, AutoCloseable {

    /** Events waiting for the listeners before further ones are dropped; about 100 bytes each. */
    public static final int QUEUE_CAPACITY = 10_000;

    private static final Log LOG = Log.of(AuthEvents.class);
    /** How long {@link #close} lets the listeners finish the queued events before interrupting them. */
    private static final long DRAIN_MILLIS = 2_000;
    private static final long STOP_MILLIS = 5_000;
    /** Put in the queue by {@link #close}: everything before it is still delivered. */
    private static final AuthEvent END = AuthEvent.storeUnavailable(null);

    private final Clock clock;
    private final AuthEventListener counters;
    private final List<AuthEventListener> listeners;
    private final BlockingQueue<AuthEvent> queue;
    private final Runnable dropped;
    private final LineBudget warnings;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param clock stamps each event with the time it was published
     * @param counters called on the publishing thread; must be cheap and never throw
     * @param dropped called on the publishing thread for each event the full queue refused; cheap, never throws
     * @param listeners called on the event thread named {@code threadName}, in this order
     * @param threadName the name of the event thread
     * @param capacity how many events may wait for the listeners before new ones are dropped
     */
    public AuthEvents(Clock clock, AuthEventListener counters, Runnable dropped, List<AuthEventListener> listeners,
                      String threadName, int capacity) {
        this.clock = clock;
        this.counters = counters;
        this.dropped = dropped;
        this.listeners = new CopyOnWriteArrayList<>(listeners);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.warnings = new LineBudget(1, Duration.ofMinutes(1), clock);
        this.thread = new Thread(this::deliver, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void publish(AuthEvent event) {
        AuthEvent stamped = event.stampedAt(clock.instant());
        counters.onEvent(stamped);
        if (closed) {
            return;
        }
        if (!queue.offer(stamped)) {
            dropped.run();
            warnings.permit("dropped").ifPresent(before -> LOG.warn("Authentication events dropped: {} are"
                    + " waiting for a slow event listener (EventsDropped counts them all)", QUEUE_CAPACITY));
        }
    }

    /**
     * Adds a listener for the events published from now on (the application's own, through the facade).
     *
     * @param listener the listener
     */
    public void addListener(AuthEventListener listener) {
        listeners.add(listener);
    }

    private void deliver() {
        try {
            while (true) {
                AuthEvent event = queue.take();
                if (event == END) {
                    return;
                }
                for (AuthEventListener listener : listeners) {
                    call(listener, event);
                }
            }
        } catch (InterruptedException e) {
            // close() ran out of patience: the remaining events are dropped with the web application.
            Thread.currentThread().interrupt();
        }
    }

    private void call(AuthEventListener listener, AuthEvent event) throws InterruptedException {
        try {
            listener.onEvent(event);
        } catch (RuntimeException | LinkageError e) {
            // The type only: a listener's message might quote whatever it was sending.
            String name = listener.getClass().getName();
            warnings.permit(name).ifPresent(before -> LOG.warn("Authentication event listener {} failed ({});"
                    + " it gets the next event", name, e.getClass().getName()));
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
    }

    /** Delivers what is queued (for a moment), then stops the thread and waits until it has ended. */
    @Override
    public void close() {
        closed = true;
        try {
            if (!queue.offer(END)) {
                thread.interrupt();
            }
            thread.join(DRAIN_MILLIS);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(STOP_MILLIS);
            }
            if (thread.isAlive()) {
                LOG.warn("The event thread {} did not stop: a listener ignores interrupts", thread.getName());
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }
}
