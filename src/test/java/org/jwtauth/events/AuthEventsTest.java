package org.jwtauth.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.jwtauth.testing.MutableClock;

/** The publisher: listeners are called on its own thread, so none of them can fail or stall the request. */
class AuthEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T18:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final List<AuthEvent> counted = new CopyOnWriteArrayList<>();
    private final AtomicInteger dropped = new AtomicInteger();

    private AuthEvents events(int capacity, AuthEventListener... listeners) {
        return new AuthEvents(clock, counted::add, dropped::incrementAndGet, List.of(listeners),
                "jwtauth-events-test", capacity);
    }

    @Test
    void publishWhenListenersRegisteredThenEachReceivesTheEventStampedWithTheClocksTime() throws Exception {
        List<AuthEvent> received = new CopyOnWriteArrayList<>();
        CountDownLatch delivered = new CountDownLatch(2);
        try (AuthEvents events = events(10, e -> {
            received.add(e);
            delivered.countDown();
        })) {
            events.addListener(e -> delivered.countDown());
            events.publish(AuthEvent.login("alice", "sid-1", "10.0.0.1"));

            assertTrue(delivered.await(5, TimeUnit.SECONDS), "both listeners called");
            assertEquals(1, received.size());
            AuthEvent event = received.get(0);
            assertEquals(AuthEventType.LOGIN, event.type());
            assertEquals(NOW, event.time());
            assertEquals("alice", event.subject().orElseThrow());
            assertEquals("sid-1", event.sessionId().orElseThrow());
            assertEquals("10.0.0.1", event.clientAddress().orElseThrow());
        }
    }

    @Test
    void publishWhenCalledThenTheCountingListenerSeesTheEventBeforePublishReturns() {
        try (AuthEvents events = events(10)) {
            events.publish(AuthEvent.loginFailed("bob", "10.0.0.2", AuthEventReason.BAD_CREDENTIALS));
            assertEquals(1, counted.size(), "counters move on the request thread, never dropped");
            assertEquals(NOW, counted.get(0).time());
        }
    }

    @Test
    void publishWhenAListenerThrowsThenPublishReturnsAndTheNextListenerAndEventStillArrive() throws Exception {
        CountDownLatch second = new CountDownLatch(2);
        try (AuthEvents events = events(10, e -> {
            throw new IllegalStateException("listener bug");
        }, e -> second.countDown())) {
            events.publish(AuthEvent.refresh("alice", "sid-1", "10.0.0.1"));
            events.publish(AuthEvent.refresh("alice", "sid-1", "10.0.0.1"));
            assertTrue(second.await(5, TimeUnit.SECONDS), "the failing listener stopped nobody");
        }
    }

    @Test
    void publishWhenAListenerIsStuckThenPublishDoesNotWaitAndEventsBeyondTheQueueAreDroppedAndCounted()
            throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        try (AuthEvents events = events(2, e -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        })) {
            events.publish(AuthEvent.logout("alice", "sid-1", "10.0.0.1"));
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            long start = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                events.publish(AuthEvent.logout("alice", "sid-1", "10.0.0.1"));
            }
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            release.countDown();

            assertTrue(tookMillis < 1000, "publish never waited for the stuck listener: " + tookMillis + " ms");
            assertEquals(3, dropped.get(), "two queued, three dropped");
            assertEquals(6, counted.size(), "every event counted");
        }
    }

    @Test
    void closeWhenAListenerIgnoresInterruptsBrieflyThenTheThreadStillEnds() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        AuthEvents events = events(10, e -> {
            entered.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(5).toMillis());
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        });
        events.publish(AuthEvent.logout("alice", "sid-1", "10.0.0.1"));
        assertTrue(entered.await(5, TimeUnit.SECONDS));

        events.close();

        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().equals("jwtauth-events-test")), "thread ended");
    }

    @Test
    void publishWhenClosedThenEventsAreCountedButNoListenerIsCalled() {
        List<AuthEvent> received = new CopyOnWriteArrayList<>();
        AuthEvents events = events(10, received::add);
        events.close();
        events.publish(AuthEvent.login("alice", "sid-1", "10.0.0.1"));
        assertEquals(1, counted.size());
        assertEquals(List.of(), received);
    }
}
