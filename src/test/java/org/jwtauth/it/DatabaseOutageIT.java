package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;
import org.jwtauth.testing.TcpProxy;

/**
 * The database becomes unreachable (a TCP proxy between the web app and PostgreSQL is cut) and comes back.
 * Login, refresh and logout answer 503 with Retry-After within the configured timeouts (PT2S each here), the
 * filter keeps accepting access tokens, nothing needs a restart afterwards, and no token is burned by a failure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageIT extends PostgresSpec {

    /** Generous: the timeouts allow 2 s to connect and 4 s for a statement; a request makes two or three calls. */
    private static final long BOUND_MILLIS = 20_000;

    private TcpProxy proxy;
    private AuthCalls calls;

    @Override
    protected void deployApps() throws Exception {
        proxy = closeAfterAll(TcpProxy.to("127.0.0.1", 5432));
        calls = AuthCalls.on(deploy(webApp(proxy), "/app", USERS));
    }

    private WebAppDirectory webApp(TcpProxy through) {
        return webApp("outage-it-secret-0123456789-0123456789",
                // prepareThreshold=0: COMMIT's text on the wire every time, for TcpProxy.dropRepliesAfter; on a
                // pooled connection the driver otherwise sends a statement it has run five times by name.
                schema().url("127.0.0.1:" + through.port()) + "&amp;prepareThreshold=0", "outage",
                WebXml.contextParam("jwtauth.store.connectTimeout", "PT2S")
                        + WebXml.contextParam("jwtauth.store.queryTimeout", "PT2S")
                        // Needed for "never neither" when a commit's acknowledgement is lost (see the README).
                        + WebXml.contextParam("jwtauth.refresh.retryWindow", "PT30S"));
    }

    @Test
    @Order(1)
    void refreshWhenTheDatabaseHangsThen503InBoundedTimeTheFilterStillWorksAndTheTokenSurvives() {
        outage(TcpProxy::cutHanging, "hanging");
    }

    @Test
    @Order(2)
    void refreshWhenTheDatabaseRefusesConnectionsThen503AtOnceTheFilterStillWorksAndTheTokenSurvives() {
        outage(TcpProxy::cutRefusing, "refusing");
    }

    private void outage(Consumer<TcpProxy> cut, String kind) {
        HttpResult login = calls.login("alice", "alice-pw");
        assertEquals(200, login.status(), login::toString);
        String access = AuthCalls.field(login, "accessToken");
        String refresh = AuthCalls.field(login, "refreshToken");

        cut.accept(proxy);
        long loginMillis = unavailable(() -> calls.login("alice", "alice-pw"));
        long refreshMillis = unavailable(() -> calls.refresh(access, refresh));
        long logoutMillis = unavailable(() -> calls.logout(refresh));
        HttpResult api = calls.api("/api/me", access);
        assertEquals(200, api.status(), "the filter needs no database: " + api);
        assertEquals("alice", api.body());
        System.out.println("MEASURED outage (" + kind + "): 503 after login " + loginMillis + " ms, refresh "
                + refreshMillis + " ms, logout " + logoutMillis + " ms (connectTimeout PT2S, queryTimeout PT2S)");

        proxy.restore();
        HttpResult refreshed = calls.refresh(access, refresh);
        assertEquals(200, refreshed.status(), "the token presented during the outage still works: " + refreshed);
        assertEquals(200, calls.login("alice", "alice-pw").status());
        assertEquals(204, calls.logout(AuthCalls.field(refreshed, "refreshToken")).status());
    }

    private static long unavailable(java.util.function.Supplier<HttpResult> request) {
        long start = System.nanoTime();
        HttpResult result = request.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, result.status(), result::toString);
        assertEquals("temporarily_unavailable", result.json().get("error"));
        assertTrue(result.header("Retry-After").isPresent(), result::toString);
        assertTrue(millis < BOUND_MILLIS, "503 only after " + millis + " ms");
        return millis;
    }

    @Test
    @Order(3)
    void refreshWhenTheConnectionIsCutDuringRotationsThenTheOldOrTheNewTokenWorksNeverNeither() throws Exception {
        HttpResult login = calls.login("alice", "alice-pw");
        String access = AuthCalls.field(login, "accessToken");
        String refresh = AuthCalls.field(login, "refreshToken");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int failed = 0;
        long typicalNanos = 20_000_000;
        for (int attempt = 0; attempt < 16; attempt++) {
            boolean hang = attempt % 4 == 3;
            // Somewhere inside the request: uniformly over the time the last undisturbed refresh took.
            long delay = random.nextLong(Math.max(1, typicalNanos));
            Thread cutter = new Thread(() -> {
                LockSupport.parkNanos(delay);
                if (hang) {
                    proxy.cutHanging();
                } else {
                    proxy.cutRefusing();
                }
            });
            cutter.start();
            HttpResult result = calls.refresh(access, refresh);
            cutter.join();
            proxy.restore();
            if (result.status() == 200) {
                access = AuthCalls.field(result, "accessToken");
                refresh = AuthCalls.field(result, "refreshToken");
            } else {
                assertEquals(503, result.status(), result::toString);
                failed++;
            }
            // The client holds the new token after a 200, the old one after a 503: either way it must work.
            long start = System.nanoTime();
            HttpResult check = calls.refresh(access, refresh);
            typicalNanos = System.nanoTime() - start;
            assertEquals(200, check.status(), "attempt " + attempt + " (seed " + seed + "): " + check);
            access = AuthCalls.field(check, "accessToken");
            refresh = AuthCalls.field(check, "refreshToken");
        }
        System.out.println("MEASURED rotations cut mid-way: " + failed + " of 16 answered 503 (seed " + seed + ")");
    }

    @Test
    @Order(4)
    void refreshWhenTheCommitsReplyWasLostThenTheOldTokenWithinTheRetryWindowGetsTheCommittedSuccessor() {
        HttpResult login = calls.login("alice", "alice-pw");
        String access = AuthCalls.field(login, "accessToken");
        String refresh = AuthCalls.field(login, "refreshToken");
        proxy.dropRepliesAfter("COMMIT");
        unavailable(() -> calls.refresh(access, refresh));

        HttpResult retried = calls.refresh(access, refresh);
        assertEquals(200, retried.status(), "the client's retry with the token it still holds: " + retried);
        HttpResult next = calls.refresh(AuthCalls.field(retried, "accessToken"), AuthCalls.field(retried, "refreshToken"));
        assertEquals(200, next.status(), "and the session goes on: " + next);
    }

    @Test
    @Order(5)
    void startWhenTheDatabaseIsDownThenTheWebAppStartsAnywayAnd503UntilTheDatabaseIsBack() throws Exception {
        try (TcpProxy down = TcpProxy.to("127.0.0.1", 5432)) {
            down.cutRefusing();
            try (DeployedApp late = DeployedApp.deploy(kind(), webApp(down), "/late", USERS)) {
                AuthCalls lateCalls = new AuthCalls(late.baseUri());
                unavailable(() -> lateCalls.login("alice", "alice-pw"));
                down.restore();
                long start = System.nanoTime();
                HttpResult result = lateCalls.login("alice", "alice-pw");
                for (int i = 0; i < 40 && result.status() == 503; i++) {
                    sleep(500);
                    result = lateCalls.login("alice", "alice-pw");
                }
                assertEquals(200, result.status(), result::toString);
                System.out.println("MEASURED start with database down: login works "
                        + (System.nanoTime() - start) / 1_000_000 + " ms after the database came back");
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
