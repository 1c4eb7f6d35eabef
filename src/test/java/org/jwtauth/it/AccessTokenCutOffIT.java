package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.it.TokenLifecycleIT.AFTER_CONCURRENT_USE_GRACE;

import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.AuthCalls.Tokens;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.ItBuild;

/**
 * Revoking a session also refuses the access tokens already issued for it (design section 10), on the node that
 * revoked at once, cached tokens included: each test first has its tokens accepted, so that they are in the
 * filter's cache when the revocation comes. The access tokens live five minutes, far longer than any test.
 * Several nodes: {@code TwoNodesIT}.
 */
class AccessTokenCutOffIT {

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends DeployedSpec {
        private DeployedApp app;
        private AuthCalls auth;

        @Override
        protected void deploy() throws Exception {
            app = deploy(LifecycleApp.webApp(ItBuild.newWorkDir("cut-off"), Duration.ofMinutes(5)), "/app",
                    LifecycleApp.USERS);
            auth = AuthCalls.on(app);
        }

        /** {@code tokens} are accepted now, so the filter has them cached. */
        private Tokens accepted(Tokens tokens) {
            HttpResult me = auth.api("/api/me", tokens.access());
            assertEquals(200, me.status(), me::toString);
            return tokens;
        }

        private void assertCutOff(Tokens tokens) {
            HttpResult me = auth.api("/api/me", tokens.access());
            assertAll(
                    () -> assertEquals(401, me.status(), me::toString),
                    () -> assertTrue(me.header("WWW-Authenticate").orElse("").endsWith(
                            "error=\"invalid_token\", error_description=\"The access token was revoked\""),
                            me::toString));
        }

        @Test
        void logoutOfAllDevicesThenEveryAccessTokenOfTheUserIsRefusedAtOnceAndANewLoginWorksAtOnce() {
            Tokens phone = accepted(auth.loggedIn("alice", "alice-secret-1"));
            Tokens laptop = accepted(auth.loggedIn("alice", "alice-secret-1"));
            Tokens laptopRefreshed = accepted(auth.refreshed(laptop));
            Tokens otherUser = accepted(auth.loggedIn("bob", "bob-secret-1"));

            HttpResult logout = auth.logoutAllDevices(laptopRefreshed.access());
            assertEquals(204, logout.status(), logout::toString);

            assertCutOff(phone);
            assertCutOff(laptop);
            assertCutOff(laptopRefreshed);
            Tokens again = auth.loggedIn("alice", "alice-secret-1");
            assertAll(
                    () -> assertEquals(200, auth.api("/api/me", again.access()).status(), "a new login at once"),
                    () -> assertEquals(200, auth.api("/api/me", otherUser.access()).status(), "another user"));
        }

        @Test
        void logoutOfOneDeviceThenItsAccessTokenIsRefusedAndTheOtherDevicesStillWork() {
            Tokens phone = accepted(auth.loggedIn("dave", "dave-secret-1"));
            Tokens laptop = accepted(auth.loggedIn("dave", "dave-secret-1"));

            HttpResult logout = auth.logout(phone.refresh());
            assertEquals(204, logout.status(), logout::toString);

            assertCutOff(phone);
            assertEquals(200, auth.api("/api/me", laptop.access()).status());
        }

        @Test
        void revokeSessionThenThatDevicesAccessTokenIsRefusedAndTheCallersStillWorks() {
            Tokens phone = accepted(auth.loggedIn("erin", "erin-secret-1"));
            Tokens laptop = accepted(auth.loggedIn("erin", "erin-secret-1"));

            HttpResult revoke = app.http().postJson(app.uri("/auth/sessions/revoke"),
                    "{\"sessionId\":\"" + phone.accessClaims().get("sid") + "\"}",
                    "Authorization", "Bearer " + laptop.access());
            assertEquals(204, revoke.status(), revoke::toString);

            assertCutOff(phone);
            assertEquals(200, auth.api("/api/me", laptop.access()).status());
        }

        @Test
        void reuseDetectedThenTheFamilysCurrentAccessTokenIsRefused() throws Exception {
            Tokens first = accepted(auth.loggedIn("frank", "frank-secret-1"));
            Tokens current = accepted(auth.refreshed(first));
            Thread.sleep(AFTER_CONCURRENT_USE_GRACE.toMillis());

            HttpResult replay = auth.refresh(first.access(), first.refresh());
            assertEquals(400, replay.status(), replay::toString);

            assertCutOff(current);
        }
    }
}
