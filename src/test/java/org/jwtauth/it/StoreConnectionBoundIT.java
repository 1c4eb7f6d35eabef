package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.WebXml;

/**
 * Logout needs no credentials, so anyone can make the store work. With {@code jwtauth.store.url} the store opens
 * at most {@code jwtauth.store.maxConnections} connections at once, however many requests arrive: PostgreSQL's
 * own backends, counted in {@code pg_stat_activity} by this web app's {@code ApplicationName}, never exceed it,
 * and a request that finds no free place within the wait gets 503 with {@code Retry-After}, never anything else.
 */
class StoreConnectionBoundIT extends PostgresSpec {

    private static final int MAX_CONNECTIONS = 5;
    private static final int REQUESTS = 300;

    private final String applicationName = "jwtauth-bound-" + UUID.randomUUID().toString().substring(0, 8);
    private AuthCalls calls;

    @Override
    protected void deployApps() throws Exception {
        calls = AuthCalls.on(deploy(webApp("bound-it-secret-0123456789-0123456789",
                schema().url() + "&amp;ApplicationName=" + applicationName, "bound", // &amp;: inside web.xml
                WebXml.contextParam("jwtauth.store.maxConnections", Integer.toString(MAX_CONNECTIONS))),
                "/app", USERS));
    }

    @Test
    void logoutWhenThreeHundredArriveAtOnceThenNeverMoreConnectionsThanTheLimitAndEach204Or503() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger most = new AtomicInteger();
        Thread monitor = new Thread(() -> countBackends(running, most), "test-pg-backend-monitor");
        monitor.start();

        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<HttpResult> results = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String wellFormed = randomRefreshToken();
            Thread client = new Thread(() -> {
                awaitQuietly(start);
                results.add(calls.logout(wellFormed));
            });
            client.start();
            clients.add(client);
        }
        start.countDown();
        for (Thread client : clients) {
            client.join();
        }
        running.set(false);
        monitor.join();

        Map<Integer, Integer> statuses = new TreeMap<>();
        for (HttpResult result : results) {
            statuses.merge(result.status(), 1, Integer::sum);
            assertTrue(result.status() == 204 || result.status() == 503, result::toString);
            if (result.status() == 503) {
                assertEquals("temporarily_unavailable", result.json().get("error"));
                assertTrue(result.header("Retry-After").isPresent(), result::toString);
            }
        }
        System.out.println("MEASURED " + REQUESTS + " concurrent logouts: statuses " + statuses
                + ", at most " + most.get() + " PostgreSQL backends (limit " + MAX_CONNECTIONS + ")");
        assertEquals(REQUESTS, results.size());
        assertTrue(most.get() > 0, "the monitor saw the store's connections at all");
        assertTrue(most.get() <= MAX_CONNECTIONS, "at most " + MAX_CONNECTIONS + " backends, saw " + most.get());
    }

    @Test
    void undeployWhenThePoolHeldConnectionsThenPostgreSqlSeesNoneOfThemLeft() throws Exception {
        String gone = "jwtauth-undeploy-" + UUID.randomUUID().toString().substring(0, 8);
        try (DeployedApp app = DeployedApp.deploy(kind(), webApp("bound-it-secret-0123456789-0123456789",
                schema().url() + "&amp;ApplicationName=" + gone, "gone", ""), "/gone", USERS)) {
            AuthCalls goneCalls = new AuthCalls(app.baseUri());
            assertEquals(200, goneCalls.login("alice", "alice-pw").status());
            assertTrue(backends(gone) > 0, "the pool keeps the login's connection open while deployed");

            app.container().undeploy();
            // A backend leaves pg_stat_activity shortly after its client closed the connection.
            int left = backends(gone);
            for (int i = 0; i < 50 && left > 0; i++) {
                Thread.sleep(100);
                left = backends(gone);
            }
            assertEquals(0, left, "PostgreSQL backends of the undeployed web app");
        }
    }

    private int backends(String application) throws Exception {
        try (Connection c = schema().connect(); PreparedStatement count = c.prepareStatement(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ?")) {
            count.setString(1, application);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Polls PostgreSQL for this web app's backends until told to stop, keeping the largest count. */
    private void countBackends(AtomicBoolean running, AtomicInteger most) {
        try (Connection c = schema().connect(); PreparedStatement count = c.prepareStatement(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ?")) {
            count.setString(1, applicationName);
            while (running.get()) {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    most.accumulateAndGet(rs.getInt(1), Math::max);
                }
            }
        } catch (Exception e) {
            throw new AssertionError("cannot count the backends", e);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The shape of a real refresh token (32 random bytes, base64url): it passes every check before the store. */
    private static String randomRefreshToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
