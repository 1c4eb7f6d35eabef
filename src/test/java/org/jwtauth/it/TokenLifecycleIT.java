package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.AuthCalls.Tokens;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.ItBuild;
import org.jwtauth.refresh.RefreshTokenService;

/**
 * The token lifecycle over real HTTP, in the web app of {@link LifecycleApp}: login, use, expiry, refresh
 * (rotation, reuse detection), and logout. Every test logs in on its own and needs no other test to run first;
 * restarts and undeploys are in {@link WebAppLifecycleIT}, refusals of malformed requests in the hostile-input
 * suite.
 */
class TokenLifecycleIT {

    /**
     * Short, so that expiry is waited out in seconds; exp has whole seconds, so a token lives at least two
     * seconds, which leaves room for the request that uses it right after it was issued.
     */
    static final Duration ACCESS_LIFETIME = Duration.ofSeconds(3);
    /** Longer than the library's concurrent-use grace, after which a rotated token presented again is reuse. */
    static final Duration AFTER_CONCURRENT_USE_GRACE = RefreshTokenService.CONCURRENT_USE_GRACE.plusMillis(600);

    private static final Pattern REFRESH_TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends DeployedSpec {
        private AuthCalls auth;

        @Override
        protected void deploy() throws Exception {
            auth = AuthCalls.on(deploy(LifecycleApp.webApp(ItBuild.newWorkDir("store"), ACCESS_LIFETIME), "/app",
                    LifecycleApp.USERS));
        }

        // ---- login ------------------------------------------------------------------------------------------

        @Test
        void loginWhenJsonBodyThenTokenResponse() {
            Instant before = Instant.now();
            HttpResult result = auth.login("alice", "alice-secret-1");

            assertTokenResponse(result, before, Instant.now(), ACCESS_LIFETIME);
        }

        @Test
        void loginWhenFormBodyThenTokenResponse() {
            Instant before = Instant.now();
            HttpResult result = auth.loginForm("bob", "bob-secret-1");

            assertTokenResponse(result, before, Instant.now(), ACCESS_LIFETIME);
        }

        @Test
        void loginWhenUserHasRealmRolesThenTheAccessTokenCarriesExactlyItsCandidateRoles() {
            Map<String, Object> alice = auth.loggedIn("alice", "alice-secret-1").accessClaims();
            Map<String, Object> bob = auth.loggedIn("bob", "bob-secret-1").accessClaims();
            Map<String, Object> carol = auth.loggedIn("carol", "carol-secret-1").accessClaims();

            assertAll(
                    () -> assertEquals("alice", alice.get("sub")),
                    // "auditor" is a realm role of alice, but no candidate role: it is not in the token.
                    () -> assertEquals(List.of("admin", "user"), sorted(alice.get("roles")), alice::toString),
                    () -> assertEquals(List.of("user"), sorted(bob.get("roles")), bob::toString),
                    () -> assertEquals(List.of(), sorted(carol.get("roles")), carol::toString));
        }

        @Test
        void requestWhenAccessTokenIsValidThenTheServletSeesItsPrincipalAndRoles() {
            Tokens alice = auth.loggedIn("alice", "alice-secret-1");

            HttpResult me = me(alice.access());

            assertEquals(200, me.status(), me::toString);
            Map<String, Object> body = me.json();
            assertEquals("alice", body.get("name"), me::toString);
            assertEquals("alice", body.get("remoteUser"), me::toString);
            assertEquals(List.of("user", "admin"), body.get("roles"), me::toString);
        }

        // ---- expiry and refresh -----------------------------------------------------------------------------

        @Test
        void refreshWhenAccessTokenExpiredThenANewWorkingPairOfTheSameFamily() throws Exception {
            Tokens dave = auth.loggedIn("dave", "dave-secret-1");
            assertEquals(200, me(dave.access()).status());
            // A second device, refreshed below with the access token in the Authorization header.
            Tokens dave2 = auth.loggedIn("dave", "dave-secret-1");

            waitUntilExpired(dave.accessExpiration());
            waitUntilExpired(dave2.accessExpiration());

            HttpResult expired = me(dave.access());
            assertEquals(401, expired.status(), expired::toString);
            assertTrue(expired.header("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""),
                    expired::toString);

            Instant before = Instant.now();
            HttpResult refreshed = auth.refresh(dave.access(), dave.refresh());
            Tokens next = assertTokenResponse(refreshed, before, Instant.now(), ACCESS_LIFETIME);
            assertNotEquals(dave.refresh(), next.refresh());
            assertNotEquals(dave.access(), next.access());
            assertEquals(dave.accessClaims().get("sid"), next.accessClaims().get("sid"), "same family");
            HttpResult me = me(next.access());
            assertEquals(200, me.status(), me::toString);
            assertEquals("dave", me.json().get("name"));
            assertEquals(List.of("user"), me.json().get("roles"));

            before = Instant.now();
            HttpResult viaHeader = auth.refreshWithBearer(dave2.access(), dave2.refresh());
            Tokens next2 = assertTokenResponse(viaHeader, before, Instant.now(), ACCESS_LIFETIME);
            assertEquals(200, me(next2.access()).status());
            assertNotEquals(next.accessClaims().get("sid"), next2.accessClaims().get("sid"), "two families");
        }

        @Test
        void refreshWhenRotatedTokenIsPresentedWithinTheGraceThenRefusedAndItsSuccessorKeepsWorking() {
            Tokens t1 = auth.loggedIn("hank", "hank-secret-1");
            Tokens t2 = auth.refreshed(t1);

            // Right after the rotation: refused (a concurrent use), and the family survives.
            assertError(auth.refresh(t1.access(), t1.refresh()), 400, "invalid_grant");
            Tokens t3 = auth.refreshed(t2);
            assertEquals(200, me(t3.access()).status());
        }

        @Test
        void refreshWhenTokenReusedThenFamilyRevokedButNotTheUsersOtherDevices() throws Exception {
            Tokens phone = auth.loggedIn("erin", "erin-secret-1");
            Tokens laptop = auth.loggedIn("erin", "erin-secret-1");
            Tokens phone2 = auth.refreshed(phone);

            Thread.sleep(AFTER_CONCURRENT_USE_GRACE.toMillis());
            assertError(auth.refresh(phone.access(), phone.refresh()), 400, "invalid_grant");

            // The newest token of the replayed family is revoked with it ...
            assertError(auth.refresh(phone2.access(), phone2.refresh()), 400, "invalid_grant");
            // ... while the same user's other family is untouched.
            Tokens laptop2 = auth.refreshed(laptop);
            assertEquals(200, me(laptop2.access()).status());
        }

        // ---- logout -----------------------------------------------------------------------------------------

        @Test
        void logoutWhenRefreshTokenGivenThenThatDeviceOnlyEnds() {
            Tokens phone = auth.loggedIn("gina", "gina-secret-1");
            Tokens laptop = auth.loggedIn("gina", "gina-secret-1");

            HttpResult logout = auth.logout(phone.refresh());

            assertEquals(204, logout.status(), logout::toString);
            assertError(auth.refresh(phone.access(), phone.refresh()), 400, "invalid_grant");
            assertEquals(200, auth.refresh(laptop.access(), laptop.refresh()).status());
        }

        @Test
        void logoutWhenFormBodyThenTheDeviceEnds() {
            Tokens phone = auth.loggedIn("gina", "gina-secret-1");

            HttpResult logout = auth.logoutForm(phone.refresh());

            assertEquals(204, logout.status(), logout::toString);
            assertError(auth.refresh(phone.access(), phone.refresh()), 400, "invalid_grant");
        }

        @Test
        void logoutWhenRefreshTokenIsUnknownThenNoContent() {
            assertAll(
                    () -> assertEquals(204, auth.logout(randomToken()).status()),
                    () -> assertEquals(204, auth.logout("nope").status()));
        }

        @Test
        void logoutWhenAllDevicesThenEveryFamilyOfTheUserOnlyIsRevoked() {
            Tokens laptop = auth.loggedIn("carol", "carol-secret-1");
            Tokens bob = auth.loggedIn("bob", "bob-secret-1");
            Tokens laptop2 = auth.refreshed(laptop);
            Tokens phone = auth.loggedIn("carol", "carol-secret-1");

            HttpResult logout = auth.logoutAllDevices(phone.access());

            assertEquals(204, logout.status(), logout::toString);
            assertError(auth.refresh(phone.access(), phone.refresh()), 400, "invalid_grant");
            assertError(auth.refresh(laptop2.access(), laptop2.refresh()), 400, "invalid_grant");
            assertEquals(200, auth.refresh(bob.access(), bob.refresh()).status(), "another user's session survives");
        }

        private HttpResult me(String accessToken) {
            HttpResult result = auth.api("/api/me", accessToken);
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

        Tokens tokens = AuthCalls.tokens(result);
        Instant accessExpiresAt = Instant.parse(accessExpiration);
        Instant refreshExpiresAt = Instant.parse(refreshExpiration);
        // exp has one-second resolution (RFC 7519 section 2).
        assertTrue(!accessExpiresAt.isBefore(before.truncatedTo(ChronoUnit.SECONDS).plus(accessLifetime))
                && !accessExpiresAt.isAfter(after.plus(accessLifetime)), result::toString);
        assertEquals(accessExpiresAt.getEpochSecond(), ((Number) tokens.accessClaims().get("exp")).longValue(),
                "accessTokenExpiration is the token's exp");
        // The default idle lifetime of a refresh token is 14 days.
        assertTrue(!refreshExpiresAt.isBefore(before.plus(Duration.ofDays(14)).minusSeconds(1))
                && !refreshExpiresAt.isAfter(after.plus(Duration.ofDays(14)).plusSeconds(1)), result::toString);
        long expiresIn = ((Number) json.get("expiresIn")).longValue();
        assertTrue(expiresIn >= accessLifetime.getSeconds() - 1 && expiresIn <= accessLifetime.getSeconds(),
                result::toString);
        return tokens;
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
}
