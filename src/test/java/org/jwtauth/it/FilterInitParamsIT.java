package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.it.BearerFilterApp.CHALLENGE;
import static org.jwtauth.it.BearerFilterApp.INSUFFICIENT_SCOPE_DESCRIPTION;
import static org.jwtauth.it.BearerFilterApp.assertChallengeWithoutError;
import static org.jwtauth.it.BearerFilterApp.assertInRole;
import static org.jwtauth.it.BearerFilterApp.assertPrincipal;
import static org.jwtauth.it.BearerFilterApp.assertErrorBody;
import static org.jwtauth.it.BearerFilterApp.assertInvalidRequest;
import static org.jwtauth.it.BearerFilterApp.assertInvalidToken;
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
 * The bearer filter's init-params in a deployed web app, in both containers (design section 4): {@code roles} on
 * {@code /admin-api/*}, {@code exclude=/api/public} added to the fragment's filter by a web.xml redeclaration,
 * and {@code optional} on {@code /optional/*}; a rejected request never reaches the application.
 */
class FilterInitParamsIT {

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends BearerFilterApp.Deployed {

        // ---- roles

        @Test
        void rolesWhenTokenLacksTheRequiredRoleThenForbiddenWithInsufficientScope() {
            HttpResult result = app.getRefused("/admin-api/whoami",
                    bearer(token().claim("roles", List.of("user")).sign()));

            assertEquals(403, result.status(), result::toString);
            assertEquals(List.of(CHALLENGE + ", error=\"insufficient_scope\", error_description=\""
                    + INSUFFICIENT_SCOPE_DESCRIPTION + "\""), result.headers("WWW-Authenticate"), result::toString);
            assertErrorBody(result, "insufficient_scope", INSUFFICIENT_SCOPE_DESCRIPTION);
        }

        @Test
        void rolesWhenTokenHasNoRolesClaimThenForbiddenWithInsufficientScope() {
            HttpResult result = app.getRefused("/admin-api/whoami", bearer(token().withoutClaim("roles").sign()));

            assertEquals(403, result.status(), result::toString);
            assertErrorBody(result, "insufficient_scope", INSUFFICIENT_SCOPE_DESCRIPTION);
        }

        @Test
        void rolesWhenTokenHasOneOfTheRequiredRolesThenTheAppIsReached() {
            app.getReached("/admin-api/whoami", bearer(token().claim("roles", List.of("superuser")).sign()));
        }

        @Test
        void rolesWhenTokenIsBadThenInvalidTokenNotInsufficientScope() {
            HttpResult result = app.getRefused("/admin-api/whoami",
                    bearer(token().claim("iss", "other").sign()));

            assertInvalidToken(result);
        }

        // ---- exclude

        @Test
        void excludeWhenPathIsExcludedThenItPassesWithoutToken() {
            String id = newId();
            HttpResult result = app.get("/api/public/catalogue", id);

            assertEquals(200, result.status(), result::toString);
            assertPrincipal(result, null);
            app.assertReached(id);

            String exact = newId();
            assertEquals(200, app.get("/api/public", exact).status());
            app.assertReached(exact);
        }

        @Test
        void excludeWhenPathOnlySharesAPrefixWithAnExcludedPathThenItIsProtected() {
            HttpResult result = app.getRefused("/api/publicity");

            assertChallengeWithoutError(result);
        }

        @Test
        void excludeWhenPathLeavesTheExcludedPrefixAfterNormalisationThenItIsProtected() {
            // The filter decides on the path the container maps (servlet path + path info), so no spelling of a
            // protected path can pass as excluded; each container either refuses the URI or it is challenged.
            for (String path : List.of("/api/public/../whoami", "/api/public/%2e%2e/whoami",
                    "/api/public/%2E%2E/whoami", "/api/public/..;/whoami", "/api/public;x=1/../whoami",
                    "/api/public/.%2e/whoami", "/api/public/./../whoami", "/api/public%2f..%2fwhoami")) {
                String id = newId();
                HttpResult result = app.app().raw().send("GET", app.app().baseUri().getRawPath() + path.substring(1),
                        null, ReachedServlet.HEADER + ": " + id);

                assertTrue(List.of(400, 401, 404).contains(result.status()), () -> path + " -> " + result);
                if (result.status() == 401) {
                    assertEquals(List.of(CHALLENGE), result.headers("WWW-Authenticate"), () -> path + " -> " + result);
                }
                app.assertNotReached(id);
            }
        }

        // ---- optional

        @Test
        void optionalWhenNoTokenThenItPassesUnauthenticated() {
            HttpResult result = app.getReached("/optional/whoami");

            Map<String, Object> json = result.json();
            assertPrincipal(result, null);
            assertEquals(null, json.get("remoteUser"), result::toString);
            assertEquals(null, json.get("authType"), result::toString);
            assertInRole(result, false, false, false);
        }

        @Test
        void optionalWhenTokenIsValidThenTheCallerIsAuthenticated() {
            app.getReachedAsAlice("/optional/whoami");
        }

        @Test
        void optionalWhenAnotherSchemeThenItPassesAsWithoutToken() {
            HttpResult result = app.getReached("/optional/whoami", "Authorization", "DPoP " + token().sign());

            assertPrincipal(result, null);

            // Basic credentials are the container's business: the filter lets them pass. (Jetty, seeing the
            // web app's BASIC login-config, authenticates them lazily even without a security constraint;
            // Tomcat does not.) Either way the caller is not a bearer-token caller.
            HttpResult basic = app.getReached("/optional/whoami", "Authorization", "Basic YWxpY2U6YWxpY2Utc2VjcmV0");

            assertTrue(!"Bearer".equals(basic.json().get("authType")), basic::toString);
            assertTrue(!JwtPrincipal.class.getName().equals(basic.json().get("principalClass")), basic::toString);
        }

        @Test
        void optionalWhenTokenIsBadThenInvalidToken() {
            HttpResult result = app.getRefused("/optional/whoami",
                    bearer(token().claim("aud", "another-api").sign()));

            assertInvalidToken(result);
        }

        @Test
        void optionalWhenRequestIsMalformedThenInvalidRequest() {
            String id = newId();
            HttpResult result = app.raw("/optional/whoami", id, "Authorization: Bearer");

            assertInvalidRequest(result);
            app.assertNotReached(id);
        }
    }
}
