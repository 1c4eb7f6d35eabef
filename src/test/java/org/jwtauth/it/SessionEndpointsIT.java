package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.AuthCalls.Tokens;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.ItBuild;

/**
 * The caller's own sessions over HTTP: {@code GET /auth/sessions} lists them, {@code POST /auth/sessions/revoke}
 * signs one out, both with a valid bearer token and for the caller's sessions only.
 */
class SessionEndpointsIT {

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends DeployedSpec {
        private DeployedApp app;
        private AuthCalls auth;

        @Override
        protected void deploy() throws Exception {
            app = deploy(LifecycleApp.webApp(ItBuild.newWorkDir("sessions"), Duration.ofMinutes(5)), "/app",
                    LifecycleApp.USERS);
            auth = AuthCalls.on(app);
        }

        private HttpResult list(Tokens caller) {
            return app.http().get(app.uri("/auth/sessions"), "Authorization", "Bearer " + caller.access());
        }

        private HttpResult revoke(Tokens caller, String body) {
            return app.http().postJson(app.uri("/auth/sessions/revoke"), body,
                    "Authorization", "Bearer " + caller.access());
        }

        @SuppressWarnings("unchecked")
        private static List<Map<String, Object>> sessions(HttpResult result) {
            return (List<Map<String, Object>>) result.json().get("sessions");
        }

        private static String sid(Tokens tokens) {
            return (String) tokens.accessClaims().get("sid");
        }

        @Test
        void sessionsWhenTheUserHasTwoDevicesThenBothListedTheCallersMarkedCurrentAndNotCached() {
            Tokens phone = auth.loggedIn("dave", "dave-secret-1");
            Tokens laptop = auth.loggedIn("dave", "dave-secret-1");

            HttpResult result = list(laptop);

            List<Map<String, Object>> sessions = sessions(result);
            assertAll(
                    () -> assertEquals(200, result.status(), result::toString),
                    () -> assertEquals("no-store", result.header("Cache-Control").orElse("")),
                    () -> assertEquals(List.of(sid(laptop), sid(phone)),
                            sessions.stream().map(s -> s.get("sessionId")).collect(Collectors.toList())),
                    () -> assertEquals(List.of(true, false),
                            sessions.stream().map(s -> s.get("current")).collect(Collectors.toList())),
                    () -> assertTrue(Instant.parse((String) sessions.get(0).get("expiresAt"))
                            .isAfter(Instant.parse((String) sessions.get(0).get("createdAt")))),
                    () -> assertFalse(result.body().contains(laptop.refresh()) || result.body().contains(
                            phone.refresh()) || result.body().contains(laptop.access()), "never a token"));
        }

        @Test
        void sessionsWhenLoggedInAndRefreshedFromTwoClientsThenTheLatestClientsUserAgentAndAddressAreListed() {
            Tokens login = AuthCalls.tokens(app.http().postJson(app.uri("/auth/login"),
                    "{\"username\":\"ivy\",\"password\":\"ivy-secret-1\"}", "User-Agent", "Desktop/1.0"));
            Tokens refreshed = AuthCalls.tokens(app.http().postJson(app.uri("/auth/refresh"),
                    "{\"accessToken\":\"" + login.access() + "\",\"refreshToken\":\"" + login.refresh() + "\"}",
                    "User-Agent", "Phone/2.0 " + "x".repeat(300)));

            Map<String, Object> session = sessions(list(refreshed)).get(0);

            assertAll(
                    () -> assertEquals(("Phone/2.0 " + "x".repeat(300)).substring(0, 256), session.get("userAgent")),
                    () -> assertEquals("127.0.0.1", session.get("address")));
        }

        @Test
        void sessionsWhenNoValidBearerTokenThen401AndWhenPostThen405() {
            HttpResult without = app.http().get(app.uri("/auth/sessions"));
            HttpResult post = app.http().postJson(app.uri("/auth/sessions"), "{}");

            assertAll(
                    () -> assertEquals(401, without.status(), without::toString),
                    () -> assertTrue(without.header("WWW-Authenticate").orElse("").startsWith("Bearer realm=")),
                    () -> assertEquals(405, post.status(), post::toString),
                    () -> assertEquals("GET", post.header("Allow").orElse("")));
        }

        @Test
        void revokeWhenOneOfTheCallersSessionsThen204AndThatDeviceCanNoLongerRefresh() {
            Tokens phone = auth.loggedIn("erin", "erin-secret-1");
            Tokens laptop = auth.loggedIn("erin", "erin-secret-1");

            HttpResult result = revoke(laptop, "{\"sessionId\":\"" + sid(phone) + "\"}");

            assertAll(
                    () -> assertEquals(204, result.status(), result::toString),
                    () -> assertEquals(400, auth.refresh(phone.access(), phone.refresh()).status()),
                    () -> assertEquals(200, auth.refresh(laptop.access(), laptop.refresh()).status()));
        }

        @Test
        void revokeWhenAnotherUsersOrAnUnknownSessionThen204AndNothingChanges() {
            Tokens victim = auth.loggedIn("frank", "frank-secret-1");
            Tokens other = auth.loggedIn("gina", "gina-secret-1");

            HttpResult foreign = revoke(other, "{\"sessionId\":\"" + sid(victim) + "\"}");
            HttpResult unknown = revoke(other, "{\"sessionId\":\"no-such-session\"}");

            assertAll(
                    () -> assertEquals(204, foreign.status(), foreign::toString),
                    () -> assertEquals(204, unknown.status(), unknown::toString),
                    () -> assertEquals(200, auth.refresh(victim.access(), victim.refresh()).status()));
        }

        @Test
        void revokeWhenTheBodyIsMalformedOrTheIdTooLongOrNotAStringThen400InvalidRequest() {
            Tokens caller = auth.loggedIn("hank", "hank-secret-1");

            for (String body : new String[] {"{}", "{\"sessionId\":42}", "not json",
                    "{\"sessionId\":\"" + "x".repeat(65) + "\"}"}) {
                HttpResult result = revoke(caller, body);
                assertEquals(400, result.status(), body + " -> " + result);
                assertEquals("invalid_request", result.json().get("error"), body);
            }
        }
    }
}
