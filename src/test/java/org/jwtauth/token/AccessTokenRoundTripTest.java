package org.jwtauth.token;

import static org.jwtauth.token.TestTokens.AUDIENCE;
import static org.jwtauth.token.TestTokens.ISSUER;
import static org.jwtauth.token.TestTokens.KEYS;
import static org.jwtauth.token.TestTokens.LIFETIME;
import static org.jwtauth.token.TestTokens.NOW;
import static org.jwtauth.token.TestTokens.ROLES;
import static org.jwtauth.token.TestTokens.SKEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.json.JsonUtil;
import org.jwtauth.config.SigningAlgorithm;
import org.jwtauth.token.InvalidTokenException.Reason;
import org.junit.jupiter.api.Test;
import org.jwtauth.keys.HmacSigningKeys;
import org.jwtauth.testing.JoseText;
import org.jwtauth.testing.MutableClock;

/** Tokens written by {@link AccessTokenIssuer} and read back by {@link AccessTokenVerifier}. */
class AccessTokenRoundTripTest {

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(NOW));
    private final AccessTokenIssuer issuer = new AccessTokenIssuer(KEYS, ISSUER, AUDIENCE, ROLES, LIFETIME, clock);
    private final AccessTokenVerifier verifier = TestTokens.verifier(clock);

    private String issue() {
        return issuer.issue("alice", List.of("user", "admin"), "family-1", Map.of()).token();
    }

    private static Map<String, Object> json(String segment) throws Exception {
        return JsonUtil.parseJson(JoseText.decode(segment));
    }

    @Test
    void issueThenVerifyGivesThePrincipalWithSubjectSessionAndRoles() throws Exception {
        IssuedAccessToken issued = issuer.issue("alice", List.of("user", "admin"), "family-1", Map.of());
        JwtPrincipal p = verifier.verify(issued.token());
        assertEquals("alice", p.getName());
        assertEquals("family-1", p.sessionId());
        assertEquals(Set.of("user", "admin"), p.roles());
        assertTrue(p.hasRole("admin"));
        assertFalse(p.hasRole("root"));
        assertEquals(Instant.ofEpochSecond(NOW + 900), p.expiresAt());
        assertEquals(p.expiresAt(), issued.expiresAt());
    }

    @Test
    void issuedHeaderHasTypAtJwtKidAndTheConfiguredAlgorithm() throws Exception {
        Map<String, Object> header = json(issue().split("\\.")[0]);
        assertEquals("at+jwt", header.get("typ"));
        assertEquals(KEYS.signingKeyId(), header.get("kid"));
        assertEquals("HS256", header.get("alg"));
        assertEquals(Set.of("typ", "kid", "alg"), header.keySet());
    }

    @Test
    void issuedClaimsHaveIssAudSubSidRolesJtiIatAndExp() throws Exception {
        Map<String, Object> claims = json(issue().split("\\.")[1]);
        assertEquals(ISSUER, claims.get("iss"));
        assertEquals(AUDIENCE, claims.get("aud"));
        assertEquals("alice", claims.get("sub"));
        assertEquals("family-1", claims.get("sid"));
        assertEquals(List.of("user", "admin"), claims.get("roles"));
        assertEquals(NOW, ((Number) claims.get("iat")).longValue());
        assertEquals(NOW + LIFETIME.getSeconds(), ((Number) claims.get("exp")).longValue());
        assertTrue(claims.get("jti") instanceof String && !((String) claims.get("jti")).isEmpty());
    }

    @Test
    void issueTwiceGivesDistinctJti() throws Exception {
        assertNotEquals(json(issue().split("\\.")[1]).get("jti"), json(issue().split("\\.")[1]).get("jti"));
    }

    @Test
    void issueWhenClockHasFractionalSecondsThenIatAndExpAreTruncatedAndAgreeWithExpiresAt() throws Exception {
        clock.advance(Duration.ofMillis(700));
        IssuedAccessToken issued = issuer.issue("alice", List.of(), "family-1", Map.of());
        Map<String, Object> claims = json(issued.token().split("\\.")[1]);
        assertEquals(NOW, ((Number) claims.get("iat")).longValue());
        assertEquals(Instant.ofEpochSecond(NOW + 900), issued.expiresAt());
    }

    @Test
    void issueWhenExtraClaimsTryToOverrideOwnClaimsThenTheyAreIgnored() throws Exception {
        Map<String, Object> extra = Map.of("iss", "evil", "sub", "root", "exp", NOW + 999_999, "sid", "other",
                "jti", "fixed", "roles", List.of("root"), "email", "alice@example.test");
        JwtPrincipal p = verifier.verify(issuer.issue("alice", List.of("user"), "family-1", extra).token());
        assertEquals("alice", p.getName());
        assertEquals("family-1", p.sessionId());
        assertEquals(Set.of("user"), p.roles());
        assertEquals(ISSUER, p.claim("iss").orElseThrow());
        assertNotEquals("fixed", p.claim("jti").orElseThrow());
        assertEquals("alice@example.test", p.claim("email").orElseThrow());
    }

    @Test
    void verifyWhenNoRolesIssuedThenPrincipalHasNoRoles() throws Exception {
        assertEquals(Set.of(), verifier.verify(issuer.issue("bob", List.of(), "f", Map.of()).token()).roles());
    }

    @Test
    void verifyWhenTokenExpiredWithinSkewThenAccepted() throws Exception {
        String token = issue();
        clock.advance(LIFETIME.plus(SKEW).minusSeconds(1));
        assertEquals("alice", verifier.verify(token).getName());
    }

    @Test
    void verifyWhenTokenExpiredBeyondSkewThenExpired() {
        String token = issue();
        clock.advance(LIFETIME.plus(SKEW));
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> verifier.verify(token));
        assertEquals(Reason.EXPIRED, e.reason());
    }

    @Test
    void verifyWhenVerifierClockIsBehindByMoreThanSkewThenRefused() {
        String token = issue();
        clock.advance(SKEW.plusSeconds(1).negated());
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> verifier.verify(token));
        assertEquals(Reason.INVALID, e.reason());
    }

    @Test
    void verifyWhenIssuedWithAnotherIssuerOrAudienceThenInvalid() {
        String otherIss = new AccessTokenIssuer(KEYS, "https://other.test", AUDIENCE, ROLES, LIFETIME, clock)
                .issue("alice", List.of(), "f", Map.of()).token();
        String otherAud = new AccessTokenIssuer(KEYS, ISSUER, "api://billing", ROLES, LIFETIME, clock)
                .issue("alice", List.of(), "f", Map.of()).token();
        assertEquals(Reason.INVALID, assertThrows(InvalidTokenException.class, () -> verifier.verify(otherIss)).reason());
        assertEquals(Reason.INVALID, assertThrows(InvalidTokenException.class, () -> verifier.verify(otherAud)).reason());
    }

    @Test
    void verifyWhenIssuedWithLongerLifetimeThanVerifierAllowsThenInvalid() {
        String token = new AccessTokenIssuer(KEYS, ISSUER, AUDIENCE, ROLES, Duration.ofHours(1), clock)
                .issue("alice", List.of(), "f", Map.of()).token();
        assertEquals(Reason.INVALID, assertThrows(InvalidTokenException.class, () -> verifier.verify(token)).reason());
    }

    @Test
    void verifyWhenRolesClaimNameConfiguredThenItIsReadFromThatClaim() throws Exception {
        AccessTokenIssuer groupsIssuer = new AccessTokenIssuer(KEYS, ISSUER, AUDIENCE, "groups", LIFETIME, clock);
        AccessTokenVerifier groupsVerifier = AccessTokenVerifier.forOwnTokens(KEYS, ISSUER, AUDIENCE, "groups", LIFETIME, SKEW,
                clock);
        String token = groupsIssuer.issue("alice", List.of("ops"), "f", Map.of()).token();
        assertEquals(Set.of("ops"), groupsVerifier.verify(token).roles());
        assertEquals(Set.of(), verifier.verify(token).roles());
    }

    @Test
    void roundTripWorksForHs384AndHs512WithTheirOwnKeys() throws Exception {
        for (SigningAlgorithm alg : List.of(SigningAlgorithm.HS384, SigningAlgorithm.HS512)) {
            HmacSigningKeys keys = new HmacSigningKeys(alg, "k".repeat(alg.minimumKeyBytes()).getBytes());
            String token = new AccessTokenIssuer(keys, ISSUER, AUDIENCE, ROLES, LIFETIME, clock)
                    .issue("alice", List.of("user"), "f", Map.of()).token();
            assertEquals(alg.joseName(), json(token.split("\\.")[0]).get("alg"));
            AccessTokenVerifier v = AccessTokenVerifier.forOwnTokens(keys, ISSUER, AUDIENCE, ROLES, LIFETIME, SKEW, clock);
            assertEquals("alice", v.verify(token).getName());
            // The HS256 verifier with another key refuses it.
            assertEquals(Reason.INVALID, assertThrows(InvalidTokenException.class, () -> verifier.verify(token)).reason());
        }
    }

    @Test
    void keyIdIsStableForOneSecretAndDiffersForAnother() {
        assertEquals(KEYS.signingKeyId(), new HmacSigningKeys(SigningAlgorithm.HS256, TestTokens.SECRET).signingKeyId());
        assertNotEquals(KEYS.signingKeyId(),
                new HmacSigningKeys(SigningAlgorithm.HS256, TestTokens.OTHER_SECRET).signingKeyId());
        assertFalse(KEYS.signingKeyId().contains(new String(TestTokens.SECRET).substring(0, 8)));
    }
}
