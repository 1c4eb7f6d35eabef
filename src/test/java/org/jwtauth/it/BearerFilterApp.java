package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jwtauth.config.SigningAlgorithm;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.ContainerKind;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.Users;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;
import org.jwtauth.keys.HmacSigningKeys;
import org.jwtauth.testing.TokenForge;

/**
 * The web app of the bearer-filter deployment tests, with requests that carry an id so that a test can ask
 * {@link ReachedServlet} whether the application saw them, and the exact RFC 6750 answers.
 *
 * <p>The fragment's filter {@code jwtauth} (on {@code /api/*}) is redeclared by name in web.xml to add
 * {@code exclude=/api/public} (Servlet spec 8.2.3: init-params merge, web.xml wins); two more instances of the
 * filter class guard {@code /admin-api/*} ({@code roles}) and {@code /optional/*} ({@code optional}). Outside the
 * filters, {@code /pages/*} forwards and includes into {@code /api/*} and shows its caller.
 */
final class BearerFilterApp implements AutoCloseable {

    static final String SECRET = "bearer-filter-it-secret-0123456789-abcdefghij";
    static final String ISSUER = "https://auth.example.test/it";
    static final String AUDIENCE = "it-orders-api";
    static final String REALM = "orders";
    /** Access-token lifetime, seconds; the clock skew is the default 30 s. */
    static final long LIFETIME = 300;

    static final String CHALLENGE = "Bearer realm=\"" + REALM + "\"";
    static final String MALFORMED_DESCRIPTION =
            "The request must carry exactly one Authorization header with a Bearer token, and no token in the URL";
    static final String INSUFFICIENT_SCOPE_DESCRIPTION =
            "The access token does not grant a role this resource requires";
    static final String INVALID = "The access token is invalid";

    static final Users USERS = Users.none()
            .with("alice", "alice-secret", "user", "admin")
            .with("bob", "bob-secret", "user");

    /** The base of a specification that runs against this web app, deployed once in one container. */
    abstract static class Deployed extends DeployedSpec {
        protected BearerFilterApp app;

        @Override
        protected void deploy() throws Exception {
            app = closeAfterAll(BearerFilterApp.deploy(kind()));
        }
    }

    private final DeployedApp app;

    private BearerFilterApp(DeployedApp app) {
        this.app = app;
    }

    static BearerFilterApp deploy(ContainerKind kind) throws Exception {
        WebAppDirectory webApp = WebAppDirectory.builder()
                .webXml(WebXml.of(WebXml.contextParam("jwtauth.secret", SECRET)
                        + WebXml.contextParam("jwtauth.issuer", ISSUER)
                        + WebXml.contextParam("jwtauth.audience", AUDIENCE)
                        + WebXml.contextParam("jwtauth.realm", REALM)
                        + WebXml.contextParam("jwtauth.accessToken.lifetime", "PT" + LIFETIME + "S")
                        + WebXml.contextParam("jwtauth.login.roles", "user,admin")
                        // Same name as the fragment's filter: class and mapping come from the fragment.
                        + WebXml.filterParams("jwtauth", "exclude", "/api/public")
                        + WebXml.filter("jwtauth-admin", "org.jwtauth.web.BearerTokenFilter", "/admin-api/*",
                                "roles", "admin, superuser")
                        + WebXml.filter("jwtauth-optional", "org.jwtauth.web.BearerTokenFilter", "/optional/*",
                                "optional", "true")
                        + WebXml.servlet("whoami", WhoAmIServlet.class, "/api/*", "/admin-api/*", "/optional/*",
                                "/pages/whoami")
                        + WebXml.servlet("raw", RawServiceServlet.class, "/api/raw")
                        + WebXml.servlet("dispatching", DispatchingServlet.class, "/pages/forward", "/pages/include")
                        + WebXml.servlet("reached", ReachedServlet.class, "/public/reached")
                        + WebXml.asyncServlet("async", AsyncWhoAmIServlet.class, "/api/async")
                        + WebXml.basicLogin("it-users", "user", "admin")))
                .classes(WhoAmIServlet.class, RawServiceServlet.class, DispatchingServlet.class, ReachedServlet.class,
                        AsyncWhoAmIServlet.class)
                .build();
        return new BearerFilterApp(DeployedApp.deploy(kind, webApp, "/orders", USERS));
    }

    DeployedApp app() {
        return app;
    }

    AuthCalls auth() {
        return AuthCalls.on(app);
    }

    /**
     * A valid access token for alice as the deployment signs it (HS256, its secret and kid, typ at+jwt), with a
     * department claim, to change and sign.
     */
    static TokenForge token() {
        long now = Instant.now().getEpochSecond();
        String kid = new HmacSigningKeys(SigningAlgorithm.HS256, SECRET.getBytes(StandardCharsets.UTF_8))
                .signingKeyId();
        return TokenForge.hs256(SECRET.getBytes(StandardCharsets.UTF_8)).header("kid", kid)
                .accessToken(ISSUER, AUDIENCE, "alice", now, LIFETIME).claim("department", "sales");
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    /** GET with the request id {@code id} and the given header name/value pairs. */
    HttpResult get(String path, String id, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = ReachedServlet.HEADER;
        all[1] = id;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return app.http().get(app.uri(path), all);
    }

    /** GET sent raw with the request id {@code id} and these exact header lines. */
    HttpResult raw(String path, String id, String... headerLines) {
        String[] all = new String[headerLines.length + 1];
        all[0] = ReachedServlet.HEADER + ": " + id;
        System.arraycopy(headerLines, 0, all, 1, headerLines.length);
        return app.raw().send("GET", app.uri(path).getRawPath(), null, all);
    }

    /** A GET with a new request id that must be answered 200 by the application; the answer. */
    HttpResult getReached(String path, String... headers) {
        String id = newId();
        HttpResult result = get(path, id, headers);
        assertEquals(200, result.status(), result::toString);
        assertReached(id);
        return result;
    }

    /** A GET of {@code path} with a valid token, which must reach the application as alice; the answer. */
    HttpResult getReachedAsAlice(String path) {
        HttpResult result = getReached(path, bearer(token().sign()));
        assertPrincipal(result, "alice");
        return result;
    }

    /** A GET with a new request id that must not reach the application; the answer. */
    HttpResult getRefused(String path, String... headers) {
        String id = newId();
        HttpResult result = get(path, id, headers);
        assertNotReached(id);
        return result;
    }

    void assertNotReached(String id) {
        assertEquals("false", app.http().get(app.uri("/public/reached?id=" + id)).body(),
                () -> "the application was reached by request " + id);
    }

    void assertReached(String id) {
        assertEquals("true", app.http().get(app.uri("/public/reached?id=" + id)).body(),
                () -> "the application was not reached by request " + id);
    }

    /** The application saw {@code name} as the principal (null: no principal). */
    static void assertPrincipal(HttpResult whoAmI, String name) {
        assertEquals(name, whoAmI.json().get("principal"), whoAmI::toString);
    }

    /**
     * What the application's {@code isUserInRole} answered for "user", "admin", "nobody" (a role no caller has)
     * and "**" (any authenticated caller).
     */
    static void assertInRole(HttpResult whoAmI, boolean user, boolean admin, boolean anyRole) {
        assertEquals(Map.of("user", user, "admin", admin, "nobody", false, "**", anyRole), whoAmI.json().get("inRole"),
                whoAmI::toString);
    }

    static void assertChallengeWithoutError(HttpResult result) {
        assertEquals(401, result.status(), result::toString);
        assertEquals(List.of(CHALLENGE), result.headers("WWW-Authenticate"), result::toString);
        assertEquals("", result.body(), result::toString);
        assertEquals(List.of("no-store"), result.headers("Cache-Control"), result::toString);
    }

    static void assertInvalidRequest(HttpResult result) {
        assertEquals(400, result.status(), result::toString);
        assertEquals(List.of(CHALLENGE + ", error=\"invalid_request\", error_description=\""
                + MALFORMED_DESCRIPTION + "\""), result.headers("WWW-Authenticate"), result::toString);
        assertErrorBody(result, "invalid_request", MALFORMED_DESCRIPTION);
    }

    static void assertInvalidToken(HttpResult result) {
        assertEquals(401, result.status(), result::toString);
        assertEquals(List.of(CHALLENGE + ", error=\"invalid_token\", error_description=\"" + INVALID + "\""),
                result.headers("WWW-Authenticate"), result::toString);
        assertErrorBody(result, "invalid_token", INVALID);
    }

    static void assertErrorBody(HttpResult result, String error, String description) {
        assertTrue(result.header("Content-Type").orElse("").startsWith("application/json"), result::toString);
        assertEquals(Map.of("error", error, "error_description", description), result.json(), result::toString);
        assertEquals(List.of("no-store"), result.headers("Cache-Control"), result::toString);
    }

    @Override
    public void close() throws Exception {
        app.close();
    }
}
