package org.jwtauth.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jwtauth.refresh.RefreshRejectedException.Reason;
import org.jwtauth.testing.DelegatingStore;
import org.jwtauth.testing.H2Stores;
import org.jwtauth.testing.MutableClock;
import org.jwtauth.token.JwtPrincipal;

class RefreshTokenServiceTest {

    private static final Duration IDLE = Duration.ofDays(14);
    private static final Duration ABSOLUTE = Duration.ofDays(30);
    private static final Duration RETRY_WINDOW = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
    private RefreshTokenStore store;

    @BeforeEach
    void openStore() {
        store = H2Stores.open(dir);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private SessionCutOffs cutOffs;

    private RefreshTokenService service(Duration retryWindow) {
        return service(retryWindow, 0);
    }

    private RefreshTokenService service(Duration retryWindow, int maxSessionsPerUser) {
        cutOffs = new SessionCutOffs(store, "test", Duration.ofMinutes(15), clock);
        return new RefreshTokenService(store, new RefreshTokenGenerator(new SecureRandom(), new byte[32]), IDLE,
                ABSOLUTE, retryWindow, cutOffs, maxSessionsPerUser, clock);
    }

    private static JwtPrincipal accessTokenOf(IssuedRefreshToken session) {
        return new JwtPrincipal("alice", session.sessionId(), Set.of(), Instant.MAX, Map.of("iss", "test"));
    }

    private static Reason reason(ThrowingCall call) {
        return assertThrows(RefreshRejectedException.class, call::run).reason();
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    /** Presents {@code token} as alice, on the family it was issued in. */
    private static IssuedRefreshToken refresh(RefreshTokenService service, IssuedRefreshToken token)
            throws RefreshRejectedException {
        return service.rotate(token.token(), "alice", token.sessionId(), "jti-1", ClientInfo.NONE);
    }

    /** Presents {@code token} as alice with another access token of the same family (another {@code jti}). */
    private static Reason refusalWithAnotherAccessToken(RefreshTokenService service, IssuedRefreshToken token) {
        return reason(() -> service.rotate(token.token(), "alice", token.sessionId(), "jti-2", ClientInfo.NONE));
    }

    /** Why presenting {@code token} as alice, on its own family, is refused. */
    private static Reason refusal(RefreshTokenService service, IssuedRefreshToken token) {
        return reason(() -> refresh(service, token));
    }

    private RefreshTokenState stateOf(IssuedRefreshToken token) {
        return store.findByHash(RefreshTokenHash.of(token.token())).get().state();
    }

    /** Well-formed, but never issued by the service under test. */
    private static String unknownToken() {
        return new RefreshTokenGenerator(new SecureRandom(), new byte[32]).newToken();
    }

    @Test
    void startSessionWhenTheUserIsAtTheLimitThenTheLeastRecentlyUsedSessionEndsWithItsAccessTokens()
            throws Exception {
        RefreshTokenService service = service(Duration.ZERO, 2);
        IssuedRefreshToken oldest = service.startSession("alice", ClientInfo.NONE);
        clock.advance(Duration.ofMinutes(1));
        IssuedRefreshToken used = service.startSession("alice", ClientInfo.NONE);
        clock.advance(Duration.ofMinutes(1));
        IssuedRefreshToken middle = service.startSession("bob", ClientInfo.NONE);
        IssuedRefreshToken stillOld = service.startSession("alice", ClientInfo.NONE);
        assertEquals(Reason.REVOKED, refusal(service, oldest), "the third login ended the oldest session");
        clock.advance(Duration.ofMinutes(1));
        IssuedRefreshToken usedNext = service.rotate(used.token(), "alice", used.sessionId(), "jti", ClientInfo.NONE);
        clock.advance(Duration.ofMinutes(1));

        IssuedRefreshToken newest = service.startSession("alice", ClientInfo.NONE);

        assertEquals(List.of(newest.sessionId(), used.sessionId()), service.sessions("alice").stream()
                .map(UserSession::sessionId).collect(Collectors.toList()), "the recently refreshed one stays");
        assertEquals(Reason.REVOKED, refusal(service, stillOld));
        assertTrue(cutOffs.isCutOff(accessTokenOf(oldest)) && cutOffs.isCutOff(accessTokenOf(stillOld)));
        assertFalse(cutOffs.isCutOff(accessTokenOf(usedNext)));
        assertEquals(1, service.sessions("bob").size(), "another user's sessions are not counted");
        assertEquals(middle.sessionId(), service.sessions("bob").get(0).sessionId());
    }

    @Test
    void startSessionWhenTheLimitEndsSessionsThenTheCallerIsToldEachEndedOneAndNoOther() {
        RefreshTokenService service = service(Duration.ZERO, 1);
        List<String> ended = new ArrayList<>();
        IssuedRefreshToken first = service.startSession("alice", ClientInfo.NONE, ended::add);
        service.startSession("bob", ClientInfo.NONE, ended::add);
        assertEquals(List.of(), ended, "below the limit, and another user's session does not count");
        clock.advance(Duration.ofMinutes(1));

        IssuedRefreshToken second = service.startSession("alice", ClientInfo.NONE, ended::add);

        assertEquals(List.of(first.sessionId()), ended);
        assertTrue(cutOffs.isCutOff(accessTokenOf(first)));
        assertFalse(ended.contains(second.sessionId()));
    }

    @Test
    void revokeWhenASessionOrAllOfTheUsersEndThenTheirAccessTokensAreCutOffAtOnce() {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken phone = service.startSession("alice", ClientInfo.NONE);
        IssuedRefreshToken laptop = service.startSession("alice", ClientInfo.NONE);
        IssuedRefreshToken tablet = service.startSession("alice", ClientInfo.NONE);

        service.revokeSessionOf(phone.token());
        assertTrue(cutOffs.isCutOff(accessTokenOf(phone)));
        assertFalse(cutOffs.isCutOff(accessTokenOf(laptop)));

        service.revokeAll("alice");
        assertTrue(cutOffs.isCutOff(accessTokenOf(laptop)) && cutOffs.isCutOff(accessTokenOf(tablet)));
    }

    @Test
    void startSessionWhenCalledThenIssues43CharacterTokenAndStoresOnlyItsHash() {
        IssuedRefreshToken issued = service(Duration.ZERO).startSession("alice", ClientInfo.NONE);
        assertEquals(43, issued.token().length());
        assertTrue(store.findByHash(RefreshTokenHash.of(issued.token())).isPresent());
        assertTrue(store.findByHash(issued.token()).isEmpty(), "the raw token must not be a key of the store");
        assertEquals(clock.instant().plus(IDLE), issued.expiresAt());
    }

    @Test
    void rotateWhenTokenActiveThenSuccessorWorksAndPredecessorIsRotated() throws Exception {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken first = service.startSession("alice", ClientInfo.NONE);
        IssuedRefreshToken second = refresh(service, first);
        assertNotEquals(first.token(), second.token());
        assertEquals(first.sessionId(), second.sessionId());
        assertEquals(RefreshTokenState.ROTATED, stateOf(first));
        IssuedRefreshToken third = refresh(service, second);
        assertEquals(43, third.token().length());
    }

    @Test
    void refreshWhenTokenReusedThenFamilyRevokedAndOtherDevicesKept() throws Exception {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken laptop = service.startSession("alice", ClientInfo.NONE);
        IssuedRefreshToken phone = service.startSession("alice", ClientInfo.NONE);
        IssuedRefreshToken laptopNext = refresh(service, laptop);
        clock.advance(Duration.ofMinutes(1));

        assertEquals(Reason.REUSED, refusal(service, laptop));
        assertEquals(Reason.REVOKED, refusal(service, laptopNext));
        IssuedRefreshToken phoneNext = refresh(service, phone);
        assertEquals(phone.sessionId(), phoneNext.sessionId());
    }

    @Test
    void refreshWhenSubjectOrFamilyMismatchThenRejectedAndTokenNotBurned() throws Exception {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken alice = service.startSession("alice", ClientInfo.NONE);
        IssuedRefreshToken bob = service.startSession("bob", ClientInfo.NONE);
        assertEquals(Reason.MISMATCH, reason(() -> service.rotate(alice.token(), "bob", bob.sessionId(), "jti-1", ClientInfo.NONE)));
        assertEquals(Reason.MISMATCH, reason(() -> service.rotate(alice.token(), "alice", bob.sessionId(), "jti-1", ClientInfo.NONE)));
        assertEquals(RefreshTokenState.ACTIVE, stateOf(alice));
        refresh(service, alice);
    }

    @Test
    void refreshWhenUnknownOrMalformedTokenThenRejectedWithoutTouchingStore() {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken alice = service.startSession("alice", ClientInfo.NONE);
        assertEquals(Reason.UNKNOWN, reason(() -> service.rotate(unknownToken(), "alice", alice.sessionId(), "jti-1", ClientInfo.NONE)));
        assertEquals(Reason.MALFORMED, reason(() -> service.rotate("' OR 1=1 --", "alice", alice.sessionId(), "jti-1", ClientInfo.NONE)));
        assertEquals(Reason.MALFORMED, reason(() -> service.rotate("x".repeat(10_000), "alice", alice.sessionId(), "jti-1", ClientInfo.NONE)));
        assertEquals(RefreshTokenState.ACTIVE, stateOf(alice));
    }

    @Test
    void refreshWhenIdleExpiredThenRejected() {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken first = service.startSession("alice", ClientInfo.NONE);
        clock.advance(IDLE.plusSeconds(1));
        assertEquals(Reason.EXPIRED, refusal(service, first));
    }

    @Test
    void rotateWhenARotatedTokenIsPresentedAfterItsIdleExpiryWithinItsSessionThenReuseRevokesTheSession()
            throws Exception {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken r1 = service.startSession("alice", ClientInfo.NONE);
        // A thief rotates on day 1 and day 11; the owner comes back with R1 on day 15, after R1's idle expiry.
        clock.advance(Duration.ofDays(1));
        IssuedRefreshToken r2 = refresh(service, r1);
        clock.advance(Duration.ofDays(10));
        IssuedRefreshToken r3 = refresh(service, r2);
        clock.advance(Duration.ofDays(4));
        assertTrue(clock.instant().isAfter(r1.expiresAt()));

        assertEquals(Reason.REUSED, refusal(service, r1));
        assertEquals(Reason.REVOKED, refusal(service, r3), "the thief's newest token dies with the session");
    }

    @Test
    void rotateWhenATokenOfARevokedSessionIsPresentedThenTheSessionIsRevokedAgain() throws Exception {
        List<String> revocations = new ArrayList<>();
        store = new DelegatingStore(store) {
            @Override
            public int revokeSession(String sessionId, Instant at) {
                revocations.add(sessionId);
                return super.revokeSession(sessionId, at);
            }
        };
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken first = service.startSession("alice", ClientInfo.NONE);
        service.revokeSessionOf(first.token());

        assertEquals(Reason.REVOKED, refusal(service, first));
        assertEquals(List.of(first.sessionId(), first.sessionId()), revocations,
                "should any token of it have escaped the logout, presenting a revoked one ends it");
    }

    @Test
    void rotateWhenEachTokenUsedBeforeItsIdleExpiryThenTheFamilyStillEndsAtItsAbsoluteExpiry() throws Exception {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken token = service.startSession("alice", ClientInfo.NONE);
        Instant sessionEnd = clock.instant().plus(ABSOLUTE);
        // Refresh every 10 days: each token is used before its idle expiry, yet the family still ends.
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofDays(10));
            token = refresh(service, token);
        }
        assertEquals(sessionEnd, token.expiresAt(), "the last token expires with its family, not 14 days later");
        clock.advance(Duration.ofDays(10).plusSeconds(1));
        assertTrue(clock.instant().isAfter(sessionEnd));
        assertEquals(Reason.EXPIRED, refusal(service, token));
    }

    /** A family started with a retry window (design section 2, Refresh) and rotated once. */
    @Nested
    class WithARetryWindow {

        private RefreshTokenService service;
        private IssuedRefreshToken first;
        private IssuedRefreshToken second;

        @BeforeEach
        void startAndRotateOnce() throws Exception {
            service = service(RETRY_WINDOW);
            first = service.startSession("alice", ClientInfo.NONE);
            second = refresh(service, first);
        }

        @Test
        void rotateWhenRetriedWithinTheRetryWindowThenTheSameSuccessorIsReturned() throws Exception {
            clock.advance(RETRY_WINDOW.minusSeconds(20));
            IssuedRefreshToken retried = refresh(service, first);
            assertEquals(second.token(), retried.token());
            // The successor is still usable after the retry.
            refresh(service, second);
        }

        @Test
        void rotateWhenRetriedAfterTheRetryWindowThenReuseAndFamilyRevoked() {
            clock.advance(RETRY_WINDOW.plusSeconds(1));
            assertEquals(Reason.REUSED, refusal(service, first));
            assertEquals(Reason.REVOKED, refusal(service, second));
        }

        @Test
        void rotateWhenRetriedWithinTheRetryWindowWithAnotherAccessTokenThenReuseAndFamilyRevoked() {
            clock.advance(Duration.ofSeconds(1));
            assertEquals(Reason.REUSED, refusalWithAnotherAccessToken(service, first));
            assertEquals(Reason.REVOKED, refusal(service, second));
        }

        @Test
        void rotateWhenAnOlderGenerationIsRetriedWithinTheRetryWindowThenReuse() throws Exception {
            refresh(service, second);
            clock.advance(Duration.ofSeconds(5));
            assertEquals(Reason.REUSED, refusal(service, first));
        }
    }

    @Test
    void rotateWhenRotatedTokenPresentedWithinTheConcurrencyGraceThenRefusedWithoutRevokingTheFamily()
            throws Exception {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken first = service.startSession("alice", ClientInfo.NONE);
        IssuedRefreshToken second = refresh(service, first);
        clock.advance(RefreshTokenService.CONCURRENT_USE_GRACE.minusMillis(1));
        assertEquals(Reason.CONCURRENTLY_ROTATED, refusal(service, first));
        refresh(service, second);
    }

    @Test
    void rotateWhenRotatedTokenPresentedWithinTheConcurrencyGraceWithAnotherAccessTokenThenReuse() throws Exception {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken first = service.startSession("alice", ClientInfo.NONE);
        IssuedRefreshToken second = refresh(service, first);
        clock.advance(Duration.ofMillis(100));
        assertEquals(Reason.REUSED, refusalWithAnotherAccessToken(service, first));
        assertEquals(Reason.REVOKED, refusal(service, second));
    }

    @Test
    void logoutWhenOneDeviceThenOnlyItsFamilyIsRevokedAndWhenAllDevicesThenEveryFamilyOfTheSubject()
            throws Exception {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken laptop = service.startSession("alice", ClientInfo.NONE);
        IssuedRefreshToken phone = service.startSession("alice", ClientInfo.NONE);
        IssuedRefreshToken bob = service.startSession("bob", ClientInfo.NONE);
        service.revokeSessionOf(laptop.token());
        assertEquals(Reason.REVOKED, refusal(service, laptop));
        IssuedRefreshToken phoneNext = refresh(service, phone);

        service.revokeAll("alice");
        assertEquals(Reason.REVOKED, refusal(service, phoneNext));
        service.rotate(bob.token(), "bob", bob.sessionId(), "jti-1", ClientInfo.NONE);
    }

    @Test
    void logoutWhenTokenUnknownOrMalformedThenNothingIsRevoked() {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken alice = service.startSession("alice", ClientInfo.NONE);
        service.revokeSessionOf("not-a-token");
        service.revokeSessionOf(unknownToken());
        assertEquals(RefreshTokenState.ACTIVE, stateOf(alice));
    }
}
