package org.jwtauth.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.jwtauth.it.hostile.HostileApp.ALICE_PASSWORD;
import static org.jwtauth.it.hostile.HostileApp.INVALID_TOKEN;
import static org.jwtauth.it.hostile.HostileApp.MALFORMED_TOKEN;
import static org.jwtauth.it.hostile.HostileApp.assertInvalidToken;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.keys.AesKey;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.jwtauth.testing.JoseText;
import org.jwtauth.testing.TestKeys;

/**
 * The token's shape, algorithm and keys (RFC 7515 section 7.1, RFC 8725 sections 2.1, 3.1, 3.2 and 3.10): refused
 * as malformed before any parsing, or as invalid whatever key material the token itself brings.
 */
interface HostileTokenCases extends HostileCases {

    /** An attacker's own RSA key pair, whose public key the key server publishes with kid "attacker". */
    KeyPair attacker();

    /** An attacker's self-signed certificate and its key. */
    TestKeys.CertifiedKey attackerCertificate();

    /** A URL of a key server on this machine that counts its requests. */
    String keyServerUrl();

    int keyServerRequests();

    // --- shape: refused before any parsing, 401 "malformed" ---------------------------------------------------

    @Test
    default void bearerWhenAlgNoneWithoutSignatureThenMalformedToken() {
        // RFC 7519 section 6.1: an unsecured JWT ends with an empty signature segment.
        assertInvalidToken(bearer(forge().header("alg", "none").unsigned()), MALFORMED_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "=="})
    default void bearerWhenTokenEndsWithBase64PaddingThenMalformedToken(String padding) {
        assertInvalidToken(bearer(validToken() + padding), MALFORMED_TOKEN);
    }

    @Test
    default void bearerWhenTokenUsesStandardBase64PlusAndSlashThenMalformedToken() {
        // Legal RFC 6750 b64token characters, but not base64url (RFC 7515 section 7.1).
        String token = validToken();
        String[] parts = token.split("\\.");
        assertInvalidToken(bearer(parts[0] + "." + parts[1] + "." + parts[2].substring(2) + "+/"), MALFORMED_TOKEN);
        assertInvalidToken(bearer(token.replace('-', '+').replace('_', '/') + "+/"), MALFORMED_TOKEN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"one segment, {s0}", "two segments, {s0}.{s1}", "four segments, {s0}.{s1}.{s2}.{s2}",
            "empty middle segment, {s0}..{s2}", "leading dot, .{s0}.{s1}.{s2}"})
    default void bearerWhenNotThreeNonEmptySegmentsThenMalformedToken(String what, String pattern) {
        String[] parts = validToken().split("\\.");
        String token = pattern.replace("{s0}", parts[0]).replace("{s1}", parts[1]).replace("{s2}", parts[2]);
        assertInvalidToken(bearer(token), MALFORMED_TOKEN);
    }

    static Stream<Arguments> garbage() {
        return Stream.of(Arguments.of("not-a-jwt", MALFORMED_TOKEN),
                // One character is no possible base64url segment (RFC 4648 section 5): refused before parsing.
                Arguments.of("a.b.c", MALFORMED_TOKEN),
                // Base64url that decodes ("a" three times) but is no JWS.
                Arguments.of("YQ.YQ.YQ", INVALID_TOKEN),
                // Nor is a segment whose unused trailing bits are set (RFC 4648 section 3.5).
                Arguments.of("ab.cd.ef", MALFORMED_TOKEN), Arguments.of("a.b.c.d.e", MALFORMED_TOKEN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jwtauth.it.hostile.HostileTokenCases#garbage")
    default void bearerWhenTokenIsGarbageThenMalformedOrInvalidToken(String token, String description) {
        assertInvalidToken(bearer(token), description);
    }

    @Test
    default void bearerWhenTokenIsAJweThenMalformedToken() throws Exception {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.DIRECT);
        jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_128_CBC_HMAC_SHA_256);
        jwe.setHeader("typ", "at+jwt");
        jwe.setKey(new AesKey(Arrays.copyOf(HostileApp.SECRET.getBytes(StandardCharsets.UTF_8), 32)));
        jwe.setPayload(forge().payloadText());
        String token = jwe.getCompactSerialization();
        assertEquals(5, token.split("\\.", -1).length);

        assertInvalidToken(bearer(token), MALFORMED_TOKEN);
    }

    @Test
    default void bearerWhenPbes2JweWithAHugeIterationCountThenMalformedTokenWithoutKeyDerivation() {
        String header = JoseText.b64(JsonUtil.toJson(Map.of("alg", "PBES2-HS512+A256KW", "enc", "A256GCM",
                "p2c", Integer.MAX_VALUE, "p2s", "c2FsdHNhbHRzYWx0c2FsdA", "typ", "at+jwt")));
        String token = header + ".Rm9yZ2VkS2V5Rm9yZ2VkS2V5Rm9yZ2VkS2V5Rm9yZ2VkS2V5Rm9yZw.AAAAAAAAAAAAAAAA"
                + ".Q2lwaGVydGV4dA.QXV0aFRhZ0F1dGhUYWc";
        assertInvalidToken(bearer(token), MALFORMED_TOKEN);
    }

    @Test
    default void bearerWhenRefreshTokenIsUsedAsAccessTokenThenMalformedToken() {
        String refresh = app().login("alice", ALICE_PASSWORD).refresh();
        assertEquals(43, refresh.length(), refresh);
        assertInvalidToken(bearer(refresh), MALFORMED_TOKEN);
    }

    // --- algorithms and keys (RFC 8725 sections 2.1, 3.1, 3.2) ------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    default void bearerWhenAlgIsNoneInAnyCaseWithASignatureThenInvalidToken(String alg) {
        String valid = validToken();
        String realSignature = valid.substring(valid.lastIndexOf('.') + 1);
        for (String signature : List.of("AAAA", realSignature)) {
            assertInvalidToken(bearer(forge().header("alg", alg).signature(signature)), INVALID_TOKEN);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS384", "HS512"})
    default void bearerWhenAlgorithmIsSwitchedToAnotherHmacWithTheRightSecretThenInvalidToken(String alg) {
        String token = forge().header("alg", alg).mac(HostileApp.SECRET.getBytes(StandardCharsets.UTF_8),
                "HmacSHA" + alg.substring(2));
        assertInvalidToken(bearer(token), INVALID_TOKEN);
    }

    @Test
    default void bearerWhenSignedWithAnotherSecretThenInvalidToken() {
        // The kid is ours, only the signature differs.
        String token = forge().mac("another-deployments-secret-0123456789-abcdef".getBytes(StandardCharsets.UTF_8),
                "HmacSHA256");
        assertInvalidToken(bearer(token), INVALID_TOKEN);
    }

    @Test
    default void bearerWhenRs256SignedWithTheAttackersKeyThenInvalidToken() {
        assertInvalidToken(bearer(forge().header("alg", "RS256").sign(attacker().getPrivate())), INVALID_TOKEN);
    }

    @Test
    default void bearerWhenHeaderSaysRs256ButTheSignatureIsAnHmacWithTheSecretThenInvalidToken() {
        assertInvalidToken(bearer(forge().header("alg", "RS256").mac(
                HostileApp.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")), INVALID_TOKEN);
    }

    @Test
    default void bearerWhenHmacKeyedWithAnRsaPublicKeyThenInvalidToken() {
        // The classic key confusion: a verifier that takes the key from the token would check this HMAC with the
        // (public) RSA key the attacker also embedded.
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) attacker().getPublic());
        String pem = TestKeys.publicPem(attacker());
        String token = forge().header("jwk", jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))
                .mac(pem.getBytes(StandardCharsets.US_ASCII), "HmacSHA256");
        assertInvalidToken(bearer(token), INVALID_TOKEN);
    }

    @Test
    default void bearerWhenEmbeddedJwkAndJkuCarryTheAttackersHmacKeyThenInvalidToken() {
        byte[] attackerSecret = "attacker-chosen-secret-0123456789-abcdef".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> jwk = new OctetSequenceJsonWebKey(new HmacKey(attackerSecret))
                .toParams(JsonWebKey.OutputControlLevel.INCLUDE_SYMMETRIC);
        assertInvalidToken(bearer(forge().header("jwk", jwk).mac(attackerSecret, "HmacSHA256")), INVALID_TOKEN);
        // RFC 8725 section 3.10: jwk and jku in the token together never choose the key either.
        assertInvalidToken(bearer(forge().header("jwk", jwk).header("jku", "https://evil.example.test/jwks.json")
                .mac(attackerSecret, "HmacSHA256")), INVALID_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jku", "x5u"})
    default void bearerWhenKeyUrlPointsAtAListenerThenInvalidTokenAndNothingIsFetched(String parameter)
            throws Exception {
        String url = keyServerUrl();
        // The listener works: this test's own probe is counted.
        int before = keyServerRequests();
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(before + 1, keyServerRequests());

        for (String kid : new String[] {"attacker", app().kid()}) {
            String token = forge().header("alg", "RS256").header("kid", kid).header(parameter, url)
                    .sign(attacker().getPrivate());
            assertInvalidToken(bearer(token), INVALID_TOKEN);
        }
        assertEquals(before + 1, keyServerRequests(), "the verifier fetched a key from the token's URL");
    }

    @Test
    default void bearerWhenX5cCarriesTheAttackersCertificateThenInvalidToken() throws Exception {
        String certificate = Base64.getEncoder().encodeToString(attackerCertificate().certificate().getEncoded());
        for (String alg : new String[] {"RS256", "HS256"}) {
            String token = forge().header("alg", alg).header("x5c", List.of(certificate))
                    .signAs("RS256", attackerCertificate().privateKey());
            assertInvalidToken(bearer(token), INVALID_TOKEN);
        }
    }

    static Stream<Arguments> hostileKids() {
        return Stream.of(Arguments.of("unknown", "someone-elses-kid"),
                Arguments.of("path traversal", "../../../../../../etc/passwd"),
                Arguments.of("SQL", "' OR '1'='1' --"), Arguments.of("NUL", "\u0000"),
                Arguments.of("URL", "http://127.0.0.1:1/key"), Arguments.of("empty", ""),
                Arguments.of("2000 characters", "k".repeat(2000)), Arguments.of("number", 42),
                Arguments.of("object", Map.of("kid", "x")), Arguments.of("array", List.of("x")),
                Arguments.of("absent", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jwtauth.it.hostile.HostileTokenCases#hostileKids")
    default void bearerWhenKidIsHostileThenInvalidTokenEvenWithTheRightSignature(String what, Object kid) {
        String token = (kid == null ? forge().withoutHeader("kid") : forge().header("kid", kid)).sign();
        assertInvalidToken(bearer(token), INVALID_TOKEN);
    }

    @Test
    default void bearerWhenCritNamesAnUnknownHeaderThenInvalidToken() {
        String token = forge().header("crit", List.of("x-must-understand")).header("x-must-understand", true).sign();
        assertInvalidToken(bearer(token), INVALID_TOKEN);
    }

    @Test
    default void bearerWhenNestedJwtWrapsAValidTokenThenInvalidToken() {
        // RFC 8725 section 2.7: a JWS whose payload is another JWS (cty JWT) is not an access token we issued.
        String inner = app().login("alice", ALICE_PASSWORD).access();
        assertInvalidToken(bearer(forge().header("cty", "JWT").payloadJson(inner).sign()), INVALID_TOKEN);
    }

    @Test
    default void bearerWhenJwsHeaderAsksForPbes2WithAHugeIterationCountThenInvalidToken() {
        String token = forge().header("alg", "PBES2-HS256+A128KW").header("p2c", Integer.MAX_VALUE)
                .header("p2s", "c2FsdHNhbHRzYWx0c2FsdA").mac(HostileApp.SECRET.getBytes(StandardCharsets.UTF_8),
                        "HmacSHA256");
        assertInvalidToken(bearer(token), INVALID_TOKEN);
    }

    @Test
    default void bearerWhenPayloadIsDeflateCompressedThenInvalidToken() throws Exception {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated,
                new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            out.write(forge().payloadText().getBytes(StandardCharsets.UTF_8));
        }
        assertInvalidToken(bearer(forge().header("zip", "DEF").payload(deflated.toByteArray())
                .mac(HostileApp.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")), INVALID_TOKEN);
    }

    @Test
    default void bearerWhenPayloadWasChangedAfterSigningThenInvalidToken() {
        String[] parts = app().login("alice", ALICE_PASSWORD).access().split("\\.");
        String admin = JoseText.b64(forge().claim("roles", List.of("admin")).payloadText());
        assertInvalidToken(bearer(parts[0] + "." + admin + "." + parts[2]), INVALID_TOKEN);
    }
}
