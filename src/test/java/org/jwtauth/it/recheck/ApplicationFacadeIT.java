package org.jwtauth.it.recheck;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.AuthCalls.Tokens;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.Users;

/**
 * The application's own code reaches the library through {@code JwtAuth.from(servletContext)}: it lists a
 * user's sessions and revokes one or all of them (password change, account disabled).
 */
class ApplicationFacadeIT {

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends DeployedSpec {
        private DeployedApp app;
        private AuthCalls auth;

        @Override
        protected void deploy() throws Exception {
            app = deploy(DirectoryApp.webApp("facade", SessionsServlet.class, "/api/sessions"), "/app", Users.none());
            auth = AuthCalls.on(app);
        }

        private List<String> sessionsOf(Tokens caller) {
            HttpResult result = auth.api("/api/sessions", caller.access());
            assertEquals(200, result.status(), result::toString);
            return result.body().isEmpty() ? List.of() : List.of(result.body().split("\n"));
        }

        private void post(Tokens caller, String query) {
            HttpResult result = app.http().post(app.uri("/api/sessions?" + query), "",
                    "Authorization", "Bearer " + caller.access());
            assertEquals(204, result.status(), result::toString);
        }

        private static String sid(Tokens tokens) {
            return (String) tokens.accessClaims().get("sid");
        }

        @Test
        void sessionsWhenTheUserLoggedInOnTwoDevicesThenBothMostRecentlyUsedFirst() {
            Tokens phone = auth.loggedIn("alice", "alice-pw");
            Tokens laptop = auth.loggedIn("alice", "alice-pw");
            Tokens phoneLater = auth.refreshed(phone);

            assertEquals(List.of(sid(phone), sid(laptop)), sessionsOf(phoneLater));
        }

        @Test
        void revokeSessionWhenOneOfTheUsersThenItsRefreshFailsAndTheOtherStillWorks() {
            Tokens phone = auth.loggedIn("bob", "bob-pw");
            Tokens laptop = auth.loggedIn("bob", "bob-pw");

            post(laptop, "revoke=" + sid(phone));

            assertAll(
                    () -> assertEquals(400, auth.refresh(phone.access(), phone.refresh()).status()),
                    () -> assertEquals(200, auth.refresh(laptop.access(), laptop.refresh()).status()),
                    () -> assertEquals(List.of(sid(laptop)), sessionsOf(laptop)));
        }

        @Test
        void revokeSessionWhenTheIdIsAnotherUsersOrUnknownThenNothingChanges() {
            Tokens carol = auth.loggedIn("carol", "carol-pw");
            Tokens bob = auth.loggedIn("bob", "bob-pw");

            post(bob, "revoke=" + sid(carol));
            post(bob, "revoke=no-such-session");

            assertEquals(200, auth.refresh(carol.access(), carol.refresh()).status());
        }

        @Test
        void revokeAllSessionsThenNoDeviceRefreshesOrCallsTheApplicationAnyMore() {
            Tokens phone = auth.loggedIn("alice", "alice-pw");
            Tokens laptop = auth.loggedIn("alice", "alice-pw");

            post(laptop, "all");

            assertAll(
                    () -> assertEquals(400, auth.refresh(phone.access(), phone.refresh()).status()),
                    () -> assertEquals(400, auth.refresh(laptop.access(), laptop.refresh()).status()),
                    () -> assertEquals(401, auth.api("/api/sessions", phone.access()).status(), "cut off"),
                    () -> assertEquals(401, auth.api("/api/sessions", laptop.access()).status(), "cut off"));
        }
    }
}
