package org.jwtauth.token;

import static org.jwtauth.token.TestTokens.NOW;
import static org.jwtauth.token.TestTokens.claims;
import static org.jwtauth.token.TestTokens.header;
import static org.jwtauth.token.TestTokens.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jwtauth.token.InvalidTokenException.Reason;
import org.junit.jupiter.api.Test;

/** The refresh endpoint's check: everything but {@code exp}, which may have passed by at most the grace. */
class VerifyAllowingExpiryTest {

    private static final Duration GRACE = Duration.ofDays(14);
    private final AccessTokenVerifier verifier = TestTokens.verifier(TestTokens.fixedAt(NOW));

    /** A correct token issued {@code secondsAgo} before now, with the full 15-minute lifetime. */
    private static Map<String, Object> issuedAgo(long secondsAgo) {
        return claims(NOW - secondsAgo, NOW - secondsAgo + 900);
    }

    private void assertRefused(String token, Reason reason) {
        InvalidTokenException e = assertThrows(InvalidTokenException.class,
                () -> verifier.verifyAllowingExpiry(token, GRACE));
        assertEquals(reason, e.reason());
        assertEquals(reason.description(), e.getMessage());
    }

    @Test
    void verifyAllowingExpiryWhenExpiredForLessThanGraceThenAccepted() throws Exception {
        String token = sign(header(), issuedAgo(Duration.ofDays(1).getSeconds()));
        assertEquals(Reason.EXPIRED, assertThrows(InvalidTokenException.class, () -> verifier.verify(token)).reason());
        JwtPrincipal p = verifier.verifyAllowingExpiry(token, GRACE);
        assertEquals("alice", p.getName());
        assertEquals("family-1", p.sessionId());
        assertEquals(Instant.ofEpochSecond(NOW - 86_400 + 900), p.expiresAt());
    }

    @Test
    void verifyAllowingExpiryWhenExpiredJustUnderGracePlusSkewThenAcceptedAndAtItThenExpired() throws Exception {
        long edge = GRACE.getSeconds() + 30;
        assertEquals("alice", verifier.verifyAllowingExpiry(sign(header(), issuedAgo(edge + 899)), GRACE).getName());
        assertRefused(sign(header(), issuedAgo(edge + 900)), Reason.EXPIRED);
    }

    @Test
    void verifyAllowingExpiryWhenExpiredBeyondGraceThenExpired() {
        assertRefused(sign(header(), issuedAgo(Duration.ofDays(15).getSeconds())), Reason.EXPIRED);
    }

    @Test
    void verifyAllowingExpiryWhenNotExpiredThenAccepted() throws Exception {
        assertEquals("alice", verifier.verifyAllowingExpiry(sign(header(), claims()), GRACE).getName());
    }

    @Test
    void verifyAllowingExpiryWhenSignedWithAnotherSecretThenInvalid() {
        assertRefused(sign(JsonUtil.toJson(header()), JsonUtil.toJson(issuedAgo(3600)), TestTokens.OTHER_SECRET,
                "HmacSHA256"), Reason.INVALID);
    }

    @Test
    void verifyAllowingExpiryStillRefusesWrongIssuerAudienceTypeAndMissingClaims() {
        for (String[] change : new String[][] {{"iss", "https://evil.test"}, {"aud", "api://billing"}}) {
            Map<String, Object> c = issuedAgo(3600);
            c.put(change[0], change[1]);
            assertRefused(sign(header(), c), Reason.INVALID);
        }
        for (String claim : new String[] {"sub", "sid", "jti", "iat", "exp"}) {
            Map<String, Object> c = issuedAgo(3600);
            c.remove(claim);
            assertRefused(sign(header(), c), Reason.INVALID);
        }
        Map<String, Object> h = header();
        h.put("typ", "JWT");
        assertRefused(sign(h, issuedAgo(3600)), Reason.INVALID);
    }

    @Test
    void verifyAllowingExpiryStillRefusesOverlongValidityAndFutureIat() {
        assertRefused(sign(header(), claims(NOW - 3600, NOW - 3600 + 900 + 31)), Reason.INVALID);
        assertRefused(sign(header(), claims(NOW + 31, NOW + 31 + 900)), Reason.INVALID);
    }

    @Test
    void verifyAllowingExpiryStillRefusesMalformedTokens() {
        assertRefused(sign(header(), issuedAgo(3600)) + "=", Reason.MALFORMED);
    }
}
