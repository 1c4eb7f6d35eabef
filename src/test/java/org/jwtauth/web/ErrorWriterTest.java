package org.jwtauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;

/** RFC 6750 section 3 challenges and RFC 6749 section 5.2 JSON bodies, written in one place. */
class ErrorWriterTest {

    private final Fakes.Response response = new Fakes.Response();

    @Test
    void writeChallengeWhenNoErrorCodeThenChallengeHasOnlyTheRealmAndThereIsNoBody() throws Exception {
        ErrorWriter.write(response.proxy(), "r", OAuthError.challengeOnly());
        assertEquals(401, response.status);
        assertEquals("Bearer realm=\"r\"", response.header("WWW-Authenticate"));
        assertEquals(0, response.body.size());
        assertEquals(0, response.contentLength);
        assertNull(response.contentType);
        assertEquals("no-store", response.header("Cache-Control"));
    }

    @Test
    void writeChallengeWhenInvalidTokenThenChallengeHasErrorAndDescriptionInThisExactSyntax() throws Exception {
        ErrorWriter.write(response.proxy(), "r",
                OAuthError.of(401, ErrorCode.INVALID_TOKEN, "The access token expired").asChallenge());
        assertEquals(401, response.status);
        assertEquals("Bearer realm=\"r\", error=\"invalid_token\", error_description=\"The access token expired\"",
                response.header("WWW-Authenticate"));
    }

    @Test
    void writeChallengeWhenErrorCodeThenJsonBodyHasErrorAndDescription() throws Exception {
        ErrorWriter.write(response.proxy(), "r",
                OAuthError.of(403, ErrorCode.INSUFFICIENT_SCOPE, "Needs a role").asChallenge());
        assertEquals(403, response.status);
        assertTrue(response.contentType.startsWith("application/json"), response.contentType);
        Map<String, Object> body = JsonUtil.parseJson(response.bodyText());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("error", "insufficient_scope");
        expected.put("error_description", "Needs a role");
        assertEquals(expected, body);
        assertEquals(response.body.size(), response.contentLength);
        assertEquals("{\"error\":\"insufficient_scope\",\"error_description\":\"Needs a role\"}", response.bodyText());
    }

    @Test
    void writeChallengeWhenRealmHasQuotesAndBackslashesThenTheyAreEscaped() throws Exception {
        ErrorWriter.write(response.proxy(), "my \"app\"\\x", OAuthError.challengeOnly());
        assertEquals("Bearer realm=\"my \\\"app\\\"\\\\x\"", response.header("WWW-Authenticate"));
    }

    @Test
    void writeChallengeWhenRealmHasControlCharactersThenTheyAreDropped() throws Exception {
        ErrorWriter.write(response.proxy(), "a\r\nSet-Cookie: x\u0000\u007f", OAuthError.challengeOnly());
        assertEquals("Bearer realm=\"aSet-Cookie: x\"", response.header("WWW-Authenticate"));
    }

    @Test
    void writeChallengeWhenDescriptionHasQuotesThenHeaderEscapesThemAndJsonStaysValid() throws Exception {
        ErrorWriter.write(response.proxy(), "r",
                OAuthError.of(400, ErrorCode.INVALID_REQUEST, "say \"hi\"").asChallenge());
        assertEquals("Bearer realm=\"r\", error=\"invalid_request\", error_description=\"say \\\"hi\\\"\"",
                response.header("WWW-Authenticate"));
        assertEquals("say \"hi\"", JsonUtil.parseJson(response.bodyText()).get("error_description"));
    }

    @Test
    void writeSetsNoStoreAndNoCacheHeaders() throws Exception {
        ErrorWriter.write(response.proxy(), "r", OAuthError.of(400, ErrorCode.INVALID_GRANT, "Bad grant"));
        assertEquals(400, response.status);
        assertEquals("no-store", response.header("Cache-Control"));
        assertEquals("no-cache", response.header("Pragma"));
        assertNull(response.header("WWW-Authenticate"));
        assertEquals("invalid_grant", JsonUtil.parseJson(response.bodyText()).get("error"));
    }

    @Test
    void writeWhenErrorCarriesExtraHeadersThenTheyAreSet() throws Exception {
        ErrorWriter.write(response.proxy(), "r",
                OAuthError.of(503, ErrorCode.TEMPORARILY_UNAVAILABLE, "Try later").withHeader("Retry-After", "5"));
        assertEquals(503, response.status);
        assertEquals("5", response.header("Retry-After"));
    }

    @Test
    void writeWhenResponseAlreadyCommittedThenNothingIsWritten() throws Exception {
        response.committed = true;
        ErrorWriter.write(response.proxy(), "r", OAuthError.of(400, ErrorCode.INVALID_GRANT, "Bad grant"));
        assertEquals(200, response.status);
        assertEquals(0, response.body.size());
        assertNull(response.header("Cache-Control"));
    }

    @Test
    void writeJsonWritesUtf8WithContentLengthInBytes() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "J\u00fcrgen");
        body.put("list", List.of("a", "b"));
        JsonWriter.write(response.proxy(), body);
        assertEquals("application/json;charset=UTF-8", response.contentType);
        assertEquals(response.body.size(), response.contentLength);
        assertEquals(body, JsonUtil.parseJson(response.bodyText()));
        assertEquals(1, response.body.size() - response.bodyText().length());
    }
}
