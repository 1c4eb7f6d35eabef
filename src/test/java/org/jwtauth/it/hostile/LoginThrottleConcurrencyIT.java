package org.jwtauth.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.it.hostile.HostileApp.ALICE_PASSWORD;
import static org.jwtauth.it.hostile.HostileApp.BAD_CREDENTIALS;
import static org.jwtauth.it.hostile.HostileApp.assertEndpointError;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.WebXml;

/**
 * The login throttle against parallel guesses and directory outages, over HTTP: an authenticator held at a
 * {@link LoginGate} shows how many password checks really start. One after another, {@code attempts=5} allows
 * six checks before the lock-out; fifty at once must get no more, the rest 429 without a check. An authenticator
 * that throws (directory down) answers 503 with {@code Retry-After} and counts no failed login.
 */
class LoginThrottleConcurrencyIT {

    private static final int FREE_ATTEMPTS = 5;
    private static final int PARALLEL = 50;

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends DeployedSpec {
        private HostileApp app;

        @Override
        protected void deploy() throws Exception {
            app = closeAfterAll(HostileApp.deploy(kind(), WebXml.contextParam("jwtauth.login.throttle.attempts",
                    String.valueOf(FREE_ATTEMPTS))
                    + WebXml.contextParam("jwtauth.login.throttle.addressAttempts", "100000")
                    + WebXml.contextParam("jwtauth.login.throttle.delay", "PT1M")
                    + WebXml.contextParam("jwtauth.login.authenticator", GatedAuthenticator.class.getName())
                    + WebXml.servlet("gate", LoginGate.class, "/gate/*"),
                    b -> b.classes(GatedAuthenticator.class, LoginGate.class)));
        }

        private int gate(String action) {
            HttpResult result = action.isEmpty() ? app.app().http().get(app.app().uri("/gate"))
                    : app.app().http().post(app.app().uri("/gate/" + action), "");
            assertEquals(200, result.status(), result::toString);
            return Integer.parseInt(result.body().trim());
        }

        @Test
        void loginWhenFiftyWrongPasswordsArriveAtOnceThenNoMoreAreCheckedThanOneAfterAnotherAndTheRestAre429()
                throws Exception {
            int before = gate("close");
            ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
            AtomicInteger answered = new AtomicInteger();
            List<Future<HttpResult>> results = new ArrayList<>();
            try {
                for (int i = 0; i < PARALLEL; i++) {
                    String password = "wrong-" + i;
                    results.add(pool.submit(() -> {
                        HttpResult r = app.auth().login("carol", password);
                        answered.incrementAndGet();
                        return r;
                    }));
                }
                // Every request either waits at the gate (its password is being checked) or has its answer.
                while (gate("") - before + answered.get() < PARALLEL) {
                    Thread.sleep(20);
                }
                int checked = gate("") - before;
                gate("open");
                int tooMany = 0;
                for (Future<HttpResult> f : results) {
                    HttpResult r = f.get();
                    if (r.status() == 429) {
                        tooMany++;
                        assertTrue(r.header("Retry-After").isPresent(), r::toString);
                    } else {
                        assertEndpointError(r, 400, "invalid_grant", BAD_CREDENTIALS);
                    }
                }
                assertEquals(FREE_ATTEMPTS + 1, checked, "password checks started at once");
                assertEquals(PARALLEL - FREE_ATTEMPTS - 1, tooMany);
            } finally {
                gate("open");
                pool.shutdownNow();
            }
        }

        @Test
        void loginWhenTheDirectoryIsDownThen503WithRetryAfterAndNoFailedLoginIsCounted() {
            for (int i = 0; i < 3 * FREE_ATTEMPTS; i++) {
                HttpResult down = app.auth().login("alice", GatedAuthenticator.DIRECTORY_DOWN);
                assertEndpointError(down, 503, "temporarily_unavailable",
                        "The user directory is temporarily unavailable");
                assertEquals(List.of("5"), down.headers("Retry-After"), down::toString);
            }
            for (int i = 0; i < FREE_ATTEMPTS; i++) {
                assertEndpointError(app.auth().login("alice", "wrong-" + i), 400, "invalid_grant", BAD_CREDENTIALS);
            }
            HttpResult ok = app.auth().login("alice", ALICE_PASSWORD);
            assertEquals(200, ok.status(), ok::toString);
            app.remember((String) ok.json().get("refreshToken"));
        }

        /** The throttle counts "Alice" with "alice"; the case-sensitive realm still decides who logs in. */
        @Test
        void loginWhenTheUsernameDiffersInCaseFromARealmUserThenTheRealmDecidesAndSubIsItsPrincipal() {
            assertEndpointError(app.auth().login("Bob", HostileApp.BOB_PASSWORD), 400, "invalid_grant",
                    BAD_CREDENTIALS);
            HttpResult ok = app.auth().login("bob", HostileApp.BOB_PASSWORD);
            assertEquals(200, ok.status(), ok::toString);
            assertEquals("bob", org.jwtauth.it.support.AuthCalls.tokens(ok).accessClaims().get("sub"));
        }
    }
}
