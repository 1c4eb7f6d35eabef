package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import org.jwtauth.it.support.ContainerKind;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.ItBuild;
import org.jwtauth.it.support.LiveThreads;
import org.jwtauth.it.support.Users;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;

/**
 * The token lifecycle over real HTTP, in a web app set up as a deployer would: the container realm checks
 * passwords, web.xml lists the candidate roles and short lifetimes, and the refresh tokens live in an H2 file
 * database of the test's own. Login, use, expiry, refresh (rotation, reuse detection, binding to the access
 * token), logout, a restart of the web app on the same database, and a clean undeploy.
 */
class TokenLifecycleIT {

    private static final String SECRET = "lifecycle-secret-0123456789-0123456789-abcdef";
    private static final String CANDIDATE_ROLES = "user, admin, support";
    /**
     * Short, so that expiry is waited out in seconds; exp has whole seconds, so a token lives at least two
     * seconds, which leaves room for the request that uses it right after it was issued.
     */
    private static final Duration ACCESS_LIFETIME = Duration.ofSeconds(3);
    /** Longer than the library's concurrent-use grace (2 s), after which a rotated token presented again is reuse. */
    private static final Duration AFTER_CONCURRENT_USE_GRACE = Duration.ofMillis(2600);

    private static final Pattern REFRESH_TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final Users USERS = Users.none()
            .with("alice", "alice-secret-1", "user", "admin", "auditor")
            .with("bob", "bob-secret-1", "user")
            .with("carol", "carol-secret-1", "auditor")
            .with("dave", "dave-secret-1", "user")
            .with("erin", "erin-secret-1", "user")
            .with("frank", "frank-secret-1", "user")
            .with("gina", "gina-secret-1", "user")
            .with("hank", "hank-secret-1", "user")
            .with("ivy", "ivy-secret-1", "user");

    @Nested
    class Jetty extends Spec {
        Jetty() {
            super(ContainerKind.JETTY);
        }
    }

    @Nested
    class Tomcat extends Spec {
        Tomcat() {
            super(ContainerKind.TOMCAT);
        }
    }

    /** The body of a successful login or refresh. */
    record Tokens(String access, String refresh, Instant accessExpiration, Map<String, Object> json) {
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class Spec {
        private final ContainerKind kind;
        private DeployedApp app;
        private Path storeDir;

        Spec(ContainerKind kind) {
            this.kind = kind;
        }

        @BeforeAll
        void deploy() throws Exception {
            storeDir = ItBuild.newWorkDir("store");
            app = DeployedApp.deploy(kind, webApp(storeDir, ACCESS_LIFETIME.toString(), "PT0S"), "/app", USERS);
        }

        @AfterAll
        void stop() throws Exception {
            if (app != null) {
                app.close();
            }
        }

        /**
         * The deployer's web.xml: the library's settings as context-params, the application's own servlet, and
         * a login-config so that the container realm answers {@code request.login}.
         */
        private static WebAppDirectory webApp(Path storeDir, String accessLifetime, String clockSkew) {
            return WebAppDirectory.builder()
                    .webXml(WebXml.of(WebXml.contextParam("jwtauth.secret", SECRET)
                            + WebXml.contextParam("jwtauth.accessToken.lifetime", accessLifetime)
                            + WebXml.contextParam("jwtauth.clockSkew", clockSkew)
                            + WebXml.contextParam("jwtauth.login.roles", CANDIDATE_ROLES)
                            + WebXml.contextParam("jwtauth.store.url",
                                    "jdbc:h2:file:" + storeDir.resolve("tokens").toAbsolutePath())
                            // The cleanup thread runs every second, so undeploy has a busy thread to stop.
                            + WebXml.contextParam("jwtauth.cleanup.interval", "PT1S")
                            + WebXml.servlet("me", MeServlet.class, "/api/me")
                            + WebXml.basicLogin("lifecycle", "user", "admin", "support")))
                    .classes(MeServlet.class)
                    .build();
        }

        // ---- login ------------------------------------------------------------------------------------------

        @Test
        void loginWithJsonBodyReturnsTokenResponse() {
            Instant before = Instant.now();
            HttpResult result = app.http().postJson(app.uri("/auth/login"),
                    "{\"username\":\"alice\",\"password\":\"alice-secret-1\"}");
            Instant after = Instant.now();

            assertTokenResponse(result, before, after, ACCESS_LIFETIME);
        }

        @Test
        void loginWithFormBodyReturnsTokenResponse() {
            Instant before = Instant.now();
            HttpResult result = app.http().post(app.uri("/auth/login"),
                    "username=" + form("bob") + "&password=" + form("bob-secret-1"),
                    "Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
            Instant after = Instant.now();

            assertTokenResponse(result, before, after, ACCESS_LIFETIME);
        }

        @Test
        void accessTokenCarriesExactlyTheUsersCandidateRoles() {
            Map<String, Object> alice = claims(login("alice", "alice-secret-1").access());
            Map<String, Object> bob = claims(login("bob", "bob-secret-1").access());
            Map<String, Object> carol = claims(login("carol", "carol-secret-1").access());

            assertAll(
                    () -> assertEquals("alice", alice.get("sub")),
                    // "auditor" is a realm role of alice, but no candidate role: it is not in the token.
                    () -> assertEquals(List.of("admin", "user"), sorted(alice.get("roles")), alice::toString),
                    () -> assertEquals(List.of("user"), sorted(bob.get("roles")), bob::toString),
                    () -> assertEquals(List.of(), sorted(carol.get("roles")), carol::toString));
        }

        @Test
        void protectedServletSeesThePrincipalAndRolesOfTheAccessToken() {
            Tokens alice = login("alice", "alice-secret-1");

            HttpResult me = me(alice.access());

            assertEquals(200, me.status(), me::toString);
            Map<String, Object> body = me.json();
            assertEquals("alice", body.get("name"), me::toString);
            assertEquals("alice", body.get("remoteUser"), me::toString);
            assertEquals(List.of("user", "admin"), body.get("roles"), me::toString);
        }

        @Test
        void protectedServletWithoutTokenAnswers401WithABareChallenge() {
            HttpResult me = app.http().get(app.uri("/api/me"));

            assertEquals(401, me.status(), me::toString);
            String challenge = me.header("WWW-Authenticate").orElse("");
            assertTrue(challenge.startsWith("Bearer realm="), me::toString);
            assertTrue(!challenge.contains("error="), me::toString);
        }

        @Test
        void wrongPasswordAndUnknownUserGetTheSameInvalidGrant() {
            HttpResult wrongPassword = app.http().postJson(app.uri("/auth/login"),
                    "{\"username\":\"alice\",\"password\":\"not-her-password\"}");
            HttpResult unknownUser = app.http().postJson(app.uri("/auth/login"),
                    "{\"username\":\"mallory\",\"password\":\"alice-secret-1\"}");

            assertError(wrongPassword, 400, "invalid_grant");
            assertError(unknownUser, 400, "invalid_grant");
            assertEquals(wrongPassword.body(), unknownUser.body());
            assertEquals(wrongPassword.header("Content-Type"), unknownUser.header("Content-Type"));
        }

        @Test
        void malformedBodiesAreInvalidRequestsNotServerErrors() {
            String login = "/auth/login";
            assertAll(
                    () -> assertError(postJson(login, "{\"username\":\"alice\",\"password\":"), 400,
                            "invalid_request"),
                    () -> assertError(postJson(login, "not json at all"), 400, "invalid_request"),
                    () -> assertError(postJson(login, "[\"alice\",\"alice-secret-1\"]"), 400, "invalid_request"),
                    () -> assertError(postJson(login, ""), 400, "invalid_request"),
                    () -> assertError(postJson(login, "{\"username\":\"alice\"}"), 400, "invalid_request"),
                    () -> assertError(postJson(login, "{\"password\":\"alice-secret-1\"}"), 400,
                            "invalid_request"),
                    () -> assertError(postJson(login, "{\"username\":\"\",\"password\":\"x\"}"), 400,
                            "invalid_request"),
                    () -> assertError(postJson(login, "{\"username\":42,\"password\":\"alice-secret-1\"}"), 400,
                            "invalid_request"),
                    () -> assertError(app.http().post(app.uri(login), "username=alice",
                            "Content-Type", "application/x-www-form-urlencoded"), 400, "invalid_request"),
                    () -> assertError(postJson("/auth/refresh", "{\"accessToken\":\"x\""), 400,
                            "invalid_request"),
                    () -> assertError(postJson("/auth/refresh", "{\"accessToken\":\"a.b.c\"}"), 400,
                            "invalid_request"),
                    () -> assertError(postJson("/auth/refresh", "{\"refreshToken\":\"" + randomToken() + "\"}"),
                            400, "invalid_request"),
                    () -> assertError(app.http().postJson(app.uri("/auth/refresh"),
                            "{\"accessToken\":\"a.b.c\",\"refreshToken\":\"" + randomToken() + "\"}",
                            "Authorization", "Bearer a.b.c"), 400, "invalid_request"),
                    () -> assertError(postJson("/auth/logout", "{\"refreshToken\":"), 400, "invalid_request"),
                    () -> assertError(postJson("/auth/logout", "{}"), 400, "invalid_request"));
        }

        @Test
        void otherContentTypesAre415() {
            List<Executable> checks = new ArrayList<>();
            for (String endpoint : List.of("/auth/login", "/auth/refresh", "/auth/logout")) {
                checks.add(() -> assertError(app.http().post(app.uri(endpoint),
                        "{\"username\":\"alice\",\"password\":\"alice-secret-1\"}", "Content-Type", "text/plain"),
                        415, "invalid_request"));
                checks.add(() -> assertError(app.http().post(app.uri(endpoint), "username=alice&password=x"),
                        415, "invalid_request"));
            }
            assertAll(checks);
        }

        @Test
        void getIsNotAllowedOnTheTokenEndpoints() {
            List<Executable> checks = new ArrayList<>();
            for (String endpoint : List.of("/auth/login", "/auth/refresh", "/auth/logout")) {
                checks.add(() -> {
                    HttpResult result = app.http().get(app.uri(endpoint + "?username=alice&password=alice-secret-1"));
                    assertEquals(405, result.status(), () -> endpoint + ": " + result);
                    assertEquals(List.of("POST"), result.headers("Allow"), () -> endpoint + ": " + result);
                    assertNotServerError(result);
                });
            }
            assertAll(checks);
        }

        // ---- expiry and refresh -----------------------------------------------------------------------------

        @Test
        void expiredAccessTokenIsRefusedAndARefreshGivesANewWorkingPair() throws Exception {
            Tokens dave = login("dave", "dave-secret-1");
            assertEquals(200, me(dave.access()).status());
            // A second device, refreshed below with the access token in the Authorization header.
            Tokens dave2 = login("dave", "dave-secret-1");

            waitUntilExpired(dave.accessExpiration());
            waitUntilExpired(dave2.accessExpiration());

            HttpResult expired = me(dave.access());
            assertEquals(401, expired.status(), expired::toString);
            assertTrue(expired.header("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""),
                    expired::toString);

            Instant before = Instant.now();
            HttpResult refreshed = refresh(dave.access(), dave.refresh());
            Tokens next = assertTokenResponse(refreshed, before, Instant.now(), ACCESS_LIFETIME);
            assertNotEquals(dave.refresh(), next.refresh());
            assertNotEquals(dave.access(), next.access());
            assertEquals(claims(dave.access()).get("sid"), claims(next.access()).get("sid"), "same family");
            HttpResult me = me(next.access());
            assertEquals(200, me.status(), me::toString);
            assertEquals("dave", me.json().get("name"));
            assertEquals(List.of("user"), me.json().get("roles"));

            before = Instant.now();
            HttpResult viaHeader = app.http().postJson(app.uri("/auth/refresh"),
                    "{\"refreshToken\":\"" + dave2.refresh() + "\"}", "Authorization", "Bearer " + dave2.access());
            Tokens next2 = assertTokenResponse(viaHeader, before, Instant.now(), ACCESS_LIFETIME);
            assertEquals(200, me(next2.access()).status());
            assertNotEquals(claims(next.access()).get("sid"), claims(next2.access()).get("sid"), "two families");
        }

        @Test
        void refreshTokenWorksOnceWhileItsSuccessorKeepsWorking() {
            Tokens t1 = login("hank", "hank-secret-1");
            Tokens t2 = tokens(refresh(t1.access(), t1.refresh()));

            // Right after the rotation: refused (a concurrent use), and the family survives.
            assertError(refresh(t1.access(), t1.refresh()), 400, "invalid_grant");
            Tokens t3 = tokens(refresh(t2.access(), t2.refresh()));
            assertEquals(200, me(t3.access()).status());
        }

        @Test
        void replayedRefreshTokenRevokesItsFamilyButNotTheUsersOtherDevices() throws Exception {
            Tokens phone = login("erin", "erin-secret-1");
            Tokens laptop = login("erin", "erin-secret-1");
            Tokens phone2 = tokens(refresh(phone.access(), phone.refresh()));

            Thread.sleep(AFTER_CONCURRENT_USE_GRACE.toMillis());
            assertError(refresh(phone.access(), phone.refresh()), 400, "invalid_grant");

            // The newest token of the replayed family is revoked with it ...
            assertError(refresh(phone2.access(), phone2.refresh()), 400, "invalid_grant");
            // ... while the same user's other family is untouched.
            Tokens laptop2 = tokens(refresh(laptop.access(), laptop.refresh()));
            assertEquals(200, me(laptop2.access()).status());
        }

        @Test
        void refreshTokenWithAnotherUsersAccessTokenIsRefusedWithoutBurningIt() {
            Tokens frank = login("frank", "frank-secret-1");
            Tokens bob = login("bob", "bob-secret-1");
            Tokens frankOtherDevice = login("frank", "frank-secret-1");

            assertError(refresh(bob.access(), frank.refresh()), 400, "invalid_grant");
            // Same user, other family (sid): refused as well.
            assertError(refresh(frankOtherDevice.access(), frank.refresh()), 400, "invalid_grant");

            Tokens next = tokens(refresh(frank.access(), frank.refresh()));
            assertEquals("frank", claims(next.access()).get("sub"));
        }

        @Test
        void refreshWithUnknownOrMalformedTokensIsInvalidGrant() {
            Tokens ivy = login("ivy", "ivy-secret-1");
            String forged = ivy.access().substring(0, ivy.access().lastIndexOf('.') + 1) + "AAAA";

            assertAll(
                    () -> assertError(refresh(ivy.access(), randomToken()), 400, "invalid_grant"),
                    () -> assertError(refresh(ivy.access(), "short"), 400, "invalid_grant"),
                    () -> assertError(refresh(forged, ivy.refresh()), 400, "invalid_grant"),
                    () -> assertError(refresh("not-a-jwt", ivy.refresh()), 400, "invalid_grant"),
                    // A refresh token is no access token.
                    () -> assertEquals(401, me(ivy.refresh()).status()));
            // None of the refusals burnt the refresh token.
            assertEquals(200, me(tokens(refresh(ivy.access(), ivy.refresh())).access()).status());
        }

        // ---- logout -----------------------------------------------------------------------------------------

        @Test
        void logoutWithRefreshTokenEndsThatDeviceOnly() {
            Tokens phone = login("gina", "gina-secret-1");
            Tokens laptop = login("gina", "gina-secret-1");

            HttpResult logout = postJson("/auth/logout", "{\"refreshToken\":\"" + phone.refresh() + "\"}");

            assertEquals(204, logout.status(), logout::toString);
            assertError(refresh(phone.access(), phone.refresh()), 400, "invalid_grant");
            assertEquals(200, refresh(laptop.access(), laptop.refresh()).status());
        }

        @Test
        void logoutWithAFormBodyWorksToo() {
            Tokens phone = login("gina", "gina-secret-1");

            HttpResult logout = app.http().post(app.uri("/auth/logout"), "refreshToken=" + form(phone.refresh()),
                    "Content-Type", "application/x-www-form-urlencoded");

            assertEquals(204, logout.status(), logout::toString);
            assertError(refresh(phone.access(), phone.refresh()), 400, "invalid_grant");
        }

        @Test
        void logoutWithUnknownTokenAnswers204() {
            assertAll(
                    () -> assertEquals(204, postJson("/auth/logout",
                            "{\"refreshToken\":\"" + randomToken() + "\"}").status()),
                    () -> assertEquals(204, postJson("/auth/logout", "{\"refreshToken\":\"nope\"}").status()));
        }

        @Test
        void logoutOfAllDevicesRevokesEveryFamilyOfTheUserOnly() {
            Tokens laptop = login("carol", "carol-secret-1");
            Tokens bob = login("bob", "bob-secret-1");
            Tokens laptop2 = tokens(refresh(laptop.access(), laptop.refresh()));
            Tokens phone = login("carol", "carol-secret-1");

            HttpResult logout = app.http().postJson(app.uri("/auth/logout"), "{\"allDevices\":true}",
                    "Authorization", "Bearer " + phone.access());

            assertEquals(204, logout.status(), logout::toString);
            assertError(refresh(phone.access(), phone.refresh()), 400, "invalid_grant");
            assertError(refresh(laptop2.access(), laptop2.refresh()), 400, "invalid_grant");
            assertEquals(200, refresh(bob.access(), bob.refresh()).status(), "another user's session survives");
        }

        @Test
        void logoutOfAllDevicesWithoutBearerTokenIs401() {
            Tokens frank = login("frank", "frank-secret-1");

            HttpResult logout = postJson("/auth/logout",
                    "{\"allDevices\":true,\"refreshToken\":\"" + frank.refresh() + "\"}");

            assertEquals(401, logout.status(), logout::toString);
            assertTrue(logout.header("WWW-Authenticate").orElse("").startsWith("Bearer "), logout::toString);
            assertEquals(200, refresh(frank.access(), frank.refresh()).status(), "nothing was revoked");
        }

        // ---- restart and undeploy, after the tests above ----------------------------------------------------

        @Test
        @Order(Order.DEFAULT + 1)
        void tokensStayValidAcrossARestartOfTheWebAppOnTheSameDatabase() throws Exception {
            // Long-lived access tokens here: a restart may take longer than the main app's few seconds.
            Path dir = ItBuild.newWorkDir("store-restart");
            try (DeployedApp restarted = DeployedApp.deploy(kind, webApp(dir, "PT5M", "PT0S"), "/app", USERS)) {
                Tokens before = tokens(post(restarted, "/auth/login",
                        "{\"username\":\"alice\",\"password\":\"alice-secret-1\"}"));
                Tokens rotated = tokens(post(restarted, "/auth/refresh",
                        refreshBody(before.access(), before.refresh())));
                Instant rotation = Instant.now();
                List<String> threads = LiveThreads.named("jwtauth");

                List<String> warnings;
                try (ContainerWarnings captured = ContainerWarnings.capture()) {
                    restarted.container().restartWebApp();
                    warnings = captured.messages();
                }
                assertEquals(List.of(), warnings, "the stopped instance left nothing behind");
                assertEquals(threads, LiveThreads.named("jwtauth"), "one cleanup thread per running web app");

                HttpResult me = restarted.http().get(restarted.uri("/api/me"), "Authorization",
                        "Bearer " + rotated.access());
                assertEquals(200, me.status(), me::toString);
                assertEquals("alice", me.json().get("name"));
                Tokens after = tokens(post(restarted, "/auth/refresh",
                        refreshBody(rotated.access(), rotated.refresh())));
                assertEquals(200, restarted.http().get(restarted.uri("/api/me"), "Authorization",
                        "Bearer " + after.access()).status());
                // The rotation before the restart is remembered too: replaying its token is reuse, which revokes
                // the family down to its newest token.
                Thread.sleep(Math.max(0, Duration.between(Instant.now(),
                        rotation.plus(AFTER_CONCURRENT_USE_GRACE)).toMillis()));
                assertError(post(restarted, "/auth/refresh", refreshBody(before.access(), before.refresh())),
                        400, "invalid_grant");
                assertError(post(restarted, "/auth/refresh", refreshBody(after.access(), after.refresh())),
                        400, "invalid_grant");
                assertTrue(Files.exists(dir.resolve("tokens.mv.db")), "the configured database file is used");
            }
        }

        @Test
        @Order(Order.DEFAULT + 2)
        void undeployStopsEveryLibraryThreadAndLeaksNothing() throws Exception {
            // A last request, so that the store and the cleanup thread have surely been busy.
            assertEquals(200, me(login("bob", "bob-secret-1").access()).status());
            assertTrue(!LiveThreads.named("jwtauth").isEmpty(), "the cleanup thread runs while deployed");

            List<String> warnings;
            try (ContainerWarnings captured = ContainerWarnings.capture()) {
                app.container().undeploy();
                warnings = captured.messages();
            }

            assertEquals(404, app.http().get(app.uri("/api/me")).status());
            assertEquals(List.of(), LiveThreads.named("jwtauth"));
            // Tomcat reports threads, ThreadLocals and JDBC drivers a web app left behind (none from Jetty).
            assertEquals(List.of(), warnings);
        }

        // ---- helpers ----------------------------------------------------------------------------------------

        private Tokens login(String username, String password) {
            return tokens(postJson("/auth/login",
                    "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
        }

        private HttpResult refresh(String accessToken, String refreshToken) {
            return postJson("/auth/refresh", refreshBody(accessToken, refreshToken));
        }

        private static String refreshBody(String accessToken, String refreshToken) {
            return "{\"accessToken\":\"" + accessToken + "\",\"refreshToken\":\"" + refreshToken + "\"}";
        }

        private HttpResult me(String accessToken) {
            HttpResult result = app.http().get(app.uri("/api/me"), "Authorization", "Bearer " + accessToken);
            assertNotServerError(result);
            return result;
        }

        private HttpResult postJson(String path, String json) {
            return post(app, path, json);
        }

        private static HttpResult post(DeployedApp target, String path, String json) {
            HttpResult result = target.http().postJson(target.uri(path), json);
            assertNotServerError(result);
            return result;
        }
    }

    /** Asserts a complete token response (design section 3) and returns its tokens. */
    static Tokens assertTokenResponse(HttpResult result, Instant before, Instant after, Duration accessLifetime) {
        assertEquals(200, result.status(), result::toString);
        assertEquals(List.of("no-store"), result.headers("Cache-Control"), result::toString);
        assertEquals(List.of("no-cache"), result.headers("Pragma"), result::toString);
        assertTrue(result.header("Content-Type").orElse("").startsWith("application/json"), result::toString);
        Map<String, Object> json = result.json();

        String access = (String) json.get("accessToken");
        String refresh = (String) json.get("refreshToken");
        String accessExpiration = (String) json.get("accessTokenExpiration");
        String refreshExpiration = (String) json.get("refreshTokenExpiration");
        assertAll(
                () -> assertEquals(3, access.split("\\.", -1).length, result::toString),
                () -> assertTrue(REFRESH_TOKEN.matcher(refresh).matches(), result::toString),
                () -> assertTrue(accessExpiration.endsWith("Z"), result::toString),
                () -> assertTrue(refreshExpiration.endsWith("Z"), result::toString),
                () -> assertEquals("Bearer", json.get("tokenType"), result::toString));

        Instant accessExpiresAt = Instant.parse(accessExpiration);
        Instant refreshExpiresAt = Instant.parse(refreshExpiration);
        // exp has one-second resolution (RFC 7519 section 2).
        assertTrue(!accessExpiresAt.isBefore(before.truncatedTo(ChronoUnit.SECONDS).plus(accessLifetime))
                && !accessExpiresAt.isAfter(after.plus(accessLifetime)), result::toString);
        assertEquals(accessExpiresAt.getEpochSecond(), ((Number) claims(access).get("exp")).longValue(),
                "accessTokenExpiration is the token's exp");
        // The default idle lifetime of a refresh token is 14 days.
        assertTrue(!refreshExpiresAt.isBefore(before.plus(Duration.ofDays(14)).minusSeconds(1))
                && !refreshExpiresAt.isAfter(after.plus(Duration.ofDays(14)).plusSeconds(1)), result::toString);
        long expiresIn = ((Number) json.get("expiresIn")).longValue();
        assertTrue(expiresIn >= accessLifetime.getSeconds() - 1 && expiresIn <= accessLifetime.getSeconds(),
                result::toString);
        return new Tokens(access, refresh, accessExpiresAt, json);
    }

    /** The tokens of a successful login or refresh. */
    static Tokens tokens(HttpResult result) {
        assertEquals(200, result.status(), result::toString);
        Map<String, Object> json = result.json();
        return new Tokens((String) json.get("accessToken"), (String) json.get("refreshToken"),
                Instant.parse((String) json.get("accessTokenExpiration")), json);
    }

    static void assertError(HttpResult result, int status, String error) {
        assertNotServerError(result);
        assertEquals(status, result.status(), result::toString);
        assertEquals(error, result.json().get("error"), result::toString);
        assertTrue(result.json().get("error_description") instanceof String, result::toString);
        assertEquals(List.of("no-store"), result.headers("Cache-Control"), result::toString);
    }

    static void assertNotServerError(HttpResult result) {
        if (result.status() >= 500) {
            fail("Server error: " + result);
        }
    }

    /** The claims of a JWT, read without verifying it. */
    static Map<String, Object> claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (JoseException e) {
            throw new AssertionError("Not a JWT payload: " + jwt, e);
        }
    }

    static List<String> sorted(Object roles) {
        @SuppressWarnings("unchecked")
        List<String> copy = new ArrayList<>((List<String>) roles);
        Collections.sort(copy);
        return copy;
    }

    /** Sleeps until {@code expiration} has passed (plus a little, for the request to arrive after it). */
    static void waitUntilExpired(Instant expiration) throws InterruptedException {
        long millis = Duration.between(Instant.now(), expiration.plusMillis(200)).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /** A well-formed refresh token that was never issued. */
    static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Warnings and errors logged by Tomcat's web-app class loader (its leak checks) while open. */
    static final class ContainerWarnings extends Handler implements AutoCloseable {
        // Kept in a field: java.util.logging holds loggers weakly.
        private final Logger logger = Logger.getLogger("org.apache.catalina.loader");
        private final List<String> messages = Collections.synchronizedList(new ArrayList<>());

        static ContainerWarnings capture() {
            ContainerWarnings warnings = new ContainerWarnings();
            warnings.logger.addHandler(warnings);
            return warnings;
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                String text = record.getMessage();
                if (record.getParameters() != null && record.getParameters().length > 0) {
                    text = java.text.MessageFormat.format(text, record.getParameters());
                }
                messages.add(record.getLoggerName() + ": " + text);
            }
        }

        List<String> messages() {
            return List.copyOf(messages);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
