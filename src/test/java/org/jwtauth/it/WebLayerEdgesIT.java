package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.it.BearerFilterApp.assertChallengeWithoutError;
import static org.jwtauth.it.BearerFilterApp.assertInRole;
import static org.jwtauth.it.BearerFilterApp.assertPrincipal;
import static org.jwtauth.it.BearerFilterApp.bearer;
import static org.jwtauth.it.BearerFilterApp.newId;
import static org.jwtauth.it.BearerFilterApp.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.HttpResult;

/**
 * The edges of the web layer in an application set up as the README documents it, with the BASIC
 * login-config that {@code request.login} needs: the container's own Basic authentication never answers for
 * the application's code (no second login, no password oracle), only a real CORS preflight passes the filter
 * unauthenticated, and a forward or include into {@code /api/*} is authenticated like a request.
 */
class WebLayerEdgesIT {

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends BearerFilterApp.Deployed {

        private static String[] basic(String user, String password) {
            return new String[] {"Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))};
        }

        private HttpResult get(String path, String... headers) {
            return app.app().http().get(app.app().uri(path), headers);
        }

        /** An OPTIONS request to /api/raw, marked with {@code id} so that {@link #assertReached} can tell. */
        private HttpResult optionsRaw(String id, String... headers) {
            String[] all = new String[headers.length + 2];
            all[0] = ReachedServlet.HEADER;
            all[1] = id;
            System.arraycopy(headers, 0, all, 2, headers.length);
            return app.app().http().options(app.app().uri("/api/raw"), all);
        }

        private void assertReached(String id, boolean reached) {
            assertEquals(String.valueOf(reached), get("/public/reached?id=" + id).body(),
                    () -> "request " + id + (reached ? " did not reach" : " reached") + " the application");
        }

        private static void assertNoCaller(HttpResult whoAmI) {
            assertEquals(200, whoAmI.status(), whoAmI::toString);
            assertPrincipal(whoAmI, null);
            assertEquals(null, whoAmI.json().get("remoteUser"), whoAmI::toString);
            assertInRole(whoAmI, false, false, false);
        }

        @Test
        void remoteUserWhenRightBasicCredentialsOutsideApiThenNull() {
            assertNoCaller(get("/pages/whoami", basic("alice", "alice-secret")));
        }

        @Test
        void remoteUserWhenRightBasicCredentialsFollowAHundredWrongOnesThenNullAndEveryAnswerTheSame() {
            HttpResult anonymous = get("/pages/whoami");
            for (int i = 0; i < 100; i++) {
                HttpResult wrong = get("/pages/whoami", basic("alice", "wrong-" + i));
                assertEquals(anonymous.status(), wrong.status(), wrong::toString);
                assertEquals(anonymous.body(), wrong.body(), wrong::toString);
            }
            HttpResult right = get("/pages/whoami", basic("alice", "alice-secret"));

            assertNoCaller(right);
            assertEquals(anonymous.body(), right.body(), right::toString);
        }

        @Test
        void remoteUserWhenRightBasicCredentialsOnAnExcludedPathThenNull() {
            assertNoCaller(get("/api/public/whoami", basic("alice", "alice-secret")));
        }

        @Test
        void loginWhenTheBasicLoginConfigIsInWebXmlThenRequestLoginStillAuthenticatesAgainstTheRealm() {
            String access = app.auth().loggedIn("alice", "alice-secret").access();
            HttpResult result = get("/api/whoami", bearer(access));

            assertPrincipal(result, "alice");
            assertEquals(true, ((Map<?, ?>) result.json().get("inRole")).get("admin"), result::toString);
        }

        @Test
        void optionsWhenNotAPreflightAndNoTokenThenChallengedAndTheServiceMethodDoesNotRun() {
            String id = newId();
            HttpResult result = optionsRaw(id);

            assertChallengeWithoutError(result);
            assertReached(id, false);
        }

        @Test
        void optionsWhenAnOriginButNoRequestedMethodThenChallenged() {
            String id = newId();
            HttpResult result = optionsRaw(id, "Origin", "https://spa.example.test");

            assertChallengeWithoutError(result);
            assertReached(id, false);
        }

        @Test
        void optionsWhenCorsPreflightThenReachesTheApplicationUnauthenticated() {
            String id = newId();
            HttpResult result = optionsRaw(id, "Origin", "https://spa.example.test",
                    "Access-Control-Request-Method", "DELETE");

            assertEquals(200, result.status(), result::toString);
            assertEquals("OPTIONS by null", result.body(), result::toString);
            assertReached(id, true);
        }

        @Test
        void optionsWhenValidTokenThenTheServiceMethodSeesTheCaller() {
            HttpResult result = app.app().http().options(app.app().uri("/api/raw"), bearer(token().sign()));

            assertEquals(200, result.status(), result::toString);
            assertEquals("OPTIONS by alice", result.body(), result::toString);
        }

        @Test
        void forwardWhenNoTokenThenChallengedAndTheTargetDoesNotRun() {
            String id = newId();
            HttpResult result = get("/pages/forward", ReachedServlet.HEADER, id);

            assertChallengeWithoutError(result);
            assertReached(id, false);
        }

        @Test
        void forwardWhenValidTokenThenTheTargetSeesTheCaller() {
            assertPrincipal(get("/pages/forward", bearer(token().sign())), "alice");
        }

        @Test
        void includeWhenNoTokenThenTheIncludingPageGetsNothingOfIt() {
            String id = newId();
            HttpResult result = get("/pages/include", ReachedServlet.HEADER, id);

            assertEquals(200, result.status(), result::toString);
            assertEquals(DispatchingServlet.BEFORE + DispatchingServlet.AFTER, result.body(), result::toString);
            assertReached(id, false);
        }

        @Test
        void includeWhenBadTokenThenTheIncludingPageGetsNothingOfIt() {
            String id = newId();
            HttpResult result = get("/pages/include", ReachedServlet.HEADER, id,
                    "Authorization", "Bearer " + token().claim("iss", "someone-else").sign());

            assertEquals(DispatchingServlet.BEFORE + DispatchingServlet.AFTER, result.body(), result::toString);
            assertReached(id, false);
        }

        @Test
        void includeWhenValidTokenThenTheIncludedResourceSeesTheCaller() {
            HttpResult result = get("/pages/include", bearer(token().sign()));

            assertTrue(result.body().startsWith(DispatchingServlet.BEFORE)
                    && result.body().endsWith(DispatchingServlet.AFTER)
                    && result.body().contains("\"remoteUser\":\"alice\""), result::toString);
        }
    }
}
