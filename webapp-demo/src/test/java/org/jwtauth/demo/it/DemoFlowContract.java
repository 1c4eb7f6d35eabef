package org.jwtauth.demo.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole demo flow over HTTP against the built WAR file: page, login, the API as each user, expiry, refresh,
 * reuse detection and logout. Each container runs it through a subclass, whose name shows in the test report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DemoFlowContract {

    /** Short enough to wait out in a test; long enough for a login and a call on a busy machine. */
    static final String ACCESS_TOKEN_LIFETIME = "PT4S";

    /** The library's RefreshTokenService.CONCURRENT_USE_GRACE (2 s), with a margin. */
    static final long CONCURRENT_USE_GRACE_MILLIS = 2500;

    // The token flow over HTTP with the refresh token in the JSON bodies; the WAR's cookie mode is the browser
    // tests' (JettyTabsIT, JettyBrowserIT) and the library's RefreshTokenCookieIT's.
    private final DemoFixture fixture = new DemoFixture(ACCESS_TOKEN_LIFETIME).with("jwtauth.refreshToken.cookie", "false");
    private DeployedDemo demo;
    private DemoClient client;

    /** Deploys the WAR file with these users (the library settings are already in the system properties). */
    abstract DeployedDemo deploy(DemoFixture fixture) throws Exception;

    @BeforeAll
    void deployWar() throws Exception {
        demo = fixture.withSettings(() -> deploy(fixture));
        client = new DemoClient(demo.base());
    }

    @AfterAll
    void undeploy() throws Exception {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void pageIsServedAtTheRoot() throws Exception {
        DemoClient.Reply page = client.get("", null);
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
        String html = page.raw().body();
        assertTrue(html.contains("id=\"login\"") && html.contains("id=\"log\"") && html.contains("app.js"), html);
        assertEquals(200, client.get("app.js", null).status());
    }

    /** Logs in as {@code username}, checks the token response, and answers {@code GET api/me} (checked: 200). */
    private DemoClient.Reply meAfterLogin(String username) throws Exception {
        DemoClient.Reply login = client.login(username, fixture.password(username));
        assertTokenResponse(login);
        DemoClient.Reply me = client.get("api/me", DemoClient.tokens(login).accessToken());
        assertEquals(200, me.status(), me::toString);
        return me;
    }

    @Test
    void loginAsUserThenMeShowsTheUserRoleOnly() throws Exception {
        DemoClient.Reply me = meAfterLogin(DemoFixture.USER);
        assertAll(
                () -> assertEquals("alice", me.string("name")),
                () -> assertEquals("alice", me.string("remoteUser")),
                () -> assertEquals("Bearer", me.string("authType")),
                () -> assertEquals(Map.of("user", true, "admin", false), me.json().get("roles")));
    }

    @Test
    void loginAsAdminThenMeShowsBothRoles() throws Exception {
        DemoClient.Reply me = meAfterLogin(DemoFixture.ADMIN);
        assertEquals("admin", me.string("name"));
        assertEquals(Map.of("user", true, "admin", true), me.json().get("roles"));
    }

    @Test
    void adminResourceWhenUserThenForbiddenWhenAdminThenOk() throws Exception {
        String userToken = DemoClient.tokens(client.login(DemoFixture.USER, fixture.password(DemoFixture.USER)))
                .accessToken();
        DemoClient.Reply forbidden = client.get("api/admin", userToken);
        assertEquals(403, forbidden.status(), forbidden::toString);
        assertEquals("forbidden", forbidden.string("error"));

        String adminToken = DemoClient.tokens(client.login(DemoFixture.ADMIN, fixture.password(DemoFixture.ADMIN)))
                .accessToken();
        DemoClient.Reply ok = client.get("api/admin", adminToken);
        assertEquals(200, ok.status(), ok::toString);
        assertEquals("admin", ok.string("name"));
    }

    @Test
    void loginWithWrongPasswordThenInvalidGrant() throws Exception {
        DemoClient.Reply reply = client.login(DemoFixture.USER, "not-the-password");
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("invalid_grant", reply.string("error"));
        DemoClient.Reply unknown = client.login("nobody", "whatever");
        assertEquals(400, unknown.status(), unknown::toString);
        assertEquals("invalid_grant", unknown.string("error"));
    }

    @Test
    void apiWithoutTokenThenChallengeWithoutErrorCode() throws Exception {
        DemoClient.Reply reply = client.get("api/me", null);
        assertEquals(401, reply.status(), reply::toString);
        String challenge = reply.header("WWW-Authenticate");
        assertTrue(challenge.startsWith("Bearer realm="), challenge);
        assertFalse(challenge.contains("error="), challenge);
    }

    @Test
    void loginWithGetThenMethodNotAllowed() throws Exception {
        DemoClient.Reply reply = client.get("auth/login", null);
        assertEquals(405, reply.status(), reply::toString);
        assertEquals("POST", reply.header("Allow"));
    }

    @Test
    void expiredTokenThenInvalidTokenThenRefreshWorksAndReplayRevokesTheFamily() throws Exception {
        DemoClient.Tokens first = DemoClient.tokens(client.login(DemoFixture.USER, fixture.password(DemoFixture.USER)));
        waitUntilExpired(first);

        DemoClient.Reply expired = client.get("api/me", first.accessToken());
        assertEquals(401, expired.status(), expired::toString);
        assertTrue(expired.header("WWW-Authenticate").contains("error=\"invalid_token\""),
                expired.header("WWW-Authenticate"));

        DemoClient.Reply refreshed = client.refresh(first.accessToken(), first.refreshToken());
        assertTokenResponse(refreshed);
        DemoClient.Tokens second = DemoClient.tokens(refreshed);
        assertNotEquals(first.refreshToken(), second.refreshToken());
        DemoClient.Reply me = client.get("api/me", second.accessToken());
        assertEquals(200, me.status(), me::toString);
        assertEquals("alice", me.string("name"));

        // Rotation: the old refresh token worked once. Presenting it again is reuse (RFC 9700 section 4.14.2).
        // Right after a rotation the library takes a second use for a lost race (two tabs, a double click) and
        // refuses it without revoking; wait that grace out so that the replay counts as reuse.
        Thread.sleep(CONCURRENT_USE_GRACE_MILLIS);
        DemoClient.Reply replay = client.refresh(second.accessToken(), first.refreshToken());
        assertEquals(400, replay.status(), replay::toString);
        assertEquals("invalid_grant", replay.string("error"));
        // ... and the reuse revoked the whole family: the newest refresh token is dead too.
        DemoClient.Reply newest = client.refresh(second.accessToken(), second.refreshToken());
        assertEquals(400, newest.status(), newest::toString);
        assertEquals("invalid_grant", newest.string("error"));
    }

    @Test
    void logoutThenNoContentAndTheRefreshTokenNoLongerWorks() throws Exception {
        DemoClient.Tokens tokens = DemoClient.tokens(client.login(DemoFixture.ADMIN, fixture.password(DemoFixture.ADMIN)));
        DemoClient.Reply logout = client.logout(tokens.refreshToken());
        assertEquals(204, logout.status(), logout::toString);
        DemoClient.Reply refresh = client.refresh(tokens.accessToken(), tokens.refreshToken());
        assertEquals(400, refresh.status(), refresh::toString);
        assertEquals("invalid_grant", refresh.string("error"));
    }

    private static void assertTokenResponse(DemoClient.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        assertAll(
                () -> assertNotNull(reply.string("accessToken")),
                () -> assertEquals(3, reply.string("accessToken").split("\\.").length),
                () -> assertEquals(43, reply.string("refreshToken").length()),
                () -> assertNotNull(reply.string("accessTokenExpiration")),
                () -> assertNotNull(reply.string("refreshTokenExpiration")),
                () -> assertEquals("Bearer", reply.string("tokenType")),
                () -> assertTrue(((Number) reply.json().get("expiresIn")).longValue() <= 4),
                () -> assertEquals("no-store", reply.header("Cache-Control")));
    }

    /** Sleeps until the access token's expiry (whole seconds in the JWT) has passed, with a margin. */
    private static void waitUntilExpired(DemoClient.Tokens tokens) throws InterruptedException {
        Instant expiry = Instant.parse(tokens.accessTokenExpiration());
        Duration wait = Duration.between(Instant.now(), expiry).plusMillis(1500);
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
    }
}
