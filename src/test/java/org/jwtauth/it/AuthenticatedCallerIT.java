package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.jwtauth.it.BearerFilterApp.assertChallengeWithoutError;
import static org.jwtauth.it.BearerFilterApp.assertInRole;
import static org.jwtauth.it.BearerFilterApp.assertPrincipal;
import static org.jwtauth.it.BearerFilterApp.bearer;
import static org.jwtauth.it.BearerFilterApp.newId;
import static org.jwtauth.it.BearerFilterApp.token;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.token.JwtPrincipal;

/**
 * What a protected resource of a deployed web app sees of a bearer-token caller, in both containers (design
 * sections 3 and 4): the Servlet API's principal, remote user, auth type and roles, also in asynchronous
 * processing and after an asynchronous dispatch, and a CORS preflight that passes to the application untouched.
 */
class AuthenticatedCallerIT {

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends BearerFilterApp.Deployed {

        @Test
        void requestWhenTokenIsValidThenTheAppSeesTheCallerThroughTheServletApi() {
            HttpResult result = app.getReachedAsAlice("/api/whoami");

            Map<String, Object> json = result.json();
            assertEquals(JwtPrincipal.class.getName(), json.get("principalClass"), result::toString);
            assertEquals("alice", json.get("remoteUser"), result::toString);
            assertEquals("Bearer", json.get("authType"), result::toString);
            assertInRole(result, true, false, true);
            assertEquals("sales", json.get("department"), result::toString);
            assertEquals("family-1", json.get("sid"), result::toString);
        }

        @Test
        void requestWhenTokenIsFromTheLoginEndpointThenTheAppSeesTheRealmRoles() {
            String access = app.auth().loggedIn("alice", "alice-secret").access();
            HttpResult result = app.getReached("/admin-api/whoami", bearer(access));

            assertPrincipal(result, "alice");
            assertInRole(result, true, true, true);
        }

        @Test
        void asyncWhenTheFilterIsRedeclaredInWebXmlThenTheResourceStillSeesTheCaller() {
            // The web.xml redeclaration of the fragment's filter must keep the fragment's async-supported.
            app.getReachedAsAlice("/api/async?mode=complete");
        }

        @Test
        void asyncWhenTheAsyncContextsRequestIsAskedThenItShowsTheCaller() {
            HttpResult result = app.get("/api/async?mode=complete", newId(), bearer(token().sign()));

            assertEquals(200, result.status(), result::toString);
            assertEquals("alice", result.json().get("asyncContextPrincipal"), result::toString);
        }

        @Test
        void asyncWhenDispatchedThenTheTargetSeesTheCaller() {
            HttpResult result = app.get("/api/async?mode=dispatch", newId(), bearer(token().sign()));

            assertEquals(200, result.status(), result::toString);
            assertPrincipal(result, "alice");
            assertEquals("Bearer", result.json().get("authType"), result::toString);
        }

        @Test
        void asyncWhenNoTokenThenChallengedAndNotReached() {
            HttpResult result = app.getRefused("/api/async?mode=complete");

            assertChallengeWithoutError(result);
        }

        @Test
        void optionsWhenCorsPreflightWithoutTokenThenPassesToTheApp() {
            String id = newId();
            HttpResult result = app.app().http().options(app.app().uri("/api/whoami"), ReachedServlet.HEADER, id,
                    "Origin", "https://spa.example.test", "Access-Control-Request-Method", "GET");

            assertEquals(200, result.status(), result::toString);
            assertEquals(List.of(), result.headers("WWW-Authenticate"), result::toString);
            app.assertReached(id);
        }
    }
}
