package org.jwtauth.testing;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jca.ProviderContext;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * The tests' one token forge: compact JWS text (RFC 7515 section 7.1) made from a JOSE header and a payload, for
 * unit tests and integration tests alike. Correct tokens are signed by jose4j's {@link JsonWebSignature}; hostile
 * ones change one thing: a header parameter or claim, the exact JSON text, or the signature, which may be an HMAC
 * made by hand ({@link #mac}), made with another algorithm than the header names ({@link #signAs}), or any text
 * ({@link #signature}).
 *
 * <pre>{@code
 * String token = TokenForge.hs256(secret).header("kid", kid)
 *         .accessToken("https://issuer.test", "api://orders", "alice", now, 600)
 *         .withoutClaim("jti").sign();
 * }</pre>
 *
 * <p>Mutable and not thread-safe: make one per token (each factory call returns a new forge).
 */
public final class TokenForge {

    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private String headerJson;
    private byte[] payload;
    private Key key;

    private TokenForge() {
    }

    /** An empty header and payload, no key. */
    public static TokenForge jws() {
        return new TokenForge();
    }

    /**
     * Header {@code typ at+jwt, alg HS256} (RFC 9068 section 2.1), signed with {@code secret}. In the order the
     * library writes them, so that with the library's {@code kid} added the header is exactly the library's and a
     * token that changes only claims or the signature takes the verifier's one-pass path.
     */
    public static TokenForge hs256(byte[] secret) {
        return jws().header("typ", "at+jwt").header("alg", "HS256").key(new HmacKey(secret.clone()));
    }

    /**
     * The claims of a correct access token (design section 5): iss, aud, sub, iat, exp = iat + lifetime, a new
     * jti, a sid and the role "user".
     */
    public TokenForge accessToken(String issuer, String audience, String subject, long issuedAt, long lifetimeSeconds) {
        return claim("iss", issuer).claim("aud", audience).claim("sub", subject).claim("iat", issuedAt)
                .claim("exp", issuedAt + lifetimeSeconds).claim("jti", "jti-" + UUID.randomUUID())
                .claim("sid", "family-1").claim("roles", List.of("user"));
    }

    /** Sets a header parameter to any JSON value (a string, number, list, map...). */
    public TokenForge header(String name, Object value) {
        header.put(name, value);
        return this;
    }

    /** Sets every parameter of {@code parameters}. */
    public TokenForge header(Map<String, ?> parameters) {
        header.putAll(parameters);
        return this;
    }

    /** Drops a header parameter entirely (not the same as a null value). */
    public TokenForge withoutHeader(String name) {
        header.remove(name);
        return this;
    }

    /** The header as this exact JSON text (duplicate names, deep nesting, not JSON at all...). */
    public TokenForge headerJson(String text) {
        this.headerJson = text;
        return this;
    }

    public TokenForge claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    /** Sets every claim of {@code values}. */
    public TokenForge claims(Map<String, ?> values) {
        claims.putAll(values);
        return this;
    }

    public TokenForge withoutClaim(String name) {
        claims.remove(name);
        return this;
    }

    /** The payload as this exact text instead of the claims (another JWS, a duplicate name, 1e300...). */
    public TokenForge payloadJson(String text) {
        return payload(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The payload as these exact bytes (deflated claims, ...). */
    public TokenForge payload(byte[] bytes) {
        this.payload = bytes.clone();
        return this;
    }

    /** The key {@link #sign()} signs with. */
    public TokenForge key(Key signingKey) {
        this.key = signingKey;
        return this;
    }

    /** A copy of the header parameters (not of a {@link #headerJson} text). */
    public Map<String, Object> headerMap() {
        return new LinkedHashMap<>(header);
    }

    /** A copy of the claims (not of a {@link #payloadJson} text). */
    public Map<String, Object> claimsMap() {
        return new LinkedHashMap<>(claims);
    }

    /** The header's JSON text. */
    public String headerText() {
        return headerJson != null ? headerJson : JsonUtil.toJson(header);
    }

    /** The payload's JSON text (UTF-8). */
    public String payloadText() {
        return new String(payloadBytes(), StandardCharsets.UTF_8);
    }

    /** RFC 7515 section 5.1 step 6: base64url(header) "." base64url(payload). */
    public String signingInput() {
        return JoseText.b64(headerText()) + "." + JoseText.b64(payloadBytes());
    }

    /** Signed by jose4j with the algorithm the header names and the forge's key. */
    public String sign() {
        return sign(key);
    }

    /** Signed by jose4j with the algorithm the header names and {@code signingKey} (no key-size checks). */
    public String sign(Key signingKey) {
        JsonWebSignature jws = new JsonWebSignature();
        try {
            jws.getHeaders().setFullHeaderAsJsonString(headerText());
            jws.setPayloadBytes(payloadBytes());
            jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
            jws.setDoKeyValidation(false);
            jws.setKey(signingKey);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("jose4j cannot sign " + headerText(), e);
        }
    }

    /** Signed with the JWS algorithm {@code jwsAlgorithm} (RS256, ES256...), whatever the header says. */
    public String signAs(String jwsAlgorithm, Key signingKey) {
        try {
            JsonWebSignatureAlgorithm algorithm = AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory()
                    .getAlgorithm(jwsAlgorithm);
            ProviderContext context = new ProviderContext();
            return signature(JoseText.b64(algorithm.sign(algorithm.prepareForSign(signingKey, context),
                    signingInput().getBytes(StandardCharsets.US_ASCII))));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HMAC made by hand ({@code HmacSHA256}, ...) with any bytes as the key, whatever the header says. */
    public String mac(byte[] macKey, String macAlgorithm) {
        return signature(JoseText.b64(JoseText.mac(signingInput().getBytes(StandardCharsets.US_ASCII), macKey,
                macAlgorithm)));
    }

    /** The signing input and this exact third segment. */
    public String signature(String base64UrlSignature) {
        return signingInput() + "." + base64UrlSignature;
    }

    /** RFC 7519 section 6.1: an unsecured JWT, with an empty signature segment. */
    public String unsigned() {
        return signature("");
    }

    private byte[] payloadBytes() {
        return payload != null ? payload.clone() : JsonUtil.toJson(claims).getBytes(StandardCharsets.UTF_8);
    }
}
