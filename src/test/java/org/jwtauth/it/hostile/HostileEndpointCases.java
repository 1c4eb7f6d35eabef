package org.jwtauth.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.it.hostile.HostileApp.ALICE_PASSWORD;
import static org.jwtauth.it.hostile.HostileApp.BAD_BODY;
import static org.jwtauth.it.hostile.HostileApp.BAD_CREDENTIALS;
import static org.jwtauth.it.hostile.HostileApp.BAD_GRANT;
import static org.jwtauth.it.hostile.HostileApp.BOB_PASSWORD;
import static org.jwtauth.it.hostile.HostileApp.INVALID_TOKEN;
import static org.jwtauth.it.hostile.HostileApp.NOT_POST;
import static org.jwtauth.it.hostile.HostileApp.WRONG_MEDIA_TYPE;
import static org.jwtauth.it.hostile.HostileApp.assertChallenge;
import static org.jwtauth.it.hostile.HostileApp.assertEndpointError;
import static org.jwtauth.it.hostile.HostileApp.json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.AuthCalls.Tokens;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.testing.JoseText;

/**
 * The token endpoints (design section 3, RFC 6749 section 5.2): wrong methods, media types, malformed, nested,
 * oversized and repeated bodies, hostile usernames and tokens. Each is a JSON error without a challenge (unless
 * a bearer token was refused), never a server error, and never burns the caller's real refresh token.
 */
interface HostileEndpointCases extends HostileCases {

    private HttpResult post(String path, String body, String contentType) {
        return app().refused(() -> app().app().http().post(app().app().uri(path), body, "Content-Type",
                contentType));
    }

    private HttpResult postJson(String path, String body) {
        return app().refused(() -> app().app().http().postJson(app().app().uri(path), body));
    }

    // --- methods and media types ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/auth/login", "/auth/refresh", "/auth/logout"})
    default void endpointWhenCalledWithGetThenMethodNotAllowedWithAllowPost(String path) {
        Tokens tokens = app().login("alice", ALICE_PASSWORD);
        HttpResult result = app().refused(() -> app().app().http().get(app().app().uri(path + "?refreshToken="
                + tokens.refresh() + "&accessToken=" + tokens.access() + "&username=alice&password="
                + ALICE_PASSWORD)));
        assertEndpointError(result, 405, "invalid_request", NOT_POST);
        assertEquals(List.of("POST"), result.headers("Allow"));
        // The refresh token in the URL was not consumed.
        assertEquals(200, app().refresh(tokens.access(), tokens.refresh()).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH"})
    default void refreshWhenMethodIsNotPostThenMethodNotAllowedWithAllowPost(String method) {
        Tokens tokens = app().login("alice", ALICE_PASSWORD);
        HttpResult result = app().refused(() -> app().app().http().send(method, app().app().uri("/auth/refresh"),
                json("accessToken", tokens.access(), "refreshToken", tokens.refresh()),
                "Content-Type", "application/json"));
        assertEndpointError(result, 405, "invalid_request", NOT_POST);
        assertEquals(List.of("POST"), result.headers("Allow"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/auth/login", "/auth/refresh", "/auth/logout"})
    default void endpointWhenBodyIsNotJsonOrFormThenUnsupportedMediaType(String path) {
        assertEndpointError(post(path, "username=alice&password=" + ALICE_PASSWORD, "text/plain"), 415,
                "invalid_request", WRONG_MEDIA_TYPE);
        assertEndpointError(post(path, json("username", "alice", "password", ALICE_PASSWORD), "text/plain"), 415,
                "invalid_request", WRONG_MEDIA_TYPE);
        // No Content-Type at all.
        assertEndpointError(app().refused(() -> app().app().http().post(app().app().uri(path),
                "username=alice&password=x")), 415, "invalid_request", WRONG_MEDIA_TYPE);
    }

    // --- malformed bodies ----------------------------------------------------------------------------------------

    /** RFC 6749 section 5.2: a missing parameter is named in the description. */
    String MISSING = "A required field is missing: ";

    static Stream<Arguments> malformedJsonBodies() {
        return Stream.of(Arguments.of("/auth/login", "{\"username\":\"alice\",\"password\":", BAD_BODY),
                Arguments.of("/auth/login", "[\"alice\"]", BAD_BODY),
                Arguments.of("/auth/login", "not json at all", BAD_BODY), Arguments.of("/auth/login", "", BAD_BODY),
                Arguments.of("/auth/login", "null", BAD_BODY),
                Arguments.of("/auth/login", "{\"username\":[\"alice\"],\"password\":\"x\"}", BAD_BODY),
                Arguments.of("/auth/login", "{\"username\":\"alice\",\"password\":{\"$ne\":null}}", BAD_BODY),
                Arguments.of("/auth/login", "{\"username\":42,\"password\":\"x\"}", BAD_BODY),
                Arguments.of("/auth/login", "{\"username\":\"alice\"}", MISSING + "password"),
                Arguments.of("/auth/login", "{\"password\":\"x\"}", MISSING + "username"),
                Arguments.of("/auth/login", "{\"username\":\"\",\"password\":\"x\"}", MISSING + "username"),
                Arguments.of("/auth/refresh", "{\"accessToken\":\"x\"", BAD_BODY),
                Arguments.of("/auth/refresh", "{\"accessToken\":\"a.b.c\"}", MISSING + "refreshToken"),
                Arguments.of("/auth/refresh", "{\"refreshToken\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}",
                        MISSING + "accessToken"),
                Arguments.of("/auth/logout", "{\"refreshToken\":", BAD_BODY),
                Arguments.of("/auth/logout", "{}", MISSING + "refreshToken"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.jwtauth.it.hostile.HostileEndpointCases#malformedJsonBodies")
    default void endpointWhenJsonBodyIsMalformedOrIncompleteThenInvalidRequest(String path, String body,
                                                                                  String description) {
        assertEndpointError(postJson(path, body), 400, "invalid_request", description);
    }

    @Test
    default void loginWhenFormBodyLacksThePasswordThenInvalidRequest() {
        assertEndpointError(post("/auth/login", "username=alice", "application/x-www-form-urlencoded"), 400,
                "invalid_request", MISSING + "password");
    }

    @Test
    default void loginWhenBodyIsNestedThousandsDeepThenInvalidRequestWithoutStackOverflow() {
        String body = "{\"username\":" + "[".repeat(8000) + "]".repeat(8000) + "}";
        assertEndpointError(postJson("/auth/login", body), 400, "invalid_request", BAD_BODY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/auth/login", "/auth/refresh"})
    default void endpointWhenJsonBodyIs64KbThenInvalidRequest(String path) {
        String body = json("username", "alice", "password", "p".repeat(64 * 1024), "refreshToken", "r",
                "accessToken", "a");
        assertEndpointError(postJson(path, body), 400, "invalid_request", BAD_BODY);
    }

    @Test
    default void loginWhenChunkedFormBodyIsHugeThenInvalidRequestNotAServerError() {
        String form = "username=alice&password=" + "p".repeat(300 * 1024);
        HttpResult result = app().refused(() -> app().app().raw().sendRaw(chunked("/auth/login", form)));
        assertEndpointError(result, 400, "invalid_request", BAD_BODY);
    }

    @Test
    default void loginWhenFormHasMoreFieldsThanTheContainerAllowsThenNeverAServerError() {
        StringBuilder form = new StringBuilder("username=alice&password=" + ALICE_PASSWORD);
        // More keys than the containers' defaults allow (Jetty maxFormKeys, Tomcat maxParameterCount: 1000),
        // within the library's own 16 KB.
        for (int i = 0; i < 2000; i++) {
            form.append("&k").append(i);
        }
        assertTrue(form.length() < 16 * 1024);
        assertEndpointError(post("/auth/login", form.toString(), "application/x-www-form-urlencoded"), 400,
                "invalid_request", BAD_BODY);
    }

    @Test
    default void refreshWhenAFormRepeatsTheRefreshTokenThenInvalidRequest() {
        Tokens tokens = app().login("alice", ALICE_PASSWORD);
        Tokens other = app().login("alice", ALICE_PASSWORD);
        HttpResult result = post("/auth/refresh", "accessToken=" + tokens.access() + "&refreshToken="
                + tokens.refresh() + "&refreshToken=" + other.refresh(), "application/x-www-form-urlencoded");
        assertEndpointError(result, 400, "invalid_request", BAD_BODY);
    }

    @Test
    default void refreshWhenRefreshTokenIs10KbThenInvalidRequest() {
        Tokens tokens = app().login("alice", ALICE_PASSWORD);
        assertEndpointError(app().refused(() -> app().refresh(tokens.access(), "A".repeat(10 * 1024))), 400,
                "invalid_request", BAD_BODY);
    }

    // --- hostile credentials and tokens ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"' OR '1'='1' --", "alice\u0000", "alice'; DROP TABLE users; --", "*", "alice)(|(uid=*)"})
    default void loginWhenUsernameIsHostileThenInvalidGrant(String username) {
        assertEndpointError(app().refused(() -> app().auth().login(username, ALICE_PASSWORD)), 400, "invalid_grant",
                BAD_CREDENTIALS);
    }

    @Test
    default void refreshWhenTheAccessTokenIsUsedAsTheRefreshTokenThenInvalidGrant() {
        Tokens tokens = app().login("alice", ALICE_PASSWORD);
        assertEndpointError(app().refused(() -> app().refresh(tokens.access(), tokens.access())), 400,
                "invalid_grant", BAD_GRANT);
    }

    @Test
    default void refreshWhenRefreshTokenOfAliceComesWithAccessTokenOfBobThenInvalidGrantAndAlicesTokenSurvives() {
        Tokens alice = app().login("alice", ALICE_PASSWORD);
        Tokens bob = app().login("bob", BOB_PASSWORD);

        assertEndpointError(app().refused(() -> app().refresh(bob.access(), alice.refresh())), 400, "invalid_grant",
                BAD_GRANT);
        Tokens next = AuthCalls.tokens(app().refresh(alice.access(), alice.refresh()));
        assertEquals("alice", next.accessClaims().get("sub"));
    }

    @Test
    default void refreshWhenRefreshTokenIsFromAnotherLoginOfTheSameUserThenInvalidGrantAndItSurvives() {
        Tokens phone = app().login("alice", ALICE_PASSWORD);
        Tokens laptop = app().login("alice", ALICE_PASSWORD);

        assertEndpointError(app().refused(() -> app().refresh(phone.access(), laptop.refresh())), 400,
                "invalid_grant", BAD_GRANT);
        assertEquals(200, app().refresh(laptop.access(), laptop.refresh()).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"' OR '1'='1", "'; DELETE FROM jwtauth_refresh_token; --",
            "AAAAAAAAAAAAAAAAAAAA' OR 1=1 --AAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAA\u0000AAAAAAAAAAAAAAAAAAAAA", "\u0000",
            "short", "bm90LWlzc3VlZC1idXQtd2VsbC1mb3JtZWQtMDEyMzQ"})
    default void refreshWhenRefreshTokenIsUnknownSqlOrNulThenInvalidGrantAndTheRealOneSurvives(String refreshToken) {
        Tokens tokens = app().login("alice", ALICE_PASSWORD);
        assertEndpointError(app().refused(() -> app().refresh(tokens.access(), refreshToken)), 400, "invalid_grant",
                BAD_GRANT);
        assertEquals(200, app().refresh(tokens.access(), tokens.refresh()).status());
    }

    @Test
    default void refreshWhenAccessTokenInTheBodyIsLongerThan8KbThenInvalidGrant() {
        Tokens tokens = app().login("alice", ALICE_PASSWORD);
        String big = forge().claim("padding", "p".repeat(9 * 1024)).sign();
        assertEndpointError(app().refused(() -> app().refresh(big, tokens.refresh())), 400, "invalid_grant",
                BAD_GRANT);
    }

    @Test
    default void refreshWhenAccessTokenIsForgedOrNoJwtThenInvalidGrantAndTheRefreshTokenSurvives() {
        Tokens tokens = app().login("alice", ALICE_PASSWORD);
        String[] parts = tokens.access().split("\\.");
        String none = JoseText.b64(forge().header("alg", "none").headerText()) + "." + parts[1] + ".AAAA";
        String badSignature = parts[0] + "." + parts[1] + ".AAAA";
        for (String access : List.of(none, badSignature, "not-a-jwt")) {
            assertEndpointError(app().refused(() -> app().refresh(access, tokens.refresh())), 400, "invalid_grant",
                    BAD_GRANT);
        }
        assertEquals(200, app().refresh(tokens.access(), tokens.refresh()).status());
    }

    @Test
    default void refreshWhenAccessTokenIsBothInTheBodyAndInTheHeaderThenInvalidRequest() {
        Tokens tokens = app().login("alice", ALICE_PASSWORD);
        HttpResult result = app().refused(() -> app().app().http().postJson(app().app().uri("/auth/refresh"),
                json("accessToken", tokens.access(), "refreshToken", tokens.refresh()),
                "Authorization", "Bearer " + tokens.access()));
        assertEndpointError(result, 400, "invalid_request",
                "Send the access token either in the body or in the Authorization header, not both");
        // Malformed tokens in both places are refused the same way, before either is verified.
        HttpResult malformed = app().refused(() -> app().app().http().postJson(app().app().uri("/auth/refresh"),
                json("accessToken", "a.b.c", "refreshToken", tokens.refresh()), "Authorization", "Bearer a.b.c"));
        assertEndpointError(malformed, 400, "invalid_request",
                "Send the access token either in the body or in the Authorization header, not both");
    }

    @Test
    default void refreshWhenAuthorizationHeaderHasNonAsciiThenInvalidRequest() {
        Tokens tokens = app().login("alice", ALICE_PASSWORD);
        app().remember(tokens.refresh());
        HttpResult result = app().refused(() -> app().app().raw().send("POST",
                app().app().uri("/auth/refresh").getRawPath(), json("refreshToken", tokens.refresh()),
                "Content-Type: application/json",
                "Authorization: Bearer " + tokens.access().substring(0, 10) + "\u00f6"
                        + tokens.access().substring(10)));
        assertEndpointError(result, 400, "invalid_request", "The Authorization header is malformed");
    }

    @Test
    default void logoutWhenRefreshTokenLooksLikeSqlThenNoContentAndNothingIsRevoked() {
        Tokens tokens = app().login("alice", ALICE_PASSWORD);
        HttpResult result = app().refused(() -> app().auth().logout("' OR '1'='1"));
        assertEquals(204, result.status(), result::toString);
        assertEquals(200, app().refresh(tokens.access(), tokens.refresh()).status());
    }

    @Test
    default void logoutOfAllDevicesWhenNoBearerTokenThenUnauthorizedAndNothingIsRevoked() {
        Tokens tokens = app().login("alice", ALICE_PASSWORD);
        HttpResult result = postJson("/auth/logout", json("allDevices", true, "refreshToken", tokens.refresh()));
        assertEquals(401, result.status(), result::toString);
        assertTrue(result.header("WWW-Authenticate").orElse("").startsWith("Bearer "), result::toString);
        assertEquals(200, app().refresh(tokens.access(), tokens.refresh()).status(), "nothing was revoked");
    }

    @Test
    default void logoutOfAllDevicesWhenBearerIsForgedThenInvalidTokenChallenge() {
        Tokens tokens = app().login("alice", ALICE_PASSWORD);
        String forged = forge().header("alg", "HS512").mac(HostileApp.SECRET.getBytes(StandardCharsets.UTF_8),
                "HmacSHA256");
        app().remember(forged);
        HttpResult result = app().refused(() -> app().auth().logoutAllDevices(forged));
        assertChallenge(result, 401, "invalid_token", INVALID_TOKEN);
        assertEquals(200, app().refresh(tokens.access(), tokens.refresh()).status());
    }

    private String chunked(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder request = new StringBuilder("POST ").append(app().app().uri(path).getRawPath())
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
                .append("Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < bytes.length; i += 8192) {
            int n = Math.min(8192, bytes.length - i);
            request.append(Integer.toHexString(n)).append("\r\n").append(body, i, i + n).append("\r\n");
        }
        return request.append("0\r\n\r\n").toString();
    }
}
