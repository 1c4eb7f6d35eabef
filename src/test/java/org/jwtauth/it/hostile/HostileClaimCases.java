package org.jwtauth.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.it.hostile.HostileApp.EXPIRED_TOKEN;
import static org.jwtauth.it.hostile.HostileApp.INVALID_TOKEN;
import static org.jwtauth.it.hostile.HostileApp.assertInvalidToken;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.testing.JoseText;
import org.jwtauth.testing.TokenForge;

/**
 * The JSON of the header and the claims (RFC 7519 section 4, RFC 9068 sections 2 and 4, design section 5): every
 * claim of the wrong type or value, missing, out of time or duplicated makes the token invalid, never a server
 * error. The deployment's access tokens live 15 minutes, with the default 30 s clock skew.
 */
interface HostileClaimCases extends HostileCases {

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    // --- controls ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"application/at+jwt", "AT+JWT"})
    default void bearerWhenTypIsAMediaTypeSpellingOfAtJwtThenTheApplicationIsReached(String typ) {
        // RFC 9068 section 4 and RFC 7515 section 4.1.9: "application/at+jwt", compared case-insensitively.
        int before = app().reached();
        HttpResult result = app().bearer(forge().header("typ", typ).sign());
        assertEquals(200, result.status(), () -> typ + ": " + result);
        assertEquals(before + 1, app().reached());
    }

    @Test
    default void bearerWhenExpiredWithinTheClockSkewThenTheApplicationIsReached() {
        int before = app().reached();
        HttpResult result = app().bearer(forge().claim("iat", now() - 605).claim("exp", now() - 5).sign());
        assertEquals(200, result.status(), result::toString);
        assertEquals(before + 1, app().reached());
    }

    // --- JSON --------------------------------------------------------------------------------------------------

    @Test
    default void bearerWhenJsonIsNestedThousandsDeepThenInvalidTokenWithoutStackOverflow() {
        String deep = "[".repeat(2000) + "\"alice\"" + "]".repeat(2000);
        TokenForge deepSubject = forge();
        deepSubject.payloadJson(deepSubject.payloadText().replace("\"sub\":\"alice\"", "\"sub\":" + deep));
        assertInvalidToken(bearer(signedBySecret(deepSubject)), INVALID_TOKEN);
        TokenForge deepHeader = forge();
        deepHeader.headerJson(deepHeader.headerText().replaceFirst("\\}$", ",\"x\":" + deep + "}")
                .replace("\"kid\":", "\"kid\":" + "[".repeat(10) + "\"k\"" + "]".repeat(10) + ",\"old-kid\":"));
        assertInvalidToken(bearer(signedBySecret(deepHeader)), INVALID_TOKEN);
        // A payload that is nothing but nesting, correctly signed.
        assertInvalidToken(bearer(signedBySecret(forge().payloadJson("[".repeat(2500) + "]".repeat(2500)))),
                INVALID_TOKEN);
    }

    @Test
    default void bearerWhenJoseHeaderIsNoJsonObjectOrItsKidIsHostileJsonThenInvalidToken() {
        String sig = "c2lnbmF0dXJl";
        String payload = JoseText.b64("{}");
        assertInvalidToken(bearer(JoseText.b64("not json") + "." + payload + "." + sig), INVALID_TOKEN);
        assertInvalidToken(bearer(JoseText.b64("[]") + "." + payload + "." + sig), INVALID_TOKEN);
        assertInvalidToken(bearer(JoseText.b64("{\"alg\":\"HS256\",\"kid\":{\"$ref\":1}}") + "." + payload + "."
                + sig), INVALID_TOKEN);
        String deep = "[".repeat(2500) + "]".repeat(2500);
        assertInvalidToken(bearer(JoseText.b64("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":" + deep + "}") + "."
                + payload + "." + sig), INVALID_TOKEN);
    }

    @Test
    default void bearerWhenAClaimNameIsDuplicatedThenInvalidToken() {
        // RFC 7519 section 4: names must be unique; "sub":"alice" then "sub":"bob" must not log anyone in as bob.
        TokenForge token = forge();
        token.payloadJson(token.payloadText().replaceFirst("\\}$", ",\"sub\":\"bob\"}"));
        assertInvalidToken(bearer(signedBySecret(token)), INVALID_TOKEN);
    }

    @Test
    default void bearerWhenAHeaderNameIsDuplicatedThenInvalidToken() {
        TokenForge token = forge();
        token.headerJson(token.headerText().replaceFirst("^\\{", "{\"alg\":\"none\","));
        assertInvalidToken(bearer(signedBySecret(token)), INVALID_TOKEN);
    }

    // --- claims ------------------------------------------------------------------------------------------------

    static Stream<Arguments> wrongClaims() {
        long now = now();
        return Stream.of(Arguments.of("sub", 42), Arguments.of("sub", ""), Arguments.of("sub", List.of("alice")),
                Arguments.of("sub", Map.of("name", "alice")), Arguments.of("exp", String.valueOf(now + 600)),
                Arguments.of("exp", "tomorrow"), Arguments.of("exp", -1), Arguments.of("exp", Long.MIN_VALUE),
                Arguments.of("exp", Long.MAX_VALUE),
                // Valid for longer than the configured lifetime.
                Arguments.of("exp", now + 365L * 24 * 3600),
                Arguments.of("iat", String.valueOf(now)), Arguments.of("iat", List.of(1)),
                // exp - iat must not overflow into an accepted validity.
                Arguments.of("iat", Long.MIN_VALUE), Arguments.of("iat", now + 3600),
                // Not yet valid beyond the 30 s skew.
                Arguments.of("nbf", now + 120), Arguments.of("nbf", now + 3600),
                Arguments.of("jti", 7), Arguments.of("sid", List.of("f")),
                Arguments.of("roles", "admin"), Arguments.of("roles", List.of(1, 2)),
                Arguments.of("roles", Arrays.asList("user", null)),
                Arguments.of("iss", "https://evil.test"), Arguments.of("iss", List.of(HostileApp.ISSUER)),
                Arguments.of("aud", "api://someone-else"), Arguments.of("aud", 42));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("org.jwtauth.it.hostile.HostileClaimCases#wrongClaims")
    default void bearerWhenAClaimHasAWrongTypeOrValueThenInvalidToken(String claim, Object value) {
        assertInvalidToken(bearer(forge().claim(claim, value).sign()), INVALID_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exp", "iat", "sub", "jti", "sid", "iss", "aud"})
    default void bearerWhenARequiredClaimIsMissingThenInvalidToken(String claim) {
        assertInvalidToken(bearer(forge().withoutClaim(claim).sign()), INVALID_TOKEN);
    }

    @Test
    default void bearerWhenExpIs1e300ThenInvalidToken() {
        // 1e300 reads as Long.MAX_VALUE; exp - iat must not overflow into an accepted validity.
        TokenForge token = forge();
        token.payloadJson(token.payloadText().replaceFirst("\"exp\":\\d+", "\"exp\":1e300"));
        assertTrue(token.payloadText().contains("1e300"));
        assertInvalidToken(bearer(signedBySecret(token)), INVALID_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(longs = {60, 300})
    default void bearerWhenExpiredBeyondTheClockSkewThenExpiredToken(long secondsAgo) {
        String token = forge().claim("iat", now() - secondsAgo - 600).claim("exp", now() - secondsAgo).sign();
        assertInvalidToken(bearer(token), EXPIRED_TOKEN);
    }

    @Test
    default void bearerWhenIssuedInTheFutureBeyondTheClockSkewThenInvalidToken() {
        assertInvalidToken(bearer(forge().claim("iat", now() + 120).claim("exp", now() + 720).sign()),
                INVALID_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JWT", "at+JWT+x", "application/jwt"})
    default void bearerWhenTypIsNotAnAccessTokenTypeThenInvalidToken(String typ) {
        // RFC 9068 section 4: an ID token or any other JWT signed with the same key is not an access token.
        assertInvalidToken(bearer(forge().header("typ", typ).sign()), INVALID_TOKEN);
    }

    @Test
    default void bearerWhenTypIsMissingThenInvalidToken() {
        assertInvalidToken(bearer(forge().withoutHeader("typ").sign()), INVALID_TOKEN);
    }
}
