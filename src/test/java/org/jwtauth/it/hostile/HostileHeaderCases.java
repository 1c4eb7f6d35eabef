package org.jwtauth.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.it.hostile.HostileApp.ALICE_PASSWORD;
import static org.jwtauth.it.hostile.HostileApp.INVALID_TOKEN;
import static org.jwtauth.it.hostile.HostileApp.REALM;
import static org.jwtauth.it.hostile.HostileApp.assertChallengeOnly;
import static org.jwtauth.it.hostile.HostileApp.assertInvalidToken;
import static org.jwtauth.it.hostile.HostileApp.assertMalformedRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.jwtauth.it.support.AuthCalls.Tokens;
import org.jwtauth.it.support.ContainerKind;
import org.jwtauth.it.support.HttpResult;

/**
 * The request around the token (RFC 6750 sections 2 and 3, RFC 9110 section 5.5): the Authorization header, the
 * URL, the method, the path and the container's header limits.
 */
interface HostileHeaderCases extends HostileCases {

    // --- controls: what a correct request gets, so that the refusals below mean something ---------------------

    @Test
    default void bearerWhenTokenIsValidThenTheApplicationIsReachedAsItsSubject() {
        int before = app().reached();
        Tokens tokens = app().login("alice", ALICE_PASSWORD);

        HttpResult result = app().bearer(tokens.access());

        assertEquals(200, result.status(), result::toString);
        assertEquals("reached as alice", result.body());
        assertEquals(before + 1, app().reached());
    }

    @Test
    default void bearerWhenHandForgedTokenIsCorrectThenTheApplicationIsReached() {
        // The forge itself is right: each hostile token differs from this one in one thing only.
        int before = app().reached();
        HttpResult result = app().bearer(validToken());

        assertEquals(200, result.status(), result::toString);
        assertEquals(before + 1, app().reached());
    }

    @Test
    default void bearerWhenSchemeIsLowerCaseThenTheApplicationIsReached() {
        // RFC 7235 section 2.1: the scheme is case-insensitive; the control for the scheme cases below.
        int before = app().reached();
        HttpResult result = app().app().http().get(app().api(), "Authorization",
                "bearer " + app().login("alice", ALICE_PASSWORD).access());
        assertEquals(200, result.status(), result::toString);
        assertEquals(before + 1, app().reached());
    }

    // --- no credentials, or not ours (RFC 6750 section 3.1) ----------------------------------------------------

    @Test
    default void requestWhenNoAuthorizationThenBareChallenge() {
        assertChallengeOnly(app().refused(() -> app().app().http().get(app().api())));
    }

    @Test
    default void requestWhenAnotherSchemeThenBareChallenge() {
        assertChallengeOnly(withAuthorization("Basic " + Base64.getEncoder().encodeToString(
                ("alice:" + ALICE_PASSWORD).getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    default void requestWhenTokenIsOnlyInAFormBodyThenBareChallenge() {
        // RFC 6750 section 2.2 is optional; the filter reads the Authorization header only.
        String token = app().login("alice", ALICE_PASSWORD).access();
        assertChallengeOnly(app().refused(() -> app().app().http().post(app().api(), "access_token=" + token,
                "Content-Type", "application/x-www-form-urlencoded")));
    }

    @Test
    default void requestWhenMethodOverrideHeaderSaysOptionsThenStillChallengedNotAPreflight() {
        assertChallengeOnly(app().refused(() -> app().app().http().get(app().api(), "X-HTTP-Method-Override",
                "OPTIONS")));
    }

    @Test
    default void optionsWhenNotACorsPreflightThenChallengedLikeAnyRequest() {
        // Only OPTIONS with Origin and Access-Control-Request-Method (Fetch standard 3.2.2) passes untouched.
        assertChallengeOnly(app().refused(() -> app().app().http().options(app().api())));
        assertChallengeOnly(app().refused(() -> app().app().http().options(app().api(),
                "Access-Control-Request-Method", "GET")));
    }

    @Test
    default void headWhenNoTokenOrABadTokenThenTheSameAnswersWithoutBody() {
        HttpResult none = app().refused(() -> app().app().http().send("HEAD", app().api(), null));
        assertEquals(401, none.status(), none::toString);
        assertEquals(List.of("Bearer realm=\"" + REALM + "\""), none.headers("WWW-Authenticate"), none::toString);

        String bad = forge().claim("iss", "other").sign();
        HttpResult result = app().refused(() -> app().app().http().send("HEAD", app().api(), null,
                "Authorization", "Bearer " + bad));
        assertEquals(401, result.status(), result::toString);
        assertEquals(List.of("Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\""
                + INVALID_TOKEN + "\""), result.headers("WWW-Authenticate"), result::toString);
        assertEquals("", result.body(), result::toString);
    }

    // --- malformed requests: 400 invalid_request --------------------------------------------------------------

    @Test
    default void requestWhenAuthorizationHeaderIsEmptyThenInvalidRequest() {
        assertMalformedRequest(withHeaderLines("Authorization:"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer    "})
    default void bearerWhenTokenIsEmptyThenInvalidRequest(String value) {
        // Sent raw, so that no client trims the value.
        assertMalformedRequest(withHeaderLines("Authorization: " + value));
    }

    @Test
    default void bearerWhenHeaderHoldsMoreThanOneTokenThenInvalidRequest() {
        String token = validToken();
        for (String value : List.of(token + " " + token, token + ", Bearer " + token, token + ",")) {
            assertMalformedRequest(withAuthorization("Bearer " + value));
        }
    }

    @Test
    default void bearerWhenTwoAuthorizationHeadersThenInvalidRequest() {
        String token = app().login("alice", ALICE_PASSWORD).access();
        assertMalformedRequest(withHeaderLines("Authorization: Bearer " + token, "Authorization: Bearer " + token));
    }

    @Test
    default void bearerWhenABasicAuthorizationHeaderComesTooThenInvalidRequest() {
        assertMalformedRequest(withHeaderLines("Authorization: Basic YWxpY2U6YWxpY2Utc2VjcmV0",
                "Authorization: Bearer " + validToken()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"access_token=", "%61ccess_token=", "access%5Ftoken=", "format=json&access_token="})
    default void requestWhenTokenIsInTheQueryStringThenInvalidRequestEvenWhenValid(String query) {
        String token = app().login("alice", ALICE_PASSWORD).access();
        assertMalformedRequest(app().refused(() -> app().app().http().get(
                app().app().uri("/api/orders?" + query + token))));
    }

    @Test
    default void bearerWhenTokenIsAlsoInTheQueryStringThenInvalidRequest() {
        String token = app().login("alice", ALICE_PASSWORD).access();
        assertMalformedRequest(app().refused(() -> app().app().http().get(
                app().app().uri("/api/orders?access_token=" + token), "Authorization", "Bearer " + token)));
    }

    @Test
    default void bearerWhenTokenContainsASpaceThenInvalidRequest() {
        String[] parts = validToken().split("\\.");
        assertMalformedRequest(withAuthorization("Bearer " + parts[0] + "." + parts[1] + " ." + parts[2]));
    }

    @Test
    default void bearerWhenPaddingInsideTheTokenThenInvalidRequest() {
        String[] parts = validToken().split("\\.");
        assertMalformedRequest(withAuthorization("Bearer " + parts[0] + "==." + parts[1] + "." + parts[2]));
    }

    // --- header bytes and sizes the containers may refuse first -------------------------------------------------

    /**
     * Bytes that RFC 9110 section 5.5 forbids in a field value. The container may refuse the request itself (400)
     * before any filter runs; if it passes the value on, the filter answers as the contract says for what it then
     * sees (see {@link ContainerAnswers}). Either way never 500, and the application is not reached.
     */
    static Stream<Arguments> forbiddenHeaderBytes() {
        return Stream.of(Arguments.of("bare CR", "Authorization: Bearer aaaa.bbbb\rX-Injected: 1.cccc"),
                Arguments.of("obsolete line folding", "Authorization: Bearer\r\n aaaa.bbbb.cccc"),
                Arguments.of("NUL", "Authorization: Bearer aaaa.bb\u0000bb.cccc"),
                Arguments.of("non-ASCII", "Authorization: Bearer aaaa.bb\u00f6bb.cccc"),
                Arguments.of("non-ASCII scheme", "Authorization: B\u00e9arer aaaa.bbbb.cccc"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jwtauth.it.hostile.HostileHeaderCases#forbiddenHeaderBytes")
    default void bearerWhenHeaderHasForbiddenBytesThenContainerOrFilterRefusesIt(String what, String line) {
        HttpResult result = withHeaderLines(line);
        switch (ContainerAnswers.forbiddenHeaderBytes(kind(), what)) {
            case FILTER_MALFORMED_REQUEST:
                assertMalformedRequest(result);
                break;
            case FILTER_CHALLENGE:
                assertChallengeOnly(result);
                break;
            case FILTER_INVALID_TOKEN:
                assertInvalidToken(result, INVALID_TOKEN);
                break;
            default:
                assertEquals(400, result.status(), result::toString);
                assertEquals(List.of(), result.headers("WWW-Authenticate"), "answered by the container: " + result);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {6200, 64 * 1024})
    default void bearerWhenTokenIsOverTheContainersHeaderLimitThenTheContainerRefusesIt(int padding) {
        // The library refuses tokens over 8 KB before parsing (design section 5), but both containers limit the
        // whole request head to 8 KB by default, so such a token never reaches the filter: the container answers.
        String token = forge().claim("padding", "x".repeat(padding)).sign();
        assertTrue(token.length() > 8192, () -> "token length " + token.length());
        app().remember(token);
        HttpResult result = withHeaderLines("Authorization: Bearer " + token);
        assertEquals(kind() == ContainerKind.JETTY ? 431 : 400, result.status(), result::toString);
        assertEquals(List.of(), result.headers("WWW-Authenticate"), result::toString);
    }

    @Test
    default void bearerWhenALargeTokenFitsTheContainersHeaderLimitThenItIsVerified() {
        String valid = forge().claim("padding", "x".repeat(5200)).sign();
        assertTrue(valid.length() > 6800 && valid.length() < 7700, () -> "token length " + valid.length());
        int before = app().reached();
        HttpResult result = app().bearer(valid);
        assertEquals(200, result.status(), result::toString);
        assertEquals(before + 1, app().reached());

        assertInvalidToken(bearer(forge().claim("padding", "x".repeat(5200))
                .mac("another-deployment-secret-0123456789-abcdefgh".getBytes(StandardCharsets.UTF_8),
                        "HmacSHA256")), INVALID_TOKEN);
    }

    // --- paths ---------------------------------------------------------------------------------------------------

    static Stream<Arguments> pathVariants() {
        return Stream.of(Arguments.of("path parameter", "/api;jsessionid=x/orders"),
                Arguments.of("double slash", "//api/orders"), Arguments.of("dot segment", "/./api/orders"),
                Arguments.of("dot-dot segment", "/public/../api/orders"),
                Arguments.of("encoded dot-dot", "/public/%2e%2e/api/orders"),
                Arguments.of("encoded slash", "/api%2forders"), Arguments.of("upper case", "/API/orders"),
                Arguments.of("trailing dot", "/api./orders"));
    }

    /** Path variants of the protected URL: the filter still runs, or the container refuses or finds nothing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jwtauth.it.hostile.HostileHeaderCases#pathVariants")
    default void requestWhenPathIsAVariantOfTheProtectedPathThenTheApplicationIsNeverReached(String what, String path) {
        String raw = app().app().baseUri().getRawPath().replaceFirst("/$", "") + path;
        HttpResult result = app().refused(() -> app().app().raw().send("GET", raw, null));
        int expected = ContainerAnswers.pathVariant(kind(), what);
        assertEquals(expected, result.status(), result::toString);
        if (expected == 401) {
            assertChallengeOnly(result);
        } else {
            assertEquals(List.of(), result.headers("WWW-Authenticate"), result::toString);
        }
    }
}
