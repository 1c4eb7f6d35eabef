package org.jwtauth.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.jwtauth.config.SigningAlgorithm;
import org.jwtauth.keys.HmacSigningKeys;
import org.jwtauth.testing.TokenForge;

/** The unit tests' deployment: keys, issuer, audience, a fixed time, and its tokens made by {@link TokenForge}. */
final class TestTokens {

    static final byte[] SECRET = "unit-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.UTF_8);
    static final byte[] OTHER_SECRET = "another-secret-9876543210-zyxwvutsrqponmlkjihgfedcba".getBytes(StandardCharsets.UTF_8);
    static final String ISSUER = "https://issuer.test";
    static final String AUDIENCE = "api://orders";
    static final String ROLES = "roles";
    static final Duration LIFETIME = Duration.ofMinutes(15);
    static final Duration SKEW = Duration.ofSeconds(30);
    /** 2027-01-15T08:00:00Z. */
    static final long NOW = 1_800_000_000L;

    static final HmacSigningKeys KEYS = new HmacSigningKeys(SigningAlgorithm.HS256, SECRET);

    private TestTokens() {
    }

    static AccessTokenVerifier verifier(Clock clock) {
        return AccessTokenVerifier.forOwnTokens(KEYS, ISSUER, AUDIENCE, ROLES, LIFETIME, SKEW, clock);
    }

    static Clock fixedAt(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    /** A correct access token of this deployment issued at {@link #NOW}, to change and sign. */
    static TokenForge forge() {
        return TokenForge.hs256(SECRET).header("kid", KEYS.signingKeyId())
                .accessToken(ISSUER, AUDIENCE, "alice", NOW, LIFETIME.getSeconds()).claim("jti", "jti-1");
    }

    /** The header of a correct access token. */
    static Map<String, Object> header() {
        return forge().headerMap();
    }

    /** The claims of a correct access token issued at {@link #NOW}. */
    static Map<String, Object> claims() {
        return forge().claimsMap();
    }

    /** The claims of a correct access token but for its {@code iat} and {@code exp}. */
    static Map<String, Object> claims(long issuedAt, long expiresAt) {
        Map<String, Object> c = claims();
        c.put("iat", issuedAt);
        c.put("exp", expiresAt);
        return c;
    }

    /** Header and claims as given, HMAC-SHA256 with {@link #SECRET} whatever the header's alg. */
    static String sign(Map<String, Object> header, Map<String, Object> claims) {
        return TokenForge.jws().header(header).claims(claims).mac(SECRET, "HmacSHA256");
    }

    /** Base64url(header).base64url(payload).HMAC over both, with whatever JSON text is given. */
    static String sign(String headerJson, String payloadJson, byte[] key, String macAlgorithm) {
        return TokenForge.jws().headerJson(headerJson).payloadJson(payloadJson).mac(key, macAlgorithm);
    }
}
