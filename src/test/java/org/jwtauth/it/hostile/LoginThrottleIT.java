package org.jwtauth.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.it.hostile.HostileApp.ALICE_PASSWORD;
import static org.jwtauth.it.hostile.HostileApp.BAD_CREDENTIALS;
import static org.jwtauth.it.hostile.HostileApp.BOB_PASSWORD;
import static org.jwtauth.it.hostile.HostileApp.DORA_PASSWORD;
import static org.jwtauth.it.hostile.HostileApp.assertEndpointError;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.WebXml;

/**
 * Login throttling over HTTP (OWASP ASVS V2.2.1, RFC 6585 section 4): after the free failed attempts a username
 * or a client address is locked out for a growing time and answered 429 {@code slow_down} with
 * {@code Retry-After}, even with the right password; once the lock-out has passed the right password works and
 * clears the username's count. Short delays (2 s, at most 4 s) keep the test quick.
 */
class LoginThrottleIT {

    private static final int FREE_ATTEMPTS = 3;
    private static final String TOO_MANY = "Too many failed logins; try again later";

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends DeployedSpec {
        /** Counts per username only (the address limit is out of reach). */
        private HostileApp byUsername;
        /** Counts per address only (the username limit is out of reach). */
        private HostileApp byAddress;

        @Override
        protected void deploy() throws Exception {
            String delays = WebXml.contextParam("jwtauth.login.throttle.delay", "PT2S")
                    + WebXml.contextParam("jwtauth.login.throttle.maxDelay", "PT4S");
            byUsername = closeAfterAll(HostileApp.deploy(kind(), delays
                    + WebXml.contextParam("jwtauth.login.throttle.attempts", String.valueOf(FREE_ATTEMPTS))
                    + WebXml.contextParam("jwtauth.login.throttle.addressAttempts", "100000"), b -> { }));
            byAddress = closeAfterAll(HostileApp.deploy(kind(), delays
                    + WebXml.contextParam("jwtauth.login.throttle.attempts", "1000")
                    + WebXml.contextParam("jwtauth.login.throttle.addressAttempts", String.valueOf(FREE_ATTEMPTS)),
                    b -> { }));
        }

        private static HttpResult login(HostileApp app, String username, String password) {
            return app.auth().login(username, password);
        }

        private static void assertWrongPassword(HttpResult result) {
            assertEndpointError(result, 400, "invalid_grant", BAD_CREDENTIALS);
        }

        /** 429 slow_down with a Retry-After of at most the 2 s lock-out; returns the seconds to wait. */
        private static long assertTooManyAttempts(HttpResult result) {
            assertEndpointError(result, 429, "slow_down", TOO_MANY);
            long seconds = Long.parseLong(result.header("Retry-After").orElseThrow(
                    () -> new AssertionError("no Retry-After: " + result)));
            assertTrue(seconds >= 1 && seconds <= 2, result::toString);
            return seconds;
        }

        private static void sleepSeconds(long seconds) throws InterruptedException {
            Thread.sleep(seconds * 1000 + 200);
        }

        @Test
        void usernameWhenFreeAttemptsAreUsedUpThenLockedEvenWithTheRightPasswordUntilRetryAfterAndASuccessResets()
                throws Exception {
            for (int i = 0; i < FREE_ATTEMPTS; i++) {
                assertWrongPassword(login(byUsername, "alice", "wrong-" + i));
            }
            // The first failure beyond the free ones is still checked and answered as wrong; it starts the lock-out.
            assertWrongPassword(login(byUsername, "alice", "wrong-last"));

            long wait = assertTooManyAttempts(login(byUsername, "alice", ALICE_PASSWORD));
            assertTooManyAttempts(login(byUsername, "alice", "wrong-while-locked"));
            // Only that username is locked, not the address it came from.
            assertEquals(200, login(byUsername, "bob", BOB_PASSWORD).status());

            sleepSeconds(wait);
            HttpResult success = login(byUsername, "alice", ALICE_PASSWORD);
            assertEquals(200, success.status(), success::toString);
            byUsername.remember((String) success.json().get("accessToken"), (String) success.json().get("refreshToken"));

            // Reset: all free attempts are free again (without it, the next failure would lock at once).
            for (int i = 0; i < FREE_ATTEMPTS; i++) {
                assertWrongPassword(login(byUsername, "alice", "again-wrong-" + i));
            }
            assertEquals(200, login(byUsername, "alice", ALICE_PASSWORD).status());
        }

        @Test
        void usernameWhenFailuresDifferOnlyInCaseThenTheyCountTogether() {
            for (int i = 0; i <= FREE_ATTEMPTS; i++) {
                assertWrongPassword(login(byUsername, i % 2 == 0 ? "DORA" : "Dora", "wrong-" + i));
            }
            assertTooManyAttempts(login(byUsername, "dora", DORA_PASSWORD));
        }

        @Test
        void addressWhenFreeAttemptsAreUsedUpOnManyUsernamesThenEveryUsernameIsLockedUntilRetryAfter()
                throws Exception {
            for (int i = 0; i <= FREE_ATTEMPTS; i++) {
                assertWrongPassword(login(byAddress, "guess-" + i, "wrong-" + i));
            }

            long wait = assertTooManyAttempts(login(byAddress, "bob", BOB_PASSWORD));

            sleepSeconds(wait);
            assertEquals(200, login(byAddress, "bob", BOB_PASSWORD).status());
        }
    }
}
