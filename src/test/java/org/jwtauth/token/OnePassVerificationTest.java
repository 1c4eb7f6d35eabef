package org.jwtauth.token;

import static org.jwtauth.token.TestTokens.KEYS;
import static org.jwtauth.token.TestTokens.NOW;
import static org.jwtauth.token.TestTokens.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jwtauth.config.SigningAlgorithm;
import org.jwtauth.keys.HmacSigningKeys;
import org.jwtauth.testing.TokenForge;

/**
 * A token whose header is exactly ours is verified in one pass (signature on the text, claims parsed once); any
 * other header by jose4j's consumer. The two must agree on every token: each case is verified once with our
 * exact header and once with the same parameters in another order, which only the consumer path takes.
 */
class OnePassVerificationTest {

    private final AccessTokenVerifier verifier = TestTokens.verifier(TestTokens.fixedAt(NOW + 60));

    /** Our header, byte for byte as the issuer writes it. */
    private static final String OURS = new String(Base64.getUrlDecoder().decode(
            OwnTokenHeader.encoded("HS256", KEYS.signingKeyId())), StandardCharsets.UTF_8);
    /** The same parameters in another order: a header the one-pass path does not recognise. */
    private static final String REORDERED = "{\"kid\":\"" + KEYS.signingKeyId() + "\",\"alg\":\"HS256\",\"typ\":\"at+jwt\"}";

    static Stream<Arguments> payloads() {
        Map<String, Object> good = TestTokens.claims();
        return Stream.of(
                Arguments.of("correct", TokenForge.jws().claims(good).payloadText()),
                Arguments.of("another issuer", with(good, "iss", "https://evil.test")),
                Arguments.of("another audience", with(good, "aud", "api://billing")),
                Arguments.of("audience list with ours", with(good, "aud", List.of("api://billing", TestTokens.AUDIENCE))),
                Arguments.of("issuer not a string", with(good, "iss", 42)),
                Arguments.of("no exp", without(good, "exp")),
                Arguments.of("no sub", without(good, "sub")),
                Arguments.of("no sid", without(good, "sid")),
                Arguments.of("exp in the past", with(good, "exp", NOW - 3600)),
                Arguments.of("iat in the future", with(good, "iat", NOW + 3600)),
                Arguments.of("roles not a list", with(good, "roles", Map.of("a", 1))),
                Arguments.of("duplicate claim", TokenForge.jws().claims(good).payloadText()
                        .replaceFirst("\\{", "{\"sub\":\"mallory\",")),
                Arguments.of("not JSON", "not json"),
                Arguments.of("a JSON array", "[1,2,3]"),
                Arguments.of("deeply nested", "{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}"),
                Arguments.of("huge number", TokenForge.jws().claims(good).payloadText()
                        .replaceFirst("\"exp\":\\d+", "\"exp\":1e300")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void verifyWhenHeaderIsExactlyOursThenTheSameOutcomeAsThroughTheConsumer(String name, String payload) {
        String onePass = TestTokens.sign(OURS, payload, SECRET, "HmacSHA256");
        String consumer = TestTokens.sign(REORDERED, payload, SECRET, "HmacSHA256");

        assertEquals(true, verifier.takesOnePass(onePass));
        assertEquals(false, verifier.takesOnePass(consumer));
        assertEquals(outcome(consumer), outcome(onePass));
    }

    @Test
    void verifyWhenHeaderIsOursButTheSignatureIsAnotherKeysThenInvalid() {
        String token = TestTokens.sign(OURS, TokenForge.jws().claims(TestTokens.claims()).payloadText(),
                TestTokens.OTHER_SECRET, "HmacSHA256");

        assertEquals("refused: INVALID", outcome(token));
    }

    @Test
    void verifyWhenHeaderIsOursAndTheSignatureIsTruncatedThenInvalid() {
        String token = TestTokens.sign(OURS, TokenForge.jws().claims(TestTokens.claims()).payloadText(), SECRET,
                "HmacSHA256");
        int dot = token.lastIndexOf('.');
        byte[] half = Arrays.copyOf(Base64.getUrlDecoder().decode(token.substring(dot + 1)), 16);
        String truncated = token.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(half);

        assertNotEquals("refused: INVALID", outcome(token));
        assertEquals("refused: INVALID", outcome(truncated));
    }

    @Test
    void verifyWhenTokenIsSignedWithThePreviousSecretThenAcceptedThroughItsOwnHeader() throws Exception {
        byte[] previous = "the-previous-secret-0123456789-abcdefghijklmnop".getBytes(StandardCharsets.UTF_8);
        HmacSigningKeys rotated = new HmacSigningKeys(SigningAlgorithm.HS256, SECRET, previous);
        HmacSigningKeys before = new HmacSigningKeys(SigningAlgorithm.HS256, previous);
        String old = new AccessTokenIssuer(before, TestTokens.ISSUER, TestTokens.AUDIENCE, TestTokens.ROLES,
                TestTokens.LIFETIME, TestTokens.fixedAt(NOW)).issue("alice", List.of("user"), "s1", Map.of()).token();
        AccessTokenVerifier afterRotation = AccessTokenVerifier.forOwnTokens(rotated, TestTokens.ISSUER,
                TestTokens.AUDIENCE, TestTokens.ROLES, TestTokens.LIFETIME, TestTokens.SKEW, TestTokens.fixedAt(NOW));

        assertEquals("alice", afterRotation.verify(old).getName());
        assertThrows(InvalidTokenException.class, () -> AccessTokenVerifier.forOwnTokens(
                new HmacSigningKeys(SigningAlgorithm.HS256, SECRET), TestTokens.ISSUER, TestTokens.AUDIENCE,
                TestTokens.ROLES, TestTokens.LIFETIME, TestTokens.SKEW, TestTokens.fixedAt(NOW)).verify(old));
    }

    @Test
    void issuedTokensCarryExactlyTheHeaderTheOnePassPathRecognises() {
        String token = new AccessTokenIssuer(KEYS, TestTokens.ISSUER, TestTokens.AUDIENCE, TestTokens.ROLES,
                TestTokens.LIFETIME, TestTokens.fixedAt(NOW)).issue("alice", List.of(), "s1", Map.of()).token();

        assertEquals(OwnTokenHeader.encoded("HS256", KEYS.signingKeyId()), token.substring(0, token.indexOf('.')));
    }

    private String outcome(String token) {
        try {
            JwtPrincipal principal = verifier.verify(token);
            return "accepted: " + principal.getName() + " " + principal.roles() + " " + principal.claims();
        } catch (InvalidTokenException e) {
            return "refused: " + e.reason();
        }
    }

    private static String with(Map<String, Object> claims, String name, Object value) {
        return TokenForge.jws().claims(claims).claim(name, value).payloadText();
    }

    private static String without(Map<String, Object> claims, String name) {
        return TokenForge.jws().claims(claims).withoutClaim(name).payloadText();
    }
}
