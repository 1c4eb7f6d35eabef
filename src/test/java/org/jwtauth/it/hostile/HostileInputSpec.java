package org.jwtauth.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.it.hostile.HostileApp.ALICE_PASSWORD;
import static org.jwtauth.it.hostile.HostileApp.BAD_BODY;
import static org.jwtauth.it.hostile.HostileApp.BAD_CREDENTIALS;
import static org.jwtauth.it.hostile.HostileApp.BAD_GRANT;
import static org.jwtauth.it.hostile.HostileApp.BOB_PASSWORD;
import static org.jwtauth.it.hostile.HostileApp.EXPIRED_TOKEN;
import static org.jwtauth.it.hostile.HostileApp.INVALID_TOKEN;
import static org.jwtauth.it.hostile.HostileApp.MALFORMED_TOKEN;
import static org.jwtauth.it.hostile.HostileApp.NOT_POST;
import static org.jwtauth.it.hostile.HostileApp.WRONG_MEDIA_TYPE;
import static org.jwtauth.it.hostile.HostileApp.assertChallenge;
import static org.jwtauth.it.hostile.HostileApp.assertChallengeOnly;
import static org.jwtauth.it.hostile.HostileApp.assertEndpointError;
import static org.jwtauth.it.hostile.HostileApp.assertInvalidToken;
import static org.jwtauth.it.hostile.HostileApp.assertMalformedRequest;
import static org.jwtauth.it.hostile.HostileApp.json;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import com.sun.net.httpserver.HttpServer;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.keys.AesKey;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.jwtauth.it.hostile.HostileApp.Tokens;
import org.jwtauth.it.support.ContainerKind;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.testing.JoseText;

/**
 * How the filter and the three endpoints answer hostile input over real HTTP (design sections 3 and 5,
 * RFC 8725, RFC 6750): every case asserts the exact status, error code and headers, and that the application
 * servlet behind the filter was never reached. Subclasses choose the container; {@link NoSecretsInLogsIT} reruns
 * the same cases with the library logging at TRACE.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileInputSpec {

    private final ContainerKind kind;
    protected HostileApp app;
    private HttpServer keyServer;
    private final AtomicInteger keyServerRequests = new AtomicInteger();
    private KeyPair attacker;
    private Forge.SelfSigned attackerCertificate;

    HostileInputSpec(ContainerKind kind) {
        this.kind = kind;
    }

    /** Extra web.xml and files for subclasses (the log capture). */
    protected String extraWebXml() {
        return HostileApp.GENEROUS_THROTTLE;
    }

    protected void customise(WebAppDirectory.Builder builder) {
    }

    @BeforeAll
    void deploy() throws Exception {
        attacker = Forge.rsaKeyPair();
        attackerCertificate = Forge.selfSigned(org.jwtauth.it.support.ItBuild.newWorkDir("attacker"));
        keyServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        RsaJsonWebKey attackerJwk = new RsaJsonWebKey((java.security.interfaces.RSAPublicKey) attacker.getPublic());
        attackerJwk.setKeyId("attacker");
        byte[] jwks = new JsonWebKeySet(attackerJwk).toJson().getBytes(StandardCharsets.UTF_8);
        keyServer.createContext("/", exchange -> {
            keyServerRequests.incrementAndGet();
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        keyServer.start();
        app = HostileApp.deploy(kind, extraWebXml(), this::customise);
    }

    @AfterAll
    void stop() throws Exception {
        if (keyServer != null) {
            keyServer.stop(0);
        }
        if (app != null) {
            app.close();
        }
    }

    private Forge forge() {
        return app.forge();
    }

    private String signedWithClaim(String name, Object value) {
        Map<String, Object> claims = forge().claims("alice");
        claims.put(name, value);
        return forge().sign(forge().header(), claims);
    }

    private String signedWithout(String claim) {
        Map<String, Object> claims = forge().claims("alice");
        claims.remove(claim);
        return forge().sign(forge().header(), claims);
    }

    private String signedWithHeader(String name, Object value) {
        Map<String, Object> header = forge().header();
        if (value == null) {
            header.remove(name);
        } else {
            header.put(name, value);
        }
        return forge().sign(header, forge().claims("alice"));
    }

    private HttpResult bearer(String token) {
        return app.refused(() -> app.bearer(token));
    }

    private HttpResult withAuthorization(String value) {
        app.remember(value);
        return app.refused(() -> app.app().http().get(app.api(), "Authorization", value));
    }

    // --- controls: what a correct request gets, so that the refusals below mean something ---------------------

    @Test
    void bearerWhenTokenIsValidThenTheApplicationIsReachedAsItsSubject() {
        int before = app.reached();
        Tokens tokens = app.login("alice", ALICE_PASSWORD);

        HttpResult result = app.bearer(tokens.access());

        assertEquals(200, result.status(), result::toString);
        assertEquals("reached as alice", result.body());
        assertEquals(before + 1, app.reached());
    }

    @Test
    void bearerWhenHandForgedTokenIsCorrectThenTheApplicationIsReached() {
        // The forge itself is right: each hostile token below differs from this one in one thing only.
        HttpResult result = app.bearer(forge().sign(forge().header(), forge().claims("alice")));

        assertEquals(200, result.status(), result::toString);
    }

    // --- no credentials, or not ours (RFC 6750 section 3.1) ----------------------------------------------------

    @Test
    void requestWithoutAuthorizationGetsABareChallenge() {
        assertChallengeOnly(app.refused(() -> app.app().http().get(app.api())));
    }

    @Test
    void requestWithAnotherSchemeGetsABareChallenge() {
        assertChallengeOnly(withAuthorization("Basic " + Base64.getEncoder().encodeToString(
                ("alice:" + ALICE_PASSWORD).getBytes(StandardCharsets.UTF_8))));
    }

    // --- malformed requests: 400 invalid_request --------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer    "})
    void bearerWhenTokenIsEmptyThenInvalidRequest(String value) {
        assertMalformedRequest(withAuthorization(value));
    }

    @Test
    void bearerWhenTwoAuthorizationHeadersThenInvalidRequest() {
        String token = app.login("alice", ALICE_PASSWORD).access();
        assertMalformedRequest(app.refused(() -> app.app().raw().send("GET", app.api().getRawPath(), null,
                "Authorization: Bearer " + token, "Authorization: Bearer " + token)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"access_token", "%61ccess_token"})
    void tokenInTheQueryStringThenInvalidRequestEvenWhenValid(String name) {
        String token = app.login("alice", ALICE_PASSWORD).access();
        assertMalformedRequest(app.refused(() -> app.app().http().get(
                app.app().uri("/api/orders?" + name + "=" + token))));
    }

    @Test
    void tokenInTheQueryStringAndTheHeaderThenInvalidRequest() {
        String token = app.login("alice", ALICE_PASSWORD).access();
        assertMalformedRequest(app.refused(() -> app.app().http().get(
                app.app().uri("/api/orders?access_token=" + token), "Authorization", "Bearer " + token)));
    }

    @Test
    void bearerWhenTokenContainsASpaceThenInvalidRequest() {
        String[] parts = forge().sign(forge().header(), forge().claims("alice")).split("\\.");
        assertMalformedRequest(withAuthorization("Bearer " + parts[0] + "." + parts[1] + " ." + parts[2]));
    }

    @Test
    void bearerWhenPaddingInsideTheTokenThenInvalidRequest() {
        String[] parts = forge().sign(forge().header(), forge().claims("alice")).split("\\.");
        assertMalformedRequest(withAuthorization("Bearer " + parts[0] + "==." + parts[1] + "." + parts[2]));
    }

    // --- shape: refused before any parsing, 401 "malformed" ---------------------------------------------------

    @Test
    void bearerWhenAlgNoneWithoutSignatureThenMalformedToken() {
        String token = JoseText.b64(JsonUtil.toJson(Map.of("alg", "none", "typ", "at+jwt", "kid", forge().kid()))) + "."
                + JoseText.b64(JsonUtil.toJson(forge().claims("alice"))) + ".";
        assertInvalidToken(bearer(token), MALFORMED_TOKEN);
    }

    @Test
    void bearerWhenTokenEndsWithBase64PaddingThenMalformedToken() {
        assertInvalidToken(bearer(forge().sign(forge().header(), forge().claims("alice")) + "="), MALFORMED_TOKEN);
    }

    @Test
    void bearerWhenTokenUsesStandardBase64PlusAndSlashThenMalformedToken() {
        String token = forge().sign(forge().header(), forge().claims("alice"));
        String[] parts = token.split("\\.");
        assertInvalidToken(bearer(parts[0] + "." + parts[1] + "." + parts[2].substring(2) + "+/"), MALFORMED_TOKEN);
    }

    static Stream<Arguments> wrongSegmentCounts() {
        return Stream.of(Arguments.of("one segment", "{s0}"), Arguments.of("two segments", "{s0}.{s1}"),
                Arguments.of("four segments", "{s0}.{s1}.{s2}.{s2}"),
                Arguments.of("empty middle segment", "{s0}..{s2}"),
                Arguments.of("leading dot", ".{s0}.{s1}.{s2}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongSegmentCounts")
    void bearerWhenNotThreeNonEmptySegmentsThenMalformedToken(String what, String pattern) {
        String[] parts = forge().sign(forge().header(), forge().claims("alice")).split("\\.");
        String token = pattern.replace("{s0}", parts[0]).replace("{s1}", parts[1]).replace("{s2}", parts[2]);
        assertInvalidToken(bearer(token), MALFORMED_TOKEN);
    }

    @Test
    void bearerWhenTokenIsAJweThenMalformedToken() throws Exception {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.DIRECT);
        jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_128_CBC_HMAC_SHA_256);
        jwe.setHeader("typ", "at+jwt");
        jwe.setKey(new AesKey(Arrays.copyOf(HostileApp.SECRET.getBytes(StandardCharsets.UTF_8), 32)));
        jwe.setPayload(JsonUtil.toJson(forge().claims("alice")));
        String token = jwe.getCompactSerialization();
        assertEquals(5, token.split("\\.", -1).length);

        assertInvalidToken(bearer(token), MALFORMED_TOKEN);
    }

    @Test
    void bearerWhenPbes2JweWithAHugeIterationCountThenMalformedTokenWithoutKeyDerivation() {
        String header = JoseText.b64(JsonUtil.toJson(Map.of("alg", "PBES2-HS512+A256KW", "enc", "A256GCM",
                "p2c", Integer.MAX_VALUE, "p2s", "c2FsdHNhbHRzYWx0c2FsdA", "typ", "at+jwt")));
        String token = header + ".Rm9yZ2VkS2V5Rm9yZ2VkS2V5Rm9yZ2VkS2V5Rm9yZ2VkS2V5Rm9yZw.AAAAAAAAAAAAAAAA"
                + ".Q2lwaGVydGV4dA.QXV0aFRhZ0F1dGhUYWc";
        assertInvalidToken(bearer(token), MALFORMED_TOKEN);
    }

    @Test
    void bearerWhenRefreshTokenIsUsedAsAccessTokenThenMalformedToken() {
        String refresh = app.login("alice", ALICE_PASSWORD).refresh();
        assertInvalidToken(bearer(refresh), MALFORMED_TOKEN);
    }

    @Test
    void bearerWhenTokenIs64KbThenTheContainerRefusesTheHeaderItself() {
        String token = forge().sign(forge().header(), forge().claims("alice"));
        String huge = token + "A".repeat(64 * 1024);
        app.remember(huge);
        // Beyond both containers' default 8 KB request-header limit: the container answers before any filter runs.
        HttpResult result = app.refused(() -> app.app().raw().send("GET", app.api().getRawPath(), null,
                "Authorization: Bearer " + huge));
        assertEquals(kind == ContainerKind.JETTY ? 431 : 400, result.status(), result::toString);
        assertEquals(List.of(), result.headers("WWW-Authenticate"), result::toString);
    }

    // --- algorithms and keys (RFC 8725 sections 2.1, 3.1, 3.2) ------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void bearerWhenAlgIsNoneInAnyCaseWithASignatureThenInvalidToken(String alg) {
        String token = JoseText.b64(JsonUtil.toJson(Map.of("alg", alg, "typ", "at+jwt", "kid", forge().kid()))) + "."
                + JoseText.b64(JsonUtil.toJson(forge().claims("alice"))) + ".AAAA";
        assertInvalidToken(bearer(token), INVALID_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS384", "HS512"})
    void bearerWhenAlgorithmIsSwitchedToAnotherHmacWithTheRightSecretThenInvalidToken(String alg) {
        Map<String, Object> header = forge().header();
        header.put("alg", alg);
        String token = Forge.hmac(JsonUtil.toJson(header), JsonUtil.toJson(forge().claims("alice")),
                HostileApp.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA" + alg.substring(2));
        assertInvalidToken(bearer(token), INVALID_TOKEN);
    }

    @Test
    void bearerWhenRs256SignedWithTheAttackersKeyThenInvalidToken() {
        Map<String, Object> header = forge().header();
        header.put("alg", "RS256");
        String token = Forge.rsa(JsonUtil.toJson(header), JsonUtil.toJson(forge().claims("alice")),
                attacker.getPrivate());
        assertInvalidToken(bearer(token), INVALID_TOKEN);
    }

    @Test
    void bearerWhenHeaderSaysRs256ButTheSignatureIsAnHmacWithTheSecretThenInvalidToken() {
        Map<String, Object> header = forge().header();
        header.put("alg", "RS256");
        assertInvalidToken(bearer(forge().sign(header, forge().claims("alice"))), INVALID_TOKEN);
    }

    @Test
    void bearerWhenHmacKeyedWithAnRsaPublicKeyThenInvalidToken() throws Exception {
        // The classic key confusion: a verifier that takes the key from the token would check this HMAC with the
        // (public) RSA key the attacker also embedded.
        RsaJsonWebKey jwk = new RsaJsonWebKey((java.security.interfaces.RSAPublicKey) attacker.getPublic());
        Map<String, Object> header = forge().header();
        header.put("jwk", jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(attacker.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        String token = Forge.hmac(JsonUtil.toJson(header), JsonUtil.toJson(forge().claims("alice")),
                pem.getBytes(StandardCharsets.US_ASCII), "HmacSHA256");
        assertInvalidToken(bearer(token), INVALID_TOKEN);
    }

    @Test
    void bearerWhenEmbeddedJwkCarriesTheAttackersHmacKeyThenInvalidToken() {
        byte[] attackerSecret = "attacker-chosen-secret-0123456789-abcdef".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> header = forge().header();
        header.put("jwk", new OctetSequenceJsonWebKey(new HmacKey(attackerSecret))
                .toParams(JsonWebKey.OutputControlLevel.INCLUDE_SYMMETRIC));
        String token = Forge.hmac(JsonUtil.toJson(header), JsonUtil.toJson(forge().claims("alice")), attackerSecret,
                "HmacSHA256");
        assertInvalidToken(bearer(token), INVALID_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jku", "x5u"})
    void bearerWhenKeyUrlPointsAtAListenerThenInvalidTokenAndNothingIsFetched(String parameter) throws Exception {
        String url = "http://127.0.0.1:" + keyServer.getAddress().getPort() + "/keys";
        // The listener works: this test's own probe is counted.
        int before = keyServerRequests.get();
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals(before + 1, keyServerRequests.get());

        for (String kid : new String[] {"attacker", forge().kid()}) {
            Map<String, Object> header = forge().header();
            header.put("alg", "RS256");
            header.put("kid", kid);
            header.put(parameter, url);
            String token = Forge.rsa(JsonUtil.toJson(header), JsonUtil.toJson(forge().claims("alice")),
                    attacker.getPrivate());
            assertInvalidToken(bearer(token), INVALID_TOKEN);
        }
        assertEquals(before + 1, keyServerRequests.get(), "the verifier fetched a key from the token's URL");
    }

    @Test
    void bearerWhenX5cCarriesTheAttackersCertificateThenInvalidToken() throws Exception {
        for (String alg : new String[] {"RS256", "HS256"}) {
            Map<String, Object> header = forge().header();
            header.put("alg", alg);
            header.put("x5c", List.of(Base64.getEncoder().encodeToString(
                    attackerCertificate.certificate().getEncoded())));
            String token = Forge.rsa(JsonUtil.toJson(header), JsonUtil.toJson(forge().claims("alice")),
                    attackerCertificate.key());
            assertInvalidToken(bearer(token), INVALID_TOKEN);
        }
    }

    static Stream<Arguments> hostileKids() {
        return Stream.of(Arguments.of("path traversal", "../../../../../../etc/passwd"),
                Arguments.of("SQL", "' OR '1'='1' --"), Arguments.of("NUL", "\u0000"),
                Arguments.of("URL", "http://127.0.0.1:1/key"), Arguments.of("empty", ""),
                Arguments.of("2000 characters", "k".repeat(2000)), Arguments.of("number", 42),
                Arguments.of("object", Map.of("kid", "x")), Arguments.of("array", List.of("x")),
                Arguments.of("absent", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileKids")
    void bearerWhenKidIsHostileThenInvalidTokenEvenWithTheRightSignature(String what, Object kid) {
        assertInvalidToken(bearer(signedWithHeader("kid", kid)), INVALID_TOKEN);
    }

    @Test
    void bearerWhenCritNamesAnUnknownHeaderThenInvalidToken() {
        Map<String, Object> header = forge().header();
        header.put("crit", List.of("x-must-understand"));
        header.put("x-must-understand", true);
        assertInvalidToken(bearer(forge().sign(header, forge().claims("alice"))), INVALID_TOKEN);
    }

    @Test
    void bearerWhenNestedJwtWrapsAValidTokenThenInvalidToken() {
        String inner = app.login("alice", ALICE_PASSWORD).access();
        Map<String, Object> header = forge().header();
        header.put("cty", "JWT");
        assertInvalidToken(bearer(forge().signJson(JsonUtil.toJson(header), inner)), INVALID_TOKEN);
    }

    @Test
    void bearerWhenJwsHeaderAsksForPbes2WithAHugeIterationCountThenInvalidToken() {
        Map<String, Object> header = forge().header();
        header.put("alg", "PBES2-HS256+A128KW");
        header.put("p2c", Integer.MAX_VALUE);
        header.put("p2s", "c2FsdHNhbHRzYWx0c2FsdA");
        assertInvalidToken(bearer(forge().sign(header, forge().claims("alice"))), INVALID_TOKEN);
    }

    @Test
    void bearerWhenPayloadIsDeflateCompressedThenInvalidToken() throws Exception {
        Map<String, Object> header = forge().header();
        header.put("zip", "DEF");
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            out.write(JsonUtil.toJson(forge().claims("alice")).getBytes(StandardCharsets.UTF_8));
        }
        String token = Forge.hmacBytes(JsonUtil.toJson(header), deflated.toByteArray(),
                HostileApp.SECRET.getBytes(StandardCharsets.UTF_8));
        assertInvalidToken(bearer(token), INVALID_TOKEN);
    }

    @Test
    void bearerWhenPayloadWasChangedAfterSigningThenInvalidToken() {
        String[] parts = app.login("alice", ALICE_PASSWORD).access().split("\\.");
        Map<String, Object> claims = forge().claims("alice");
        claims.put("roles", List.of("admin"));
        assertInvalidToken(bearer(parts[0] + "." + JoseText.b64(JsonUtil.toJson(claims)) + "." + parts[2]), INVALID_TOKEN);
    }

    // --- JSON and claims (RFC 7519 section 4, RFC 9068 section 4) -----------------------------------------------

    @Test
    void bearerWhenJsonIsNestedThousandsDeepThenInvalidTokenWithoutStackOverflow() {
        String deep = "[".repeat(2000) + "\"alice\"" + "]".repeat(2000);
        String payload = JsonUtil.toJson(forge().claims("alice")).replace("\"sub\":\"alice\"", "\"sub\":" + deep);
        assertInvalidToken(bearer(forge().signJson(JsonUtil.toJson(forge().header()), payload)), INVALID_TOKEN);
        String header = JsonUtil.toJson(forge().header()).replaceFirst("\\}$", ",\"x\":" + deep + "}")
                .replace("\"kid\":", "\"kid\":" + "[".repeat(10) + "\"k\"" + "]".repeat(10) + ",\"old-kid\":");
        assertInvalidToken(bearer(forge().signJson(header, JsonUtil.toJson(forge().claims("alice")))), INVALID_TOKEN);
    }

    @Test
    void bearerWhenAClaimNameIsDuplicatedThenInvalidToken() {
        // RFC 7519 section 4: names must be unique; "sub":"alice" then "sub":"bob" must not log anyone in as bob.
        String payload = JsonUtil.toJson(forge().claims("alice")).replaceFirst("\\}$", ",\"sub\":\"bob\"}");
        assertInvalidToken(bearer(forge().signJson(JsonUtil.toJson(forge().header()), payload)), INVALID_TOKEN);
    }

    @Test
    void bearerWhenAHeaderNameIsDuplicatedThenInvalidToken() {
        String header = JsonUtil.toJson(forge().header()).replaceFirst("^\\{", "{\"alg\":\"none\",");
        assertInvalidToken(bearer(forge().signJson(header, JsonUtil.toJson(forge().claims("alice")))), INVALID_TOKEN);
    }

    static Stream<Arguments> wrongClaims() {
        long now = System.currentTimeMillis() / 1000;
        return Stream.of(Arguments.of("sub", 42), Arguments.of("sub", ""), Arguments.of("sub", List.of("alice")),
                Arguments.of("sub", Map.of("name", "alice")), Arguments.of("exp", String.valueOf(now + 600)),
                Arguments.of("exp", -1), Arguments.of("exp", Long.MIN_VALUE), Arguments.of("exp", Long.MAX_VALUE),
                Arguments.of("iat", String.valueOf(now)), Arguments.of("iat", now + 3600),
                Arguments.of("nbf", now + 3600), Arguments.of("jti", 7), Arguments.of("sid", List.of("f")),
                Arguments.of("roles", "admin"), Arguments.of("roles", List.of(1, 2)),
                Arguments.of("iss", "https://evil.test"), Arguments.of("iss", List.of(HostileApp.ISSUER)),
                Arguments.of("aud", "api://someone-else"), Arguments.of("aud", 42));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("wrongClaims")
    void bearerWhenAClaimHasAWrongTypeOrValueThenInvalidToken(String claim, Object value) {
        assertInvalidToken(bearer(signedWithClaim(claim, value)), INVALID_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exp", "iat", "sub", "jti", "sid", "iss", "aud"})
    void bearerWhenARequiredClaimIsMissingThenInvalidToken(String claim) {
        assertInvalidToken(bearer(signedWithout(claim)), INVALID_TOKEN);
    }

    @Test
    void bearerWhenExpIs1e300ThenInvalidToken() {
        String payload = JsonUtil.toJson(forge().claims("alice")).replaceFirst("\"exp\":\\d+", "\"exp\":1e300");
        assertTrue(payload.contains("1e300"));
        assertInvalidToken(bearer(forge().signJson(JsonUtil.toJson(forge().header()), payload)), INVALID_TOKEN);
    }

    @Test
    void bearerWhenExpiredBeyondTheClockSkewThenExpiredToken() {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = forge().claims("alice");
        claims.put("iat", now - 900);
        claims.put("exp", now - 300);
        assertInvalidToken(bearer(forge().sign(forge().header(), claims)), EXPIRED_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JWT", "at+JWT+x", "application/jwt"})
    void bearerWhenTypIsNotAnAccessTokenTypeThenInvalidToken(String typ) {
        assertInvalidToken(bearer(signedWithHeader("typ", typ)), INVALID_TOKEN);
    }

    @Test
    void bearerWhenTypIsMissingThenInvalidToken() {
        assertInvalidToken(bearer(signedWithHeader("typ", null)), INVALID_TOKEN);
    }

    // --- header bytes the containers may refuse first ------------------------------------------------------------

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
    @MethodSource("forbiddenHeaderBytes")
    void bearerWhenHeaderHasForbiddenBytesThenContainerOrFilterRefusesIt(String what, String line) {
        HttpResult result = app.refused(() -> app.app().raw().send("GET", app.api().getRawPath(), null, line));
        switch (ContainerAnswers.forbiddenHeaderBytes(kind, what)) {
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

    // --- the token endpoints ----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/auth/login", "/auth/refresh", "/auth/logout"})
    void endpointWhenCalledWithGetThenMethodNotAllowedWithAllowPost(String path) {
        Tokens tokens = app.login("alice", ALICE_PASSWORD);
        HttpResult result = app.refused(() -> app.app().http().get(app.app().uri(path + "?refreshToken="
                + tokens.refresh() + "&accessToken=" + tokens.access())));
        assertEndpointError(result, 405, "invalid_request", NOT_POST);
        assertEquals(List.of("POST"), result.headers("Allow"));
        // The refresh token in the URL was not consumed.
        assertEquals(200, app.refresh(tokens.access(), tokens.refresh()).status());
    }

    @Test
    void loginWhenBodyIsNotJsonOrFormThenUnsupportedMediaType() {
        assertEndpointError(app.refused(() -> app.app().http().post(app.app().uri("/auth/login"),
                "username=alice&password=" + ALICE_PASSWORD, "Content-Type", "text/plain")), 415, "invalid_request",
                WRONG_MEDIA_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"username\":\"alice\",\"password\":", "[\"alice\"]", "{\"username\":[\"alice\"],\"password\":\"x\"}",
            "{\"username\":\"alice\",\"password\":{\"$ne\":null}}", "null"})
    void loginWhenBodyIsMalformedThenInvalidRequest(String body) {
        assertEndpointError(app.refused(() -> app.app().http().postJson(app.app().uri("/auth/login"), body)), 400,
                "invalid_request", BAD_BODY);
    }

    @Test
    void loginWhenBodyIsNestedThousandsDeepThenInvalidRequestWithoutStackOverflow() {
        String body = "{\"username\":" + "[".repeat(8000) + "]".repeat(8000) + "}";
        assertEndpointError(app.refused(() -> app.app().http().postJson(app.app().uri("/auth/login"), body)), 400,
                "invalid_request", BAD_BODY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"' OR '1'='1' --", "alice\u0000", "alice'; DROP TABLE users; --", "*", "alice)(|(uid=*)"})
    void loginWhenUsernameIsHostileThenInvalidGrant(String username) {
        HttpResult result = app.refused(() -> app.app().http().postJson(app.app().uri("/auth/login"),
                HostileApp.loginJson(username, ALICE_PASSWORD)));
        assertEndpointError(result, 400, "invalid_grant", BAD_CREDENTIALS);
    }

    @Test
    void refreshWhenTheAccessTokenIsUsedAsTheRefreshTokenThenInvalidGrant() {
        Tokens tokens = app.login("alice", ALICE_PASSWORD);
        assertEndpointError(app.refused(() -> app.refresh(tokens.access(), tokens.access())), 400, "invalid_grant",
                BAD_GRANT);
    }

    @Test
    void refreshWhenRefreshTokenOfAliceComesWithAccessTokenOfBobThenInvalidGrantAndAlicesTokenSurvives() {
        Tokens alice = app.login("alice", ALICE_PASSWORD);
        Tokens bob = app.login("bob", BOB_PASSWORD);

        assertEndpointError(app.refused(() -> app.refresh(bob.access(), alice.refresh())), 400, "invalid_grant",
                BAD_GRANT);
        assertEquals(200, app.refresh(alice.access(), alice.refresh()).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"' OR '1'='1", "'; DELETE FROM jwtauth_refresh_token; --",
            "AAAAAAAAAAAAAAAAAAAA' OR 1=1 --AAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAA\u0000AAAAAAAAAAAAAAAAAAAAA", "\u0000"})
    void refreshWhenRefreshTokenIsSqlOrNulThenInvalidGrant(String refreshToken) {
        Tokens tokens = app.login("alice", ALICE_PASSWORD);
        assertEndpointError(app.refused(() -> app.refresh(tokens.access(), refreshToken)), 400, "invalid_grant",
                BAD_GRANT);
        assertEquals(200, app.refresh(tokens.access(), tokens.refresh()).status());
    }

    @Test
    void refreshWhenRefreshTokenIs10KbThenInvalidRequest() {
        Tokens tokens = app.login("alice", ALICE_PASSWORD);
        assertEndpointError(app.refused(() -> app.refresh(tokens.access(), "A".repeat(10 * 1024))), 400,
                "invalid_request", BAD_BODY);
    }

    @Test
    void refreshWhenAccessTokenInTheBodyIsLongerThan8KbThenInvalidGrant() {
        Tokens tokens = app.login("alice", ALICE_PASSWORD);
        Map<String, Object> claims = forge().claims("alice");
        claims.put("padding", "p".repeat(9 * 1024));
        String big = forge().sign(forge().header(), claims);
        assertEndpointError(app.refused(() -> app.refresh(big, tokens.refresh())), 400, "invalid_grant", BAD_GRANT);
    }

    @Test
    void refreshWhenAccessTokenIsForgedWithAlgNoneThenInvalidGrant() {
        Tokens tokens = app.login("alice", ALICE_PASSWORD);
        String[] parts = tokens.access().split("\\.");
        String none = JoseText.b64(JsonUtil.toJson(Map.of("alg", "none", "typ", "at+jwt", "kid", forge().kid())))
                + "." + parts[1] + ".AAAA";
        assertEndpointError(app.refused(() -> app.refresh(none, tokens.refresh())), 400, "invalid_grant", BAD_GRANT);
        assertEquals(200, app.refresh(tokens.access(), tokens.refresh()).status());
    }

    @Test
    void refreshWhenAccessTokenIsBothInTheBodyAndInTheHeaderThenInvalidRequest() {
        Tokens tokens = app.login("alice", ALICE_PASSWORD);
        HttpResult result = app.refused(() -> app.app().http().postJson(app.app().uri("/auth/refresh"),
                json("accessToken", tokens.access(), "refreshToken", tokens.refresh()),
                "Authorization", "Bearer " + tokens.access()));
        assertEndpointError(result, 400, "invalid_request",
                "Send the access token either in the body or in the Authorization header, not both");
    }

    @Test
    void refreshWhenAFormRepeatsTheRefreshTokenThenInvalidRequest() {
        Tokens tokens = app.login("alice", ALICE_PASSWORD);
        Tokens other = app.login("alice", ALICE_PASSWORD);
        HttpResult result = app.refused(() -> app.app().http().post(app.app().uri("/auth/refresh"),
                "accessToken=" + tokens.access() + "&refreshToken=" + tokens.refresh() + "&refreshToken="
                        + other.refresh(), "Content-Type", "application/x-www-form-urlencoded"));
        assertEndpointError(result, 400, "invalid_request", BAD_BODY);
    }

    @Test
    void logoutWhenRefreshTokenLooksLikeSqlThenNoContentAndNothingIsRevoked() {
        Tokens tokens = app.login("alice", ALICE_PASSWORD);
        HttpResult result = app.refused(() -> app.app().http().postJson(app.app().uri("/auth/logout"),
                json("refreshToken", "' OR '1'='1")));
        assertEquals(204, result.status(), result::toString);
        assertEquals(200, app.refresh(tokens.access(), tokens.refresh()).status());
    }

    @Test
    void logoutOfAllDevicesWhenBearerIsForgedThenInvalidTokenChallenge() {
        Tokens tokens = app.login("alice", ALICE_PASSWORD);
        String forged = forge().sign(signedHeaderWithAlg("HS512"), forge().claims("alice"));
        app.remember(forged);
        HttpResult result = app.refused(() -> app.app().http().postJson(app.app().uri("/auth/logout"),
                json("allDevices", true), "Authorization", "Bearer " + forged));
        assertChallenge(result, 401, "invalid_token", INVALID_TOKEN);
        assertEquals(200, app.refresh(tokens.access(), tokens.refresh()).status());
    }

    // --- more ways around the filter and the endpoints ------------------------------------------------------------

    @Test
    void bearerWhenSchemeIsLowerCaseThenTheApplicationIsReached() {
        // RFC 7235 section 2.1: the scheme is case-insensitive; the control for the scheme cases above.
        HttpResult result = app.app().http().get(app.api(), "Authorization",
                "bearer " + app.login("alice", ALICE_PASSWORD).access());
        assertEquals(200, result.status(), result::toString);
    }

    @Test
    void bearerWhenSignedWithAnotherSecretThenInvalidToken() {
        String token = Forge.hmac(JsonUtil.toJson(forge().header()), JsonUtil.toJson(forge().claims("alice")),
                "another-deployments-secret-0123456789-abcdef".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        assertInvalidToken(bearer(token), INVALID_TOKEN);
    }

    @Test
    void tokenInAFormBodyIsNotReadSoTheRequestGetsABareChallenge() {
        // RFC 6750 section 2.2 is optional; the filter reads the Authorization header only.
        String token = app.login("alice", ALICE_PASSWORD).access();
        assertChallengeOnly(app.refused(() -> app.app().http().post(app.api(), "access_token=" + token,
                "Content-Type", "application/x-www-form-urlencoded")));
    }

    @Test
    void methodOverrideHeaderDoesNotTurnARequestIntoAPreflight() {
        assertChallengeOnly(app.refused(() -> app.app().http().get(app.api(), "X-HTTP-Method-Override", "OPTIONS")));
    }

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
    @MethodSource("pathVariants")
    void protectedPathVariantWithoutTokenNeverReachesTheApplication(String what, String path) {
        String raw = app.app().baseUri().getRawPath().replaceFirst("/$", "") + path;
        HttpResult result = app.refused(() -> app.app().raw().send("GET", raw, null));
        int expected = ContainerAnswers.pathVariant(kind, what);
        assertEquals(expected, result.status(), result::toString);
        if (expected == 401) {
            assertChallengeOnly(result);
        } else {
            assertEquals(List.of(), result.headers("WWW-Authenticate"), result::toString);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH"})
    void refreshWhenMethodIsNotPostThenMethodNotAllowedWithAllowPost(String method) {
        Tokens tokens = app.login("alice", ALICE_PASSWORD);
        HttpResult result = app.refused(() -> app.app().http().send(method, app.app().uri("/auth/refresh"),
                json("accessToken", tokens.access(), "refreshToken", tokens.refresh()),
                "Content-Type", "application/json"));
        assertEndpointError(result, 405, "invalid_request", NOT_POST);
        assertEquals(List.of("POST"), result.headers("Allow"));
    }

    @Test
    void refreshWhenRefreshTokenIsFromAnotherLoginOfTheSameUserThenInvalidGrantAndItSurvives() {
        Tokens phone = app.login("alice", ALICE_PASSWORD);
        Tokens laptop = app.login("alice", ALICE_PASSWORD);

        assertEndpointError(app.refused(() -> app.refresh(phone.access(), laptop.refresh())), 400, "invalid_grant",
                BAD_GRANT);
        assertEquals(200, app.refresh(laptop.access(), laptop.refresh()).status());
    }

    @Test
    void refreshWhenAuthorizationHeaderHasNonAsciiThenInvalidRequest() {
        Tokens tokens = app.login("alice", ALICE_PASSWORD);
        app.remember(tokens.refresh());
        HttpResult result = app.refused(() -> app.app().raw().send("POST", app.app().uri("/auth/refresh").getRawPath(),
                json("refreshToken", tokens.refresh()), "Content-Type: application/json",
                "Authorization: Bearer " + tokens.access().substring(0, 10) + "\u00f6" + tokens.access().substring(10)));
        assertEndpointError(result, 400, "invalid_request", "The Authorization header is malformed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/auth/login", "/auth/refresh"})
    void endpointWhenJsonBodyIs64KbThenInvalidRequest(String path) {
        String body = json("username", "alice", "password", "p".repeat(64 * 1024), "refreshToken", "r",
                "accessToken", "a");
        assertEndpointError(app.refused(() -> app.app().http().postJson(app.app().uri(path), body)), 400,
                "invalid_request", BAD_BODY);
    }

    @Test
    void loginWhenChunkedFormBodyIsHugeThenInvalidRequestNotAServerError() {
        String form = "username=alice&password=" + "p".repeat(300 * 1024);
        HttpResult result = app.refused(() -> app.app().raw().sendRaw(chunked("/auth/login", form)));
        assertEndpointError(result, 400, "invalid_request", BAD_BODY);
    }

    @Test
    void loginWhenFormHasMoreFieldsThanTheContainerAllowsThenNeverAServerError() {
        StringBuilder form = new StringBuilder("username=alice&password=" + ALICE_PASSWORD);
        // More keys than the containers' defaults allow (Jetty maxFormKeys, Tomcat maxParameterCount: 1000),
        // within the library's own 16 KB.
        for (int i = 0; i < 2000; i++) {
            form.append("&k").append(i);
        }
        assertTrue(form.length() < 16 * 1024);
        HttpResult result = app.refused(() -> app.app().http().post(app.app().uri("/auth/login"), form.toString(),
                "Content-Type", "application/x-www-form-urlencoded"));
        assertEndpointError(result, 400, "invalid_request", BAD_BODY);
    }

    private String chunked(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder request = new StringBuilder("POST ").append(app.app().uri(path).getRawPath())
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
                .append("Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < bytes.length; i += 8192) {
            int n = Math.min(8192, bytes.length - i);
            request.append(Integer.toHexString(n)).append("\r\n").append(body, i, i + n).append("\r\n");
        }
        return request.append("0\r\n\r\n").toString();
    }

    private Map<String, Object> signedHeaderWithAlg(String alg) {
        Map<String, Object> header = forge().header();
        header.put("alg", alg);
        return header;
    }
}
