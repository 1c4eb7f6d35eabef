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
 * The application's own authenticator looks the user up again at every refresh (UserAuthenticator.reload): a
 * disabled account's refresh is refused and its session ends, a removed role is gone from the next access token,
 * and a directory outage answers 503 without burning the refresh token.
 */
class UserRecheckIT {

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends DeployedSpec {
        private DeployedApp app;
        private AuthCalls auth;

        @Override
        protected void deploy() throws Exception {
            app = deploy(DirectoryApp.webApp("recheck", DirectoryServlet.class, "/admin/users"), "/app", Users.none());
            auth = AuthCalls.on(app);
        }

        private void setUser(String name, String roles) {
            HttpResult result = app.http().post(app.uri("/admin/users"), "name=" + name + "&roles=" + roles,
                    "Content-Type", "application/x-www-form-urlencoded");
            assertEquals(204, result.status(), result::toString);
        }

        @Test
        void refreshWhenTheUserWasDisabledThenInvalidGrantAndTheSessionIsGone() {
            Tokens tokens = auth.loggedIn("carol", "carol-pw");
            setUser("carol", "disabled");

            HttpResult refused = auth.refresh(tokens.access(), tokens.refresh());
            setUser("carol", "user");
            HttpResult afterReenabling = auth.refresh(tokens.access(), tokens.refresh());

            assertAll(
                    () -> assertEquals(400, refused.status(), refused::toString),
                    () -> assertEquals("invalid_grant", refused.json().get("error")),
                    () -> assertEquals(400, afterReenabling.status(), "the session was revoked, not merely refused"));
        }

        @Test
        void refreshWhenARoleWasRemovedThenTheNewAccessTokenLacksIt() {
            Tokens tokens = auth.loggedIn("alice", "alice-pw");
            assertEquals(List.of("user", "admin"), tokens.accessClaims().get("roles"));
            setUser("alice", "user");

            HttpResult refreshed = auth.refresh(tokens.access(), tokens.refresh());

            assertAll(
                    () -> assertEquals(200, refreshed.status(), refreshed::toString),
                    () -> assertEquals(List.of("user"), AuthCalls.tokens(refreshed).accessClaims().get("roles")),
                    () -> assertEquals("sales", AuthCalls.tokens(refreshed).accessClaims().get("department")));
        }

        @Test
        void refreshWhenTheDirectoryFailsThen503AndTheRefreshTokenStillWorksAfterwards() {
            Tokens tokens = auth.loggedIn("bob", "bob-pw");
            setUser("bob", "down");

            HttpResult unavailable = auth.refresh(tokens.access(), tokens.refresh());
            setUser("bob", "user");
            HttpResult later = auth.refresh(tokens.access(), tokens.refresh());

            assertAll(
                    () -> assertEquals(503, unavailable.status(), unavailable::toString),
                    () -> assertEquals("temporarily_unavailable", unavailable.json().get("error")),
                    () -> assertEquals(200, later.status(), "nothing was burned: " + later));
        }
    }
}
