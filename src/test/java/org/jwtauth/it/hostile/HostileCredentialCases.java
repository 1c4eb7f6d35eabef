package org.jwtauth.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.jwtauth.it.hostile.HostileApp.ALICE_PASSWORD;
import static org.jwtauth.it.hostile.HostileApp.BAD_BODY;
import static org.jwtauth.it.hostile.HostileApp.BAD_CREDENTIALS;
import static org.jwtauth.it.hostile.HostileApp.assertEndpointError;
import static org.jwtauth.it.hostile.HostileApp.json;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.jwtauth.it.support.AuthCalls.Tokens;
import org.jwtauth.it.support.HttpResult;

/**
 * Credentials where they do not belong (RFC 6750 section 5.3: no credentials or tokens in URLs, which end up in
 * access logs and browser histories) and usernames that are not what they seem: the token endpoints read only
 * their body, refuse a URL that carries a credential, and bound the username before the database.
 */
interface HostileCredentialCases extends HostileCases {

    String IN_URL = "Credentials and tokens must be sent in the request body, never in the URL";
    String FORM = "application/x-www-form-urlencoded";

    private URI withQuery(String path, String query) {
        return URI.create(app().app().uri(path) + "?" + query);
    }

    private HttpResult postForm(URI uri, String body) {
        return app().refused(() -> app().app().http().post(uri, body, "Content-Type", FORM));
    }

    private HttpResult postJson(URI uri, String body) {
        return app().refused(() -> app().app().http().postJson(uri, body));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    default void loginWhenCredentialsAreInTheQueryOfAnEmptyFormThenInvalidRequestNotALogin() {
        HttpResult result = postForm(withQuery("/auth/login", "username=alice&password=" + enc(ALICE_PASSWORD)), "");
        assertEndpointError(result, 400, "invalid_request", IN_URL);
    }

    @Test
    default void loginWhenThePasswordIsInTheQueryAndTheUsernameInTheFormThenInvalidRequest() {
        HttpResult result = postForm(withQuery("/auth/login", "password=" + enc(ALICE_PASSWORD)), "username=alice");
        assertEndpointError(result, 400, "invalid_request", IN_URL);
    }

    @Test
    default void loginWhenTheQueryRepeatsTheJsonBodysCredentialsThenInvalidRequest() {
        HttpResult result = postJson(withQuery("/auth/login", "password=" + enc(ALICE_PASSWORD)),
                json("username", "alice", "password", ALICE_PASSWORD));
        assertEndpointError(result, 400, "invalid_request", IN_URL);
    }

    @Test
    default void loginWhenTheQueryHasAnEncodedFieldNameThenInvalidRequest() {
        HttpResult result = postForm(withQuery("/auth/login", "pass%77ord=x"), "username=alice&password="
                + enc(ALICE_PASSWORD));
        assertEndpointError(result, 400, "invalid_request", IN_URL);
    }

    @Test
    default void loginWhenTheQueryHoldsOnlyUnrelatedParametersThenTheyAreIgnored() {
        HttpResult form = app().app().http().post(withQuery("/auth/login", "lang=en&x=1"),
                "username=alice&password=" + enc(ALICE_PASSWORD), "Content-Type", FORM);
        assertEquals(200, form.status(), form::toString);
        HttpResult body = app().app().http().postJson(withQuery("/auth/login", "lang=en"),
                json("username", "alice", "password", ALICE_PASSWORD));
        assertEquals(200, body.status(), body::toString);
        app().remember((String) form.json().get("refreshToken"), (String) body.json().get("refreshToken"));
    }

    @ParameterizedTest(name = "{1} in the query, {0}")
    @CsvSource({FORM + ", refreshToken", FORM + ", accessToken", "application/json, refreshToken",
            "application/json, accessToken"})
    default void refreshWhenATokenIsInTheQueryThenInvalidRequestAndTheRefreshTokenIsNotConsumed(String type,
            String inQuery) {
        Tokens tokens = app().login("alice", ALICE_PASSWORD);
        Map<String, String> values = Map.of("accessToken", tokens.access(), "refreshToken", tokens.refresh());
        String inBody = inQuery.equals("accessToken") ? "refreshToken" : "accessToken";
        String body = type.equals(FORM) ? inBody + "=" + values.get(inBody) : json(inBody, values.get(inBody));
        HttpResult result = app().refused(() -> app().app().http().post(withQuery("/auth/refresh", inQuery + "="
                + values.get(inQuery)), body, "Content-Type", type));
        assertEndpointError(result, 400, "invalid_request", IN_URL);
        assertEquals(200, app().refresh(tokens.access(), tokens.refresh()).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {FORM, "application/json"})
    default void logoutWhenTheRefreshTokenIsInTheQueryThenInvalidRequestAndNothingIsRevoked(String type) {
        Tokens tokens = app().login("alice", ALICE_PASSWORD);
        String body = type.equals(FORM) ? "" : "{}";
        HttpResult result = app().refused(() -> app().app().http().post(withQuery("/auth/logout", "refresh_token="
                + tokens.refresh()), body, "Content-Type", type));
        assertEndpointError(result, 400, "invalid_request", IN_URL);
        assertEquals(200, app().refresh(tokens.access(), tokens.refresh()).status(), "nothing was revoked");
    }

    @Test
    default void logoutWhenAllDevicesIsOnlyInTheQueryThenItIsIgnoredAndOnlyThisSessionEnds() {
        Tokens phone = app().login("alice", ALICE_PASSWORD);
        Tokens laptop = app().login("alice", ALICE_PASSWORD);
        HttpResult result = app().refused(() -> app().app().http().post(withQuery("/auth/logout", "allDevices=true"),
                "refreshToken=" + phone.refresh(), "Content-Type", FORM, "Authorization", "Bearer " + phone.access()));
        assertEquals(204, result.status(), result::toString);
        assertEquals(200, app().refresh(laptop.access(), laptop.refresh()).status(), "the other device survives");
    }

    // --- usernames ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"alice ", " alice", "alice\t", "alice\u00a0", "ali\u0007ce", "alice\n"})
    default void loginWhenTheUsernameHasSurroundingWhiteSpaceOrControlCharactersThenInvalidGrant(String username) {
        assertEndpointError(app().refused(() -> app().auth().login(username, ALICE_PASSWORD)), 400, "invalid_grant",
                BAD_CREDENTIALS);
        assertEndpointError(app().refused(() -> app().auth().loginForm(username, ALICE_PASSWORD)), 400,
                "invalid_grant", BAD_CREDENTIALS);
    }

    /** The store's subject column holds 255 characters; a longer username never reaches the database. */
    @Test
    default void loginWhenTheUsernameIsLongerThanTheSubjectColumnThenInvalidRequest() {
        assertEndpointError(app().refused(() -> app().auth().login("a".repeat(256), ALICE_PASSWORD)), 400,
                "invalid_request", BAD_BODY);
    }
}
