package org.jwtauth.token;

import static org.jwtauth.token.TestTokens.KEYS;
import static org.jwtauth.token.TestTokens.NOW;
import static org.jwtauth.token.TestTokens.SECRET;
import static org.jwtauth.testing.JoseText.b64;
import static org.jwtauth.token.TestTokens.claims;
import static org.jwtauth.testing.JoseText.decode;
import static org.jwtauth.token.TestTokens.header;
import static org.jwtauth.token.TestTokens.sign;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.HmacKey;
import org.jwtauth.token.InvalidTokenException.Reason;
import org.junit.jupiter.api.Test;
import org.jwtauth.testing.JoseText;
import org.jwtauth.testing.TokenForge;

/**
 * Every way an access token is refused (design section 5, RFC 8725), each starting from a correct hand-made
 * token that {@link #verifyWhenHandMadeTokenIsCorrectThenAccepted} shows is accepted.
 */
class AccessTokenVerifierTest {

    private final AccessTokenVerifier verifier = TestTokens.verifier(TestTokens.fixedAt(NOW));

    private void assertRefused(String token, Reason reason) {
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> verifier.verify(token));
        assertEquals(reason, e.reason());
        // Fixed, client-safe texts only: never the token, nor a claim value.
        assertEquals(reason.description(), e.getMessage());
        assertFalse(e.getMessage().contains("alice"));
        assertNull(e.getCause());
    }

    private void assertAccepted(String token) {
        JwtPrincipal p = assertDoesNotThrow(() -> verifier.verify(token));
        assertEquals("alice", p.getName());
    }

    private static String withClaim(String name, Object value) {
        Map<String, Object> c = claims();
        c.put(name, value);
        return sign(header(), c);
    }

    private static String withoutClaim(String name) {
        Map<String, Object> c = claims();
        c.remove(name);
        return sign(header(), c);
    }

    private static String withHeader(String name, Object value) {
        Map<String, Object> h = header();
        if (value == null) {
            h.remove(name);
        } else {
            h.put(name, value);
        }
        return sign(h, claims());
    }

    @Test
    void verifyWhenHandMadeTokenIsCorrectThenAccepted() throws Exception {
        JwtPrincipal p = verifier.verify(sign(header(), claims()));
        assertEquals("alice", p.getName());
        assertEquals("family-1", p.sessionId());
        assertEquals(Set.of("user"), p.roles());
    }

    // --- time ---------------------------------------------------------------------------------------------

    @Test
    void verifyWhenTokenExpiredBeyondSkewThenExpired() {
        assertRefused(sign(header(), claims(NOW - 931, NOW - 31)), Reason.EXPIRED);
    }

    @Test
    void verifyWhenTokenExpiredWithinSkewThenAccepted() {
        assertAccepted(sign(header(), claims(NOW - 929, NOW - 29)));
    }

    @Test
    void verifyWhenExpiredExactlyBySkewThenExpired() {
        // RFC 7519 section 4.1.4: the current time must be before exp (plus leeway), not equal to it.
        assertRefused(sign(header(), claims(NOW - 930, NOW - 30)), Reason.EXPIRED);
    }

    @Test
    void verifyWhenIssuedInTheFutureBeyondSkewThenInvalid() {
        assertRefused(sign(header(), claims(NOW + 31, NOW + 31 + 900)), Reason.INVALID);
    }

    @Test
    void verifyWhenIssuedInTheFutureWithinSkewThenAccepted() {
        assertAccepted(sign(header(), claims(NOW + 30, NOW + 30 + 900)));
    }

    @Test
    void verifyWhenNotBeforeInTheFutureBeyondSkewThenInvalid() {
        assertRefused(withClaim("nbf", NOW + 31), Reason.INVALID);
        assertAccepted(withClaim("nbf", NOW + 30));
    }

    @Test
    void verifyWhenValidityLongerThanLifetimePlusSkewThenInvalid() {
        assertRefused(withClaim("exp", NOW + 900 + 31), Reason.INVALID);
        assertAccepted(withClaim("exp", NOW + 900 + 30));
    }

    @Test
    void verifyWhenExpIsHugeThenInvalid() {
        assertRefused(sign(JsonUtil.toJson(header()),
                JsonUtil.toJson(claims()).replaceFirst("\"exp\":\\d+", "\"exp\":1e300"), SECRET, "HmacSHA256"),
                Reason.INVALID);
        assertRefused(withClaim("exp", Long.MAX_VALUE), Reason.INVALID);
    }

    @Test
    void verifyWhenExpIsNegativeThenInvalid() {
        assertRefused(withClaim("exp", -1), Reason.INVALID);
        assertRefused(withClaim("exp", Long.MIN_VALUE), Reason.INVALID);
    }

    @Test
    void verifyWhenExpBeforeIatThenInvalid() {
        assertRefused(withClaim("exp", NOW - 1), Reason.INVALID);
    }

    @Test
    void verifyWhenExpIsNotANumberThenInvalid() {
        assertRefused(withClaim("exp", String.valueOf(NOW + 900)), Reason.INVALID);
    }

    @Test
    void verifyWhenExpMissingThenInvalid() {
        assertRefused(withoutClaim("exp"), Reason.INVALID);
    }

    @Test
    void verifyWhenIatMissingThenInvalid() {
        assertRefused(withoutClaim("iat"), Reason.INVALID);
    }

    // --- issuer, audience, type ---------------------------------------------------------------------------

    @Test
    void verifyWhenIssuerWrongOrMissingThenInvalid() {
        assertRefused(withClaim("iss", "https://evil.test"), Reason.INVALID);
        assertRefused(withoutClaim("iss"), Reason.INVALID);
    }

    @Test
    void verifyWhenAudienceWrongOrMissingThenInvalid() {
        assertRefused(withClaim("aud", "api://billing"), Reason.INVALID);
        assertRefused(withClaim("aud", List.of("api://billing", "api://other")), Reason.INVALID);
        assertRefused(withoutClaim("aud"), Reason.INVALID);
    }

    @Test
    void verifyWhenAudienceIsArrayContainingOursThenAccepted() {
        assertAccepted(withClaim("aud", List.of("api://billing", TestTokens.AUDIENCE)));
    }

    @Test
    void verifyWhenTypMissingThenInvalid() {
        assertRefused(withHeader("typ", null), Reason.INVALID);
    }

    @Test
    void verifyWhenTypIsPlainJwtThenInvalid() {
        assertRefused(withHeader("typ", "JWT"), Reason.INVALID);
    }

    @Test
    void verifyWhenTypIsTheFullMediaTypeThenAccepted() {
        // RFC 9068 section 2.1 / RFC 7515 section 4.1.9: "application/" may be present.
        assertAccepted(withHeader("typ", "application/at+jwt"));
    }

    // --- subject, session, jti, roles ---------------------------------------------------------------------

    /** Refused when the claim is missing, empty, or {@code notAString}. */
    private void assertRefusedUnlessNonEmptyString(String claim, Object notAString) {
        assertRefused(withoutClaim(claim), Reason.INVALID);
        assertRefused(withClaim(claim, ""), Reason.INVALID);
        assertRefused(withClaim(claim, notAString), Reason.INVALID);
    }

    @Test
    void verifyWhenSubjectMissingEmptyOrNotAStringThenInvalid() {
        assertRefusedUnlessNonEmptyString("sub", 42);
    }

    @Test
    void verifyWhenSessionIdMissingEmptyOrNotAStringThenInvalid() {
        assertRefusedUnlessNonEmptyString("sid", List.of("family-1"));
    }

    @Test
    void verifyWhenJtiMissingEmptyOrNotAStringThenInvalid() {
        assertRefusedUnlessNonEmptyString("jti", 7);
    }

    @Test
    void verifyWhenRolesIsNotAnArrayOfStringsThenInvalid() {
        assertRefused(withClaim("roles", "admin"), Reason.INVALID);
        assertRefused(withClaim("roles", List.of(1, 2)), Reason.INVALID);
        assertRefused(withClaim("roles", Map.of("admin", true)), Reason.INVALID);
    }

    @Test
    void verifyWhenRolesContainNullOrAreNullThenRefusedOrEmptyButNeverARuntimeException() {
        assertRefused(withClaim("roles", java.util.Arrays.asList("user", null)), Reason.INVALID);
        String nullRoles = sign(JsonUtil.toJson(header()),
                JsonUtil.toJson(claims()).replaceFirst("\"roles\":\\[\"user\"\\]", "\"roles\":null"), SECRET,
                "HmacSHA256");
        assertTrue(JoseText.decode(nullRoles.split("\\.")[1]).contains("\"roles\":null"));
        try {
            assertEquals(Set.of(), verifier.verify(nullRoles).roles());
        } catch (InvalidTokenException e) {
            assertEquals(Reason.INVALID, e.reason());
        }
    }

    @Test
    void verifyWhenRolesClaimAbsentThenNoRoles() throws Exception {
        assertEquals(Set.of(), verifier.verify(withoutClaim("roles")).roles());
    }

    // --- signature, key, algorithm ------------------------------------------------------------------------

    @Test
    void verifyWhenSignedWithAnotherSecretThenInvalid() {
        assertRefused(sign(JsonUtil.toJson(header()), JsonUtil.toJson(claims()), TestTokens.OTHER_SECRET, "HmacSHA256"),
                Reason.INVALID);
    }

    @Test
    void verifyWhenPayloadChangedAfterSigningThenInvalid() {
        String[] parts = sign(header(), claims()).split("\\.");
        Map<String, Object> c = claims();
        c.put("roles", List.of("admin"));
        assertRefused(parts[0] + "." + b64(JsonUtil.toJson(c)) + "." + parts[2], Reason.INVALID);
    }

    @Test
    void verifyWhenKidUnknownOrMissingThenInvalid() {
        assertRefused(withHeader("kid", "some-other-key"), Reason.INVALID);
        assertRefused(withHeader("kid", null), Reason.INVALID);
    }

    @Test
    void verifyWhenAlgIsNoneThenInvalid() {
        String token = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + KEYS.signingKeyId() + "\"}") + "."
                + b64(JsonUtil.toJson(claims())) + ".";
        // No signature segment at all is not even the right shape.
        assertRefused(token, Reason.MALFORMED);
        // With a dummy third segment it is the right shape, and still refused.
        assertRefused(token + "AAAA", Reason.INVALID);
    }

    @Test
    void verifyWhenAlgIsNoneThroughJose4jThenInvalid() throws Exception {
        String token = TokenForge.jws().header(header()).header("alg", AlgorithmIdentifiers.NONE).claims(claims()).sign();
        assertTrue(token.endsWith("."));
        assertRefused(token, Reason.MALFORMED);
    }

    @Test
    void verifyWhenAlgIsHs384WithTheSameSecretButHs256ConfiguredThenInvalid() {
        Map<String, Object> h = header();
        h.put("alg", "HS384");
        assertRefused(sign(JsonUtil.toJson(h), JsonUtil.toJson(claims()), SECRET, "HmacSHA384"), Reason.INVALID);
    }

    @Test
    void verifyWhenUnknownCriticalHeaderThenInvalid() {
        Map<String, Object> h = header();
        h.put("crit", List.of("x-must-understand"));
        h.put("x-must-understand", true);
        assertRefused(sign(h, claims()), Reason.INVALID);
    }

    @Test
    void verifyWhenEmbeddedJwkCarriesAttackerKeyThenItIsNotUsed() throws Exception {
        byte[] attackerSecret = "attacker-secret-0123456789-abcdefghijklmnop".getBytes();
        OctetSequenceJsonWebKey jwk = new OctetSequenceJsonWebKey(new HmacKey(attackerSecret));
        for (String kid : new String[] {KEYS.signingKeyId(), "attacker"}) {
            String token = TokenForge.hs256(attackerSecret).header("kid", kid)
                    .header("jwk", jwk.toParams(JsonWebKey.OutputControlLevel.INCLUDE_SYMMETRIC)).claims(claims()).sign();
            assertTrue(JoseText.decode(token.split("\\.")[0]).contains("\"jwk\""));
            assertTrue(jwk.toParams(JsonWebKey.OutputControlLevel.INCLUDE_SYMMETRIC).containsKey("k"));
            assertRefused(token, Reason.INVALID);
        }
    }

    @Test
    void verifyWhenNestedJwtWrapsAValidTokenThenInvalid() {
        String inner = sign(header(), claims());
        assertAccepted(inner);
        Map<String, Object> h = header();
        h.put("cty", "JWT");
        String outer = sign(JsonUtil.toJson(h), inner, SECRET, "HmacSHA256");
        assertRefused(outer, Reason.INVALID);
    }

    // --- shape --------------------------------------------------------------------------------------------

    @Test
    void verifyWhenNotThreeSegmentsThenMalformed() {
        String[] p = sign(header(), claims()).split("\\.");
        assertRefused(p[0] + "." + p[1], Reason.MALFORMED);
        assertRefused(p[0] + "." + p[1] + "." + p[2] + "." + p[2], Reason.MALFORMED);
        assertRefused(p[0] + ".." + p[2], Reason.MALFORMED);
        assertRefused("", Reason.MALFORMED);
        assertRefused(null, Reason.MALFORMED);
    }

    @Test
    void verifyWhenASegmentLengthIsImpossibleForBase64UrlThenMalformed() {
        String[] p = sign(header(), claims()).split("\\.");
        // Unpadded base64url never leaves one character over (RFC 4648 section 5).
        String signature = p[2].length() % 4 == 0 ? p[2] + "A" : p[2] + "AAAA".substring(0, 5 - p[2].length() % 4);
        assertEquals(1, signature.length() % 4);
        assertRefused(p[0] + "." + p[1] + "." + signature, Reason.MALFORMED);
    }

    @Test
    void verifyWhenJweShapedFiveSegmentsThenMalformed() {
        String jweHeader = b64("{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"typ\":\"at+jwt\"}");
        assertRefused(jweHeader + ".AAAA.BBBBBBBBBBBBBBBB.CCCCCCCC.DDDDDDDDDDDDDDDDDDDDDD", Reason.MALFORMED);
    }

    @Test
    void verifyWhenPaddingPlusSlashOrWhitespaceThenMalformed() {
        String token = sign(header(), claims());
        String[] p = token.split("\\.");
        assertRefused(token + "=", Reason.MALFORMED);
        assertRefused(p[0] + "==." + p[1] + "." + p[2], Reason.MALFORMED);
        assertRefused(token.replace('-', '+').replace('_', '/') + "+/", Reason.MALFORMED);
        assertRefused(p[0] + "." + p[1] + "." + p[2].substring(1) + "+", Reason.MALFORMED);
        assertRefused(p[0] + "." + p[1] + "." + p[2].substring(1) + "/", Reason.MALFORMED);
        assertRefused(" " + token, Reason.MALFORMED);
        assertRefused(token + "\n", Reason.MALFORMED);
        assertRefused(p[0] + ". " + p[1] + "." + p[2], Reason.MALFORMED);
        assertRefused(p[0] + "." + p[1] + "\t." + p[2], Reason.MALFORMED);
    }

    @Test
    void verifyWhenPayloadEncodingIsNotCanonicalThenMalformedEvenIfSignedCorrectly() {
        for (String pad : List.of("", "x", "xx")) {
            Map<String, Object> c = claims();
            c.put("pad", pad);
            String[] p = sign(header(), c).split("\\.");
            if (p[1].length() % 4 == 0) {
                continue;
            }
            assertAccepted(String.join(".", p));
            // RFC 4648 section 3.5: set a bit of the last character that encodes no data; it decodes the same.
            char last = p[1].charAt(p[1].length() - 1);
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            String payload = p[1].substring(0, p[1].length() - 1) + alphabet.charAt(alphabet.indexOf(last) | 1);
            assertEquals(decode(p[1]), decode(payload));
            String input = p[0] + "." + payload;
            String resigned = input + "." + b64(JoseText.mac(input.getBytes(StandardCharsets.US_ASCII), SECRET,
                    "HmacSHA256"));
            assertRefused(resigned, Reason.MALFORMED);
        }
    }

    @Test
    void verifyWhenTokenLongerThan8KbThenMalformedEvenIfSignedCorrectly() {
        String accepted = null;
        String refused = null;
        for (int pad = 7000; pad < 7000 + 10_000 && refused == null; pad++) {
            Map<String, Object> c = claims();
            c.put("pad", "x".repeat(pad - 7000));
            String t = sign(header(), c);
            if (t.length() <= 8192) {
                accepted = t;
            } else {
                refused = t;
            }
        }
        assertTrue(accepted.length() <= 8192 && accepted.length() > 8180, "length " + accepted.length());
        assertAccepted(accepted);
        assertTrue(refused.length() > 8192);
        assertRefused(refused, Reason.MALFORMED);
        assertRefused("a".repeat(5000) + "." + "b".repeat(5000) + ".c", Reason.MALFORMED);
    }

    @Test
    void verifyWhenSegmentsAreNotJsonThenInvalid() {
        assertRefused("aaaa.bbbb.cccc", Reason.INVALID);
        assertRefused(sign("{\"alg\":\"HS256\"", "{}", SECRET, "HmacSHA256"), Reason.INVALID);
        assertRefused(sign(JsonUtil.toJson(header()), "[1,2,3]", SECRET, "HmacSHA256"), Reason.INVALID);
        assertRefused(sign(JsonUtil.toJson(header()), "not json", SECRET, "HmacSHA256"), Reason.INVALID);
    }

    @Test
    void verifyWhenDeeplyNestedJsonWithin8KbThenNoErrorEscapes() {
        for (String[] brackets : new String[][] {{"[", "]"}, {"{\"a\":", "}"}}) {
            int depth = brackets[0].length() == 1 ? 2800 : 950;
            String nested = brackets[0].repeat(depth) + "1" + brackets[1].repeat(depth);
            String payload = JsonUtil.toJson(claims()).replaceFirst("\\}$", ",\"deep\":" + nested + "}");
            String token = sign(JsonUtil.toJson(header()), payload, SECRET, "HmacSHA256");
            assertTrue(token.length() <= 8192, "length " + token.length());
            assertDoesNotThrow(() -> {
                try {
                    verifier.verify(token);
                } catch (InvalidTokenException e) {
                    assertEquals(e.reason().description(), e.getMessage());
                }
            });
            // Nested in the header too.
            String headerJson = JsonUtil.toJson(header()).replaceFirst("\\}$", ",\"deep\":" + nested + "}");
            String token2 = sign(headerJson, JsonUtil.toJson(claims()), SECRET, "HmacSHA256");
            assertDoesNotThrow(() -> {
                try {
                    verifier.verify(token2);
                } catch (InvalidTokenException e) {
                    assertEquals(e.reason().description(), e.getMessage());
                }
            });
        }
    }

    @Test
    void verifyWhenJsonHasDuplicateClaimsThenTheLastDoesNotSilentlyChangeSubject() {
        // A duplicate member name (RFC 7515 section 5.2): either refused, or read consistently as one value.
        String payload = JsonUtil.toJson(claims()).replaceFirst("\\}$", ",\"sub\":\"mallory\"}");
        String token = sign(JsonUtil.toJson(header()), payload, SECRET, "HmacSHA256");
        try {
            JwtPrincipal p = verifier.verify(token);
            assertEquals(p.getName(), p.claim("sub").orElseThrow());
        } catch (InvalidTokenException e) {
            assertEquals(Reason.INVALID, e.reason());
        }
    }
}
