package org.jwtauth.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.AuthCalls.Tokens;
import org.jwtauth.it.support.ContainerKind;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.Users;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;
import org.jwtauth.testing.JoseText;
import org.jwtauth.testing.TokenForge;

/**
 * One deployment for the hostile-input tests: the library from WEB-INF/lib, a counting application servlet on
 * {@code /api/*} behind the filter, two realm users, and helpers that send requests, assert the exact answers of
 * the HTTP contract and remember every token, password and secret that went over the wire.
 */
final class HostileApp implements AutoCloseable {

    static final String SECRET = "hostile-suite-secret-7Qk2vX9pLm4Rt8Zw-0123456789";
    static final String ISSUER = "https://issuer.hostile.test";
    static final String AUDIENCE = "api://hostile-orders";
    static final String REALM = "hostile";
    static final String ALICE_PASSWORD = "alice-pw-Zq81Lr3TfY";
    static final String BOB_PASSWORD = "bob-pw-Hd72Wc5NsK";
    static final String DORA_PASSWORD = "dora-pw-Pb64Xm9GvJ";

    /** Many hostile logins come from 127.0.0.1: keeps the lock-outs out of tests that are not about them. */
    static final String GENEROUS_THROTTLE = WebXml.contextParam("jwtauth.login.throttle.addressAttempts", "100000")
            + WebXml.contextParam("jwtauth.login.throttle.attempts", "1000");

    static final String MALFORMED_TOKEN = "The access token is malformed";
    static final String INVALID_TOKEN = "The access token is invalid";
    static final String EXPIRED_TOKEN = "The access token expired";
    static final String MALFORMED_HEADER =
            "The request must carry exactly one Authorization header with a Bearer token, and no token in the URL";
    static final String BAD_GRANT = "The refresh token or access token is invalid, expired or revoked";
    static final String BAD_CREDENTIALS = "The username or password is incorrect";
    static final String BAD_BODY = "The body is not a valid JSON object of the expected fields";
    static final String WRONG_MEDIA_TYPE = "The body must be application/json or application/x-www-form-urlencoded";
    static final String NOT_POST = "Only POST is allowed";

    private final DeployedApp app;
    private final String kid;
    private final AuthCalls auth;
    /** Everything secret that the tests sent or received, for the log scan. */
    private final List<String> secrets = Collections.synchronizedList(new ArrayList<>());

    private HostileApp(DeployedApp app, String kid) {
        this.app = app;
        this.kid = kid;
        this.auth = AuthCalls.on(app);
        secrets.addAll(List.of(SECRET, ALICE_PASSWORD, BOB_PASSWORD, DORA_PASSWORD));
    }

    /** The usual web.xml of these tests plus {@code extraWebXml}; {@code customise} may add files and JARs. */
    static HostileApp deploy(ContainerKind kind, String extraWebXml,
                             java.util.function.Consumer<WebAppDirectory.Builder> customise) throws Exception {
        WebAppDirectory.Builder builder = WebAppDirectory.builder()
                .webXml(WebXml.of(WebXml.contextParam("jwtauth.secret", SECRET)
                        + WebXml.contextParam("jwtauth.issuer", ISSUER)
                        + WebXml.contextParam("jwtauth.audience", AUDIENCE)
                        + WebXml.contextParam("jwtauth.realm", REALM)
                        + WebXml.contextParam("jwtauth.login.roles", "user,admin")
                        + extraWebXml
                        + WebXml.servlet("orders", CountingAppServlet.class, "/api/*", "/count")
                        + WebXml.basicLogin("hostile", "user", "admin")))
                .classes(CountingAppServlet.class, DisablingAuthenticator.class);
        customise.accept(builder);
        Users users = Users.none().with("alice", ALICE_PASSWORD, "user").with("bob", BOB_PASSWORD, "user")
                .with("dora", DORA_PASSWORD, "user");
        DeployedApp app = DeployedApp.deploy(kind, builder.build(), "/app", users);
        try {
            HttpResult login = AuthCalls.on(app).login("alice", ALICE_PASSWORD);
            assertEquals(200, login.status(), login::toString);
            String access = (String) login.json().get("accessToken");
            Map<String, Object> header = org.jose4j.json.JsonUtil.parseJson(JoseText.decode(access.split("\\.")[0]));
            HostileApp hostile = new HostileApp(app, (String) header.get("kid"));
            hostile.remember(access, (String) login.json().get("refreshToken"));
            return hostile;
        } catch (Exception | Error e) {
            app.close();
            throw e;
        }
    }

    DeployedApp app() {
        return app;
    }

    /** The key id the deployment computes from its secret (read from a token it issued). */
    String kid() {
        return kid;
    }

    /**
     * A correct access token for alice, issued now, as this deployment would sign it: only what a test then
     * changes can make it unacceptable.
     */
    TokenForge forge() {
        return TokenForge.hs256(SECRET.getBytes(StandardCharsets.UTF_8)).header("kid", kid)
                .accessToken(ISSUER, AUDIENCE, "alice", System.currentTimeMillis() / 1000, 600)
                .claim("sid", "forged-family");
    }

    /** Every token, password and secret used so far. */
    List<String> secrets() {
        synchronized (secrets) {
            return List.copyOf(secrets);
        }
    }

    void remember(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                secrets.add(value);
            }
        }
    }

    URI api() {
        return app.uri("/api/orders");
    }

    static String json(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return org.jose4j.json.JsonUtil.toJson(map);
    }

    /** The library's endpoints on this deployment; prefer {@link #login} and {@link #refresh}, which remember. */
    AuthCalls auth() {
        return auth;
    }

    Tokens login(String username, String password) {
        remember(password);
        Tokens tokens = auth.loggedIn(username, password);
        remember(tokens.access(), tokens.refresh());
        return tokens;
    }

    HttpResult bearer(String token) {
        remember(token);
        return app.http().get(api(), "Authorization", "Bearer " + token);
    }

    HttpResult refresh(String accessToken, String refreshToken) {
        remember(accessToken, refreshToken);
        return auth.refresh(accessToken, refreshToken);
    }

    /** How many requests reached the application servlet behind the filter so far. */
    int reached() {
        HttpResult result = app.http().get(app.uri("/count"));
        assertEquals(200, result.status(), result::toString);
        return Integer.parseInt(result.body().trim());
    }

    /** Sends {@code request}, asserts it never reached the application and was no server error. */
    HttpResult refused(Supplier<HttpResult> request) {
        int before = reached();
        HttpResult result = request.get();
        assertEquals(before, reached(), () -> "the application servlet was reached: " + result);
        assertNotEquals(500, result.status(), result::toString);
        return result;
    }

    // --- the answers of the HTTP contract (design section 3) ------------------------------------------------

    /** RFC 6750 section 3.1: no credentials, so a bare challenge without an error code and no body. */
    static void assertChallengeOnly(HttpResult result) {
        assertEquals(401, result.status(), result::toString);
        assertEquals(List.of("Bearer realm=\"" + REALM + "\""), result.headers("WWW-Authenticate"), result::toString);
        assertEquals("", result.body(), result::toString);
        assertNoStore(result);
    }

    /** 401 with the invalid_token challenge and the same error as JSON. */
    static void assertInvalidToken(HttpResult result, String description) {
        assertChallenge(result, 401, "invalid_token", description);
    }

    /** 400 invalid_request from the filter (or a protected endpoint): malformed Authorization or a URL token. */
    static void assertMalformedRequest(HttpResult result) {
        assertChallenge(result, 400, "invalid_request", MALFORMED_HEADER);
    }

    static void assertChallenge(HttpResult result, int status, String error, String description) {
        assertEquals(status, result.status(), result::toString);
        assertEquals(List.of("Bearer realm=\"" + REALM + "\", error=\"" + error + "\", error_description=\""
                + description + "\""), result.headers("WWW-Authenticate"), result::toString);
        assertTrue(result.header("Content-Type").orElse("").startsWith("application/json"), result::toString);
        assertEquals(Map.of("error", error, "error_description", description), result.json(), result::toString);
        assertNoStore(result);
    }

    /** A token endpoint's JSON error (RFC 6749 section 5.2): no challenge header. */
    static void assertEndpointError(HttpResult result, int status, String error, String description) {
        assertEquals(status, result.status(), result::toString);
        assertEquals(List.of(), result.headers("WWW-Authenticate"), result::toString);
        assertEquals(Map.of("error", error, "error_description", description), result.json(), result::toString);
        assertTrue(result.header("Content-Type").orElse("").startsWith("application/json"), result::toString);
        assertNoStore(result);
    }

    static void assertNoStore(HttpResult result) {
        assertEquals(List.of("no-store"), result.headers("Cache-Control"), result::toString);
    }

    @Override
    public void close() throws Exception {
        app.close();
    }
}
