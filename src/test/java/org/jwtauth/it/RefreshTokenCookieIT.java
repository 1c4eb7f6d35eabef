package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.ItBuild;
import org.jwtauth.it.support.WebXml;

/**
 * Cookie mode ({@code jwtauth.refreshToken.cookie=true}): the refresh token travels only in a {@code __Secure-}
 * cookie (HttpOnly, Secure, SameSite=Strict, Path limited to the token endpoints, no Domain), and the cookie
 * alone never refreshes or logs out: the access token, which a cross-site page cannot read, must come with it.
 */
class RefreshTokenCookieIT {

    static final String COOKIE = "__Secure-jwtauth-refresh";
    static final Duration REFRESH_LIFETIME = Duration.ofHours(2);

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends DeployedSpec {
        private DeployedApp app;
        private DeployedApp remapped;
        private AuthCalls auth;

        @Override
        protected void deploy() throws Exception {
            String cookieMode = WebXml.contextParam("jwtauth.refreshToken.cookie", "true")
                    + WebXml.contextParam("jwtauth.refreshToken.lifetime", REFRESH_LIFETIME.toString());
            app = deploy(LifecycleApp.webApp(ItBuild.newWorkDir("cookie"), Duration.ofMinutes(5), cookieMode),
                    "/app", LifecycleApp.USERS);
            // A deployer who moved the token endpoints: the cookie follows them.
            remapped = deploy(LifecycleApp.webApp(ItBuild.newWorkDir("cookie-remapped"), Duration.ofMinutes(5),
                    cookieMode + mapping("jwtauth-refresh", "/tokens/refresh")
                            + mapping("jwtauth-logout", "/tokens/logout")), "/remapped", LifecycleApp.USERS);
            auth = AuthCalls.on(app);
        }

        private static String mapping(String servlet, String pattern) {
            return "<servlet-mapping><servlet-name>" + servlet + "</servlet-name><url-pattern>" + pattern
                    + "</url-pattern></servlet-mapping>\n";
        }

        private HttpResult post(DeployedApp on, String path, String json, String... headers) {
            return on.http().postJson(on.uri(path), json, headers);
        }

        @Test
        void loginWhenCookieModeThenTheRefreshTokenIsOnlyInASecureHttpOnlyStrictCookieOnTheTokenEndpoints() {
            HttpResult login = auth.login("alice", "alice-secret-1");

            Map<String, String> cookie = onlyCookie(login);
            long maxAge = Long.parseLong(cookie.getOrDefault("max-age", "-1"));
            assertAll(
                    () -> assertEquals(200, login.status(), login::toString),
                    () -> assertFalse(login.json().containsKey("refreshToken"), login::toString),
                    () -> assertTrue(login.json().containsKey("refreshTokenExpiration"), login::toString),
                    () -> assertTrue(login.json().containsKey("accessToken"), login::toString),
                    () -> assertEquals(43, cookie.get("value").length(), "a refresh token of ours"),
                    () -> assertTrue(cookie.containsKey("httponly"), cookie::toString),
                    () -> assertTrue(cookie.containsKey("secure"), cookie::toString),
                    () -> assertEquals("strict", cookie.getOrDefault("samesite", "").toLowerCase(Locale.ROOT)),
                    () -> assertEquals("/app/auth", cookie.get("path")),
                    () -> assertFalse(cookie.containsKey("domain"), cookie::toString),
                    // The refresh token's own expiry, give or take the test's running time.
                    () -> assertTrue(maxAge > REFRESH_LIFETIME.minusMinutes(5).getSeconds()
                            && maxAge <= REFRESH_LIFETIME.getSeconds(), cookie::toString));
        }

        @Test
        void refreshWhenTheCookieComesWithTheAccessTokenThenNewTokensAndANewCookieThatWorksInTurn() {
            HttpResult login = auth.login("bob", "bob-secret-1");
            String first = onlyCookie(login).get("value");
            String access = AuthCalls.field(login, "accessToken");

            HttpResult refreshed = post(app, "/auth/refresh", "{}", "Authorization", "Bearer " + access,
                    "Cookie", COOKIE + "=" + first);

            Map<String, String> next = onlyCookie(refreshed);
            assertAll(
                    () -> assertEquals(200, refreshed.status(), refreshed::toString),
                    () -> assertFalse(refreshed.json().containsKey("refreshToken"), refreshed::toString),
                    () -> assertNotEquals(first, next.get("value")),
                    () -> assertEquals("/app/auth", next.get("path")));
            // The new cookie works in turn, with the new access token in the body this time.
            HttpResult again = post(app, "/auth/refresh",
                    "{\"accessToken\":\"" + AuthCalls.field(refreshed, "accessToken") + "\"}",
                    "Cookie", COOKIE + "=" + next.get("value"));
            assertEquals(200, again.status(), again::toString);
        }

        @Test
        void refreshWhenOnlyTheCookieArrivesAsFromACrossSiteFormThenRefusedWithoutAnyToken() {
            String cookie = onlyCookie(auth.login("carol", "carol-secret-1")).get("value");

            HttpResult form = app.http().post(app.uri("/auth/refresh"), "",
                    "Content-Type", "application/x-www-form-urlencoded", "Cookie", COOKIE + "=" + cookie,
                    "Origin", "https://evil.example");
            HttpResult json = post(app, "/auth/refresh", "{}", "Cookie", COOKIE + "=" + cookie);

            for (HttpResult result : List.of(form, json)) {
                assertAll(
                        () -> assertEquals(400, result.status(), result::toString),
                        () -> assertEquals("invalid_request", result.json().get("error")),
                        () -> assertFalse(result.json().containsKey("accessToken"), result::toString),
                        () -> assertTrue(result.headers("Set-Cookie").isEmpty(), result::toString));
            }
        }

        @Test
        void refreshWhenTheBodyAndTheCookieCarryDifferentRefreshTokensThenInvalidRequest() {
            HttpResult login = auth.login("dave", "dave-secret-1");
            String cookie = onlyCookie(login).get("value");
            String other = onlyCookie(auth.login("dave", "dave-secret-1")).get("value");

            HttpResult result = post(app, "/auth/refresh", "{\"refreshToken\":\"" + other + "\"}",
                    "Authorization", "Bearer " + AuthCalls.field(login, "accessToken"), "Cookie", COOKIE + "=" + cookie);

            assertEquals(400, result.status(), result::toString);
            assertEquals("invalid_request", result.json().get("error"));
            assertFalse(result.body().contains(cookie) || result.body().contains(other), "no token echoed");
        }

        @Test
        void logoutWhenOnlyTheCookieArrivesThenRefusedAndTheSessionLives() {
            HttpResult login = auth.login("erin", "erin-secret-1");
            String cookie = onlyCookie(login).get("value");

            HttpResult form = app.http().post(app.uri("/auth/logout"), "",
                    "Content-Type", "application/x-www-form-urlencoded", "Cookie", COOKIE + "=" + cookie);

            assertEquals(400, form.status(), form::toString);
            assertEquals("invalid_request", form.json().get("error"));
            HttpResult refresh = post(app, "/auth/refresh", "{}", "Authorization",
                    "Bearer " + AuthCalls.field(login, "accessToken"), "Cookie", COOKIE + "=" + cookie);
            assertEquals(200, refresh.status(), "the session was not ended: " + refresh);
        }

        @Test
        void logoutWhenTheCookieComesWithTheAccessTokenThenTheSessionEndsAndTheCookieIsCleared() {
            HttpResult login = auth.login("frank", "frank-secret-1");
            String cookie = onlyCookie(login).get("value");
            String access = AuthCalls.field(login, "accessToken");

            HttpResult logout = post(app, "/auth/logout", "{}", "Authorization", "Bearer " + access,
                    "Cookie", COOKIE + "=" + cookie);

            Map<String, String> cleared = onlyCookie(logout);
            assertAll(
                    () -> assertEquals(204, logout.status(), logout::toString),
                    () -> assertEquals("", cleared.get("value")),
                    () -> assertEquals("0", cleared.get("max-age")),
                    () -> assertEquals("/app/auth", cleared.get("path")));
            HttpResult refresh = post(app, "/auth/refresh", "{}", "Authorization", "Bearer " + access,
                    "Cookie", COOKIE + "=" + cookie);
            assertEquals(400, refresh.status(), refresh::toString);
            assertEquals("invalid_grant", refresh.json().get("error"));
        }

        @Test
        void logoutOfAllDevicesWhenCookieModeThenTheCookieIsClearedToo() {
            HttpResult login = auth.login("gina", "gina-secret-1");

            HttpResult logout = auth.logoutAllDevices(AuthCalls.field(login, "accessToken"));

            assertEquals(204, logout.status(), logout::toString);
            assertEquals("0", onlyCookie(logout).get("max-age"));
        }

        @Test
        void loginWhenTheTokenEndpointsAreRemappedThenTheCookiePathFollowsThemAndRefreshWorksThere() {
            HttpResult login = post(remapped, "/auth/login", "{\"username\":\"hank\",\"password\":\"hank-secret-1\"}");
            Map<String, String> cookie = onlyCookie(login);

            HttpResult refresh = post(remapped, "/tokens/refresh", "{}", "Authorization",
                    "Bearer " + AuthCalls.field(login, "accessToken"), "Cookie", COOKIE + "=" + cookie.get("value"));

            assertEquals("/remapped/tokens", cookie.get("path"), cookie::toString);
            assertEquals(200, refresh.status(), refresh::toString);
            assertEquals("/remapped/tokens", onlyCookie(refresh).get("path"));
        }

        /** The one Set-Cookie of the response, as lower-case attribute names to values ("value" is the cookie's). */
        static Map<String, String> onlyCookie(HttpResult result) {
            List<String> cookies = result.headers("Set-Cookie").stream()
                    .filter(c -> c.startsWith(COOKIE + "=")).collect(Collectors.toList());
            assertEquals(1, cookies.size(), () -> "one " + COOKIE + " cookie expected: " + result.headers("Set-Cookie"));
            Map<String, String> parsed = new LinkedHashMap<>();
            String[] parts = cookies.get(0).split(";");
            parsed.put("value", parts[0].substring(COOKIE.length() + 1).trim());
            for (int i = 1; i < parts.length; i++) {
                String[] nameValue = parts[i].trim().split("=", 2);
                parsed.put(nameValue[0].toLowerCase(Locale.ROOT), nameValue.length > 1 ? nameValue[1] : "");
            }
            return parsed;
        }
    }
}
