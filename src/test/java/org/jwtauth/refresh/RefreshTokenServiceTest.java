package org.jwtauth.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jwtauth.refresh.RefreshRejectedException.Reason;
import org.jwtauth.testing.H2Stores;
import org.jwtauth.testing.MutableClock;

class RefreshTokenServiceTest {

    private static final Duration IDLE = Duration.ofDays(14);
    private static final Duration ABSOLUTE = Duration.ofDays(30);

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

    private RefreshTokenService service(Duration retryWindow) {
        return new RefreshTokenService(store, new RefreshTokenGenerator(new SecureRandom(), new byte[32]), IDLE, ABSOLUTE,
                retryWindow, clock);
    }

    private static Reason reason(ThrowingCall call) {
        return assertThrows(RefreshRejectedException.class, call::run).reason();
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void startSessionIssues43CharacterTokenAndStoresOnlyItsHash() {
        IssuedRefreshToken issued = service(Duration.ZERO).startSession("alice");
        assertEquals(43, issued.token().length());
        assertTrue(store.findByHash(RefreshTokenHash.of(issued.token())).isPresent());
        assertTrue(store.findByHash(issued.token()).isEmpty(), "the raw token must not be a key of the store");
        assertEquals(clock.instant().plus(IDLE), issued.expiresAt());
    }

    @Test
    void rotateWhenTokenActiveThenSuccessorWorksAndPredecessorIsRotated() throws Exception {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken first = service.startSession("alice");
        IssuedRefreshToken second = service.rotate(first.token(), "alice", first.sessionId());
        assertNotEquals(first.token(), second.token());
        assertEquals(first.sessionId(), second.sessionId());
        assertEquals(RefreshTokenState.ROTATED, store.findByHash(RefreshTokenHash.of(first.token())).get().state());
        IssuedRefreshToken third = service.rotate(second.token(), "alice", first.sessionId());
        assertEquals(43, third.token().length());
    }

    @Test
    void refreshWhenTokenReusedThenFamilyRevokedAndOtherDevicesKept() throws Exception {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken laptop = service.startSession("alice");
        IssuedRefreshToken phone = service.startSession("alice");
        IssuedRefreshToken laptopNext = service.rotate(laptop.token(), "alice", laptop.sessionId());
        clock.advance(Duration.ofMinutes(1));

        assertEquals(Reason.REUSED, reason(() -> service.rotate(laptop.token(), "alice", laptop.sessionId())));
        assertEquals(Reason.REVOKED, reason(() -> service.rotate(laptopNext.token(), "alice", laptop.sessionId())));
        IssuedRefreshToken phoneNext = service.rotate(phone.token(), "alice", phone.sessionId());
        assertEquals(phone.sessionId(), phoneNext.sessionId());
    }

    @Test
    void refreshWhenSubjectOrFamilyMismatchThenRejectedAndTokenNotBurned() throws Exception {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken alice = service.startSession("alice");
        IssuedRefreshToken bob = service.startSession("bob");
        assertEquals(Reason.MISMATCH, reason(() -> service.rotate(alice.token(), "bob", bob.sessionId())));
        assertEquals(Reason.MISMATCH, reason(() -> service.rotate(alice.token(), "alice", bob.sessionId())));
        assertEquals(RefreshTokenState.ACTIVE, store.findByHash(RefreshTokenHash.of(alice.token())).get().state());
        service.rotate(alice.token(), "alice", alice.sessionId());
    }

    @Test
    void refreshWhenUnknownOrMalformedTokenThenRejectedWithoutTouchingStore() {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken alice = service.startSession("alice");
        String unknown = new RefreshTokenGenerator(new SecureRandom(), new byte[32]).newToken();
        assertEquals(Reason.UNKNOWN, reason(() -> service.rotate(unknown, "alice", alice.sessionId())));
        assertEquals(Reason.MALFORMED, reason(() -> service.rotate("' OR 1=1 --", "alice", alice.sessionId())));
        assertEquals(Reason.MALFORMED, reason(() -> service.rotate("x".repeat(10_000), "alice", alice.sessionId())));
        assertEquals(RefreshTokenState.ACTIVE, store.findByHash(RefreshTokenHash.of(alice.token())).get().state());
    }

    @Test
    void refreshWhenIdleExpiredThenRejected() {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken first = service.startSession("alice");
        clock.advance(IDLE.plusSeconds(1));
        assertEquals(Reason.EXPIRED, reason(() -> service.rotate(first.token(), "alice", first.sessionId())));
    }

    @Test
    void rotationNeverExtendsTheFamilysAbsoluteExpiry() throws Exception {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken token = service.startSession("alice");
        Instant sessionEnd = clock.instant().plus(ABSOLUTE);
        // Refresh every 10 days: each token is used before its idle expiry, yet the family still ends.
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofDays(10));
            token = service.rotate(token.token(), "alice", token.sessionId());
        }
        assertEquals(sessionEnd, token.expiresAt(), "the last token expires with its family, not 14 days later");
        clock.advance(Duration.ofDays(10).plusSeconds(1));
        IssuedRefreshToken last = token;
        assertTrue(clock.instant().isAfter(sessionEnd));
        assertEquals(Reason.EXPIRED, reason(() -> service.rotate(last.token(), "alice", last.sessionId())));
    }

    @Test
    void retryWithinWindowReturnsTheSameSuccessor() throws Exception {
        RefreshTokenService service = service(Duration.ofSeconds(30));
        IssuedRefreshToken first = service.startSession("alice");
        IssuedRefreshToken second = service.rotate(first.token(), "alice", first.sessionId());
        clock.advance(Duration.ofSeconds(10));
        IssuedRefreshToken retried = service.rotate(first.token(), "alice", first.sessionId());
        assertEquals(second.token(), retried.token());
        // The successor is still usable after the retry.
        service.rotate(second.token(), "alice", first.sessionId());
    }

    @Test
    void retryAfterWindowIsReuseAndRevokesFamily() throws Exception {
        RefreshTokenService service = service(Duration.ofSeconds(30));
        IssuedRefreshToken first = service.startSession("alice");
        IssuedRefreshToken second = service.rotate(first.token(), "alice", first.sessionId());
        clock.advance(Duration.ofSeconds(31));
        assertEquals(Reason.REUSED, reason(() -> service.rotate(first.token(), "alice", first.sessionId())));
        assertEquals(Reason.REVOKED, reason(() -> service.rotate(second.token(), "alice", first.sessionId())));
    }

    @Test
    void retryOfOlderGenerationWithinWindowIsReuse() throws Exception {
        RefreshTokenService service = service(Duration.ofSeconds(30));
        IssuedRefreshToken first = service.startSession("alice");
        IssuedRefreshToken second = service.rotate(first.token(), "alice", first.sessionId());
        service.rotate(second.token(), "alice", first.sessionId());
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Reason.REUSED, reason(() -> service.rotate(first.token(), "alice", first.sessionId())));
    }

    @Test
    void presentingARotatedTokenWithinTheConcurrencyGraceIsRefusedWithoutRevokingTheFamily() throws Exception {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken first = service.startSession("alice");
        IssuedRefreshToken second = service.rotate(first.token(), "alice", first.sessionId());
        clock.advance(RefreshTokenService.CONCURRENT_USE_GRACE.minusMillis(1));
        assertEquals(Reason.CONCURRENTLY_ROTATED,
                reason(() -> service.rotate(first.token(), "alice", first.sessionId())));
        service.rotate(second.token(), "alice", first.sessionId());
    }

    @Test
    void logoutRevokesOnlyThatFamilyAndAllDevicesRevokesEveryFamilyOfTheSubject() throws Exception {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken laptop = service.startSession("alice");
        IssuedRefreshToken phone = service.startSession("alice");
        IssuedRefreshToken bob = service.startSession("bob");
        service.revokeSessionOf(laptop.token());
        assertEquals(Reason.REVOKED, reason(() -> service.rotate(laptop.token(), "alice", laptop.sessionId())));
        IssuedRefreshToken phoneNext = service.rotate(phone.token(), "alice", phone.sessionId());

        service.revokeAll("alice");
        assertEquals(Reason.REVOKED, reason(() -> service.rotate(phoneNext.token(), "alice", phone.sessionId())));
        service.rotate(bob.token(), "bob", bob.sessionId());
    }

    @Test
    void logoutWithUnknownOrMalformedTokenIsANoOp() {
        RefreshTokenService service = service(Duration.ZERO);
        IssuedRefreshToken alice = service.startSession("alice");
        service.revokeSessionOf("not-a-token");
        service.revokeSessionOf(new RefreshTokenGenerator(new SecureRandom(), new byte[32]).newToken());
        assertEquals(RefreshTokenState.ACTIVE, store.findByHash(RefreshTokenHash.of(alice.token())).get().state());
    }
}
