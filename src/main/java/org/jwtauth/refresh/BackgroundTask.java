package org.jwtauth.refresh;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jwtauth.log.Log;

/**
 * Runs a task (the cleanup, the cut-offs' poll) every interval on one named daemon thread. {@link #close()} stops
 * the thread and waits until it has ended, so that an undeployed web application leaves no thread behind (Tomcat
 * would report it as a leak).
 */
public final class BackgroundTask implements AutoCloseable {

    private static final Log LOG = Log.of(BackgroundTask.class);
    private static final long STOP_TIMEOUT_MILLIS = 10_000;
    /** How long a running task may go on before it is interrupted (the cleanup stops between batches then). */
    private static final long GRACEFUL_STOP_MILLIS = 2_000;

    private final AtomicReference<Thread> thread = new AtomicReference<>();
    private final ScheduledExecutorService executor;
    private final String threadName;

    /** @param task never throws, which keeps the fixed-delay schedule alive */
    public BackgroundTask(Runnable task, Duration interval, String threadName) {
        this.threadName = threadName;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, threadName);
            t.setDaemon(true);
            thread.set(t);
            return t;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        // A run in progress may finish first: interrupting a thread inside JDBC I/O can break the
        // connection, and H2 closes its database file when a thread is interrupted while reading it.
        executor.shutdown();
        try {
            if (!executor.awaitTermination(GRACEFUL_STOP_MILLIS, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
            // An executor counts as terminated a moment before its worker thread has really ended; join it.
            executor.awaitTermination(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            Thread t = thread.get();
            if (t != null) {
                t.join(STOP_TIMEOUT_MILLIS);
                if (t.isAlive()) {
                    LOG.warn("The thread {} did not stop within 10 seconds", threadName);
                }
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
