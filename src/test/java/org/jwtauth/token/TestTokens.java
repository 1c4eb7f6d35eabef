package org.jwtauth.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import org.jose4j.json.JsonUtil;
import org.jwtauth.config.SigningAlgorithm;
import org.jwtauth.keys.HmacSigningKeys;

import static org.jwtauth.testing.JoseText.b64;
import static org.jwtauth.testing.JoseText.decode;
import static org.jwtauth.testing.JoseText.mac;

/** Test keys, a settable clock, and hand-made (possibly hostile) compact JWS tokens. */
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

    /** The header of a correct access token. */
    static Map<String, Object> header() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("alg", "HS256");
        h.put("typ", "at+jwt");
        h.put("kid", KEYS.signingKeyId());
        return h;
    }

    /** The claims of a correct access token issued at {@link #NOW}. */
    static Map<String, Object> claims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", ISSUER);
        c.put("aud", AUDIENCE);
        c.put("sub", "alice");
        c.put("iat", NOW);
        c.put("exp", NOW + LIFETIME.getSeconds());
        c.put("jti", "jti-1");
        c.put("sid", "family-1");
        c.put("roles", List.of("user"));
        return c;
    }

    /** The claims of a correct access token but for its {@code iat} and {@code exp}. */
    static Map<String, Object> claims(long issuedAt, long expiresAt) {
        Map<String, Object> c = claims();
        c.put("iat", issuedAt);
        c.put("exp", expiresAt);
        return c;
    }

    static String sign(Map<String, Object> header, Map<String, Object> claims) {
        return sign(JsonUtil.toJson(header), JsonUtil.toJson(claims), SECRET, "HmacSHA256");
    }

    /** Base64url(header).base64url(payload).HMAC over both, with whatever JSON text is given. */
    static String sign(String headerJson, String payloadJson, byte[] key, String macAlgorithm) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        return input + "." + b64(mac(input.getBytes(StandardCharsets.US_ASCII), key, macAlgorithm));
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant instant;

        MutableClock(Instant instant) {
            this.instant = instant;
        }

        void advance(Duration d) {
            instant = instant.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return instant;
        }
    }
}
