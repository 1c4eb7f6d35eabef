package org.jwtauth.refresh;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the cleanup on one named daemon thread. {@link #close()} stops the thread and waits for it, so that
 * an undeployed web application leaves no thread behind (Tomcat would report it as a leak).
 */
public final class CleanupScheduler implements AutoCloseable {

    private final ScheduledExecutorService executor;

    public CleanupScheduler(Runnable cleanup, Duration interval, String threadName) {
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        // The runnable never throws (ExpiredTokenCleanup catches), which keeps the fixed-delay schedule alive.
        executor.scheduleWithFixedDelay(cleanup, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                org.slf4j.LoggerFactory.getLogger(CleanupScheduler.class)
                        .warn("The refresh-token cleanup thread did not stop within 10 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
