package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.store.StoreFixture.NOW;
import static org.jwtauth.store.StoreFixture.active;
import static org.jwtauth.store.StoreFixture.activeExpiring;
import static org.jwtauth.store.StoreFixture.inserted;
import static org.jwtauth.store.StoreFixture.newHash;
import static org.jwtauth.store.StoreFixture.newId;
import static org.jwtauth.store.StoreFixture.stateOf;
import static org.jwtauth.store.StoreFixture.withStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jwtauth.refresh.ClientInfo;
import org.jwtauth.refresh.RefreshTokenState;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.RevokedSession;
import org.jwtauth.refresh.StoredRefreshToken;
import org.jwtauth.refresh.UserSession;

/** The behaviour every {@link RefreshTokenStore} promises, on each real database. */
class RefreshTokenStoreContractTest {

    @OnEveryDatabase
    void findByHashWhenTokenInsertedThenEveryFieldIsReturned(TestDatabase db) throws Exception {
        withStore(db, (scratch, store) -> {
            StoredRefreshToken token = inserted(store, new StoredRefreshToken(newHash(), newId("fam"),
                    "user-Ä@example.org", RefreshTokenState.ROTATED, NOW, NOW.plusSeconds(60), NOW.plusSeconds(3600),
                    NOW.plusMillis(5), "rotating-jti"));

            StoredRefreshToken found = store.findByHash(token.hash()).orElseThrow();
            assertEquals(token.hash(), found.hash());
            assertEquals(token.sessionId(), found.sessionId());
            assertEquals(token.subject(), found.subject());
            assertEquals(RefreshTokenState.ROTATED, found.state());
            assertEquals(NOW, found.createdAt());
            assertEquals(NOW.plusSeconds(60), found.idleExpiresAt());
            assertEquals(NOW.plusSeconds(3600), found.sessionExpiresAt());
            assertEquals(Optional.of(NOW.plusMillis(5)), found.rotatedAt());
            assertEquals(Optional.of("rotating-jti"), found.rotatedBy());
        });
    }

    @OnEveryDatabase
    void findByHashWhenHashUnknownThenEmpty(TestDatabase db) throws Exception {
        withStore(db, (scratch, store) -> {
            store.insert(active(newId("fam"), "alice"));
            assertEquals(Optional.empty(), store.findByHash(newHash()));
        });
    }

    @OnEveryDatabase
    void findAndRotateWhenHashDiffersOnlyInLetterCaseThenItIsAnotherToken(TestDatabase db) throws Exception {
        withStore(db, (scratch, store) -> {
            String lower = "abcdefghijklmnopqrstuvwxyz0123456789-_abcde";
            StoredRefreshToken token = inserted(store, StoredRefreshToken.active(lower, newId("fam"), "alice", NOW,
                    NOW.plusSeconds(60), NOW.plusSeconds(120)));
            String upper = lower.toUpperCase(Locale.ROOT);
            assertEquals(Optional.empty(), store.findByHash(upper));
            assertRotationRefused(store, upper, NOW, token.sessionId(), "other letter case");
        });
    }

    @OnEveryDatabase
    void rotateWhenTokenActiveThenMarkedRotatedAndSuccessorStored(TestDatabase db) throws Exception {
        withStore(db, (scratch, store) -> {
            String family = newId("fam");
            StoredRefreshToken first = inserted(store, active(family, "alice"));
            StoredRefreshToken successor = active(family, "alice");
            Instant at = NOW.plusSeconds(30);

            assertTrue(store.rotate(first.hash(), at, "rotating-jti", successor, ClientInfo.NONE));

            StoredRefreshToken old = store.findByHash(first.hash()).orElseThrow();
            assertEquals(RefreshTokenState.ROTATED, old.state());
            assertEquals(Optional.of(at), old.rotatedAt());
            assertEquals(Optional.of("rotating-jti"), old.rotatedBy());
            StoredRefreshToken next = store.findByHash(successor.hash()).orElseThrow();
            assertEquals(RefreshTokenState.ACTIVE, next.state());
            assertEquals(family, next.sessionId());
            assertEquals(successor.sessionExpiresAt(), next.sessionExpiresAt());
        });
    }

    @OnEveryDatabase
    void rotateWhenTokenRotatedRevokedOrUnknownThenFalseAndNoSuccessorStored(TestDatabase db) throws Exception {
        withStore(db, (scratch, store) -> {
            String family = newId("fam");
            StoredRefreshToken first = inserted(store, active(family, "alice"));
            rotated(store, first);
            assertRotationRefused(store, first.hash(), NOW.plusSeconds(1), family, "already rotated");
            assertEquals(Optional.of(NOW), store.findByHash(first.hash()).orElseThrow().rotatedAt());

            StoredRefreshToken revoked = inserted(store, active(newId("fam"), "alice"));
            store.revokeSession(revoked.sessionId(), NOW);
            assertRotationRefused(store, revoked.hash(), NOW, revoked.sessionId(), "revoked");
            assertEquals(RefreshTokenState.REVOKED, stateOf(store, revoked));

            assertRotationRefused(store, newHash(), NOW, family, "unknown");
        });
    }

    @OnEveryDatabase
    void revokeFamilyWhenSubjectHasOtherFamiliesThenOnlyThatFamilyIsRevoked(TestDatabase db) throws Exception {
        withStore(db, (scratch, store) -> {
            String family = newId("fam");
            StoredRefreshToken first = inserted(store, active(family, "alice"));
            StoredRefreshToken second = rotated(store, first);
            StoredRefreshToken otherDevice = inserted(store, active(newId("fam"), "alice"));

            assertEquals(2, store.revokeSession(family, NOW));

            assertEquals(RefreshTokenState.REVOKED, stateOf(store, first));
            assertEquals(RefreshTokenState.REVOKED, stateOf(store, second));
            assertEquals(RefreshTokenState.ACTIVE, stateOf(store, otherDevice));
            assertEquals(0, store.revokeSession(family, NOW), "nothing left to revoke");
            assertEquals(0, store.revokeSession(newId("fam"), NOW));
        });
    }

    @OnEveryDatabase
    void revokeSubjectWhenItHasSeveralFamiliesThenAllAreRevokedAndNoOtherSubjectIsTouched(TestDatabase db)
            throws Exception {
        withStore(db, (scratch, store) -> {
            List<StoredRefreshToken> alices = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                alices.add(inserted(store, active(newId("fam"), "alice")));
            }
            StoredRefreshToken bob = inserted(store, active(newId("fam"), "bob"));
            StoredRefreshToken aliceUpper = inserted(store, active(newId("fam"), "ALICE"));

            assertEquals(3, store.revokeSubject("alice", NOW));

            for (StoredRefreshToken t : alices) {
                assertEquals(RefreshTokenState.REVOKED, stateOf(store, t));
            }
            assertEquals(RefreshTokenState.ACTIVE, stateOf(store, bob));
            assertEquals(RefreshTokenState.ACTIVE, stateOf(store, aliceUpper));
        });
    }

    @OnEveryDatabase
    void revokedAfterWhenSessionsAreRevokedThenEachListedOnceAtItsFirstRevocationInOrderAndPaged(TestDatabase db)
            throws Exception {
        withStore(db, (scratch, store) -> {
            String subject = newId("user");
            StoredRefreshToken one = inserted(store, active(newId("fam"), subject));
            StoredRefreshToken two = inserted(store, active(newId("fam"), subject));
            StoredRefreshToken three = inserted(store, active(newId("fam"), subject));
            inserted(store, active(newId("fam"), "someone-else"));
            Instant first = NOW.plusSeconds(1);
            Instant second = NOW.plusSeconds(2);
            store.revokeSession(one.sessionId(), first);
            store.revokeSubject(subject, second);
            store.revokeSession(one.sessionId(), NOW.plusSeconds(5));

            List<RevokedSession> expected = new ArrayList<>(List.of(new RevokedSession(one.sessionId(), first),
                    new RevokedSession(two.sessionId(), second), new RevokedSession(three.sessionId(), second)));
            expected.subList(1, 3).sort(null);
            assertEquals(expected, store.revokedAfter(RevokedSession.before(NOW), 10),
                    "a session revoked again keeps its first time");
            assertEquals(expected.subList(0, 2), store.revokedAfter(RevokedSession.before(NOW), 2));
            assertEquals(expected.subList(2, 3), store.revokedAfter(expected.get(1), 2), "the next page");
            assertEquals(List.of(), store.revokedAfter(RevokedSession.before(NOW.plusSeconds(3)), 10));
        });
    }

    @OnEveryDatabase
    void insertAndRotateWhenTheClientIsGivenThenTheSessionKeepsItsLoginsAndItsLatestClient(TestDatabase db)
            throws Exception {
        withStore(db, (scratch, store) -> {
            String agent = "Desktöp/1.0 " + "x".repeat(300);
            StoredRefreshToken first = active(newId("fam"), "alice");
            store.insert(first, ClientInfo.of(agent, "192.0.2.1"));
            StoredRefreshToken successor = StoredRefreshToken.active(newHash(), first.sessionId(), "alice",
                    NOW.plusSeconds(60), NOW.plus(Duration.ofDays(14)), first.sessionExpiresAt());
            assertTrue(store.rotate(first.hash(), NOW.plusSeconds(60), "by", successor,
                    ClientInfo.of("Phone/2", "2001:db8::1")));

            UserSession session = store.activeSessions("alice", NOW.plusSeconds(61)).get(0);
            assertEquals(Optional.of(agent.substring(0, ClientInfo.MAX_USER_AGENT)), session.login().userAgent());
            assertEquals(Optional.of("192.0.2.1"), session.login().address());
            assertEquals(Optional.of("Phone/2"), session.userAgent());
            assertEquals(Optional.of("2001:db8::1"), session.address());
        });
    }

    @OnEveryDatabase
    void activeSessionsWhenSomeAreRevokedOrExpiredThenOnlyTheSubjectsLiveOnesMostRecentlyUsedFirst(TestDatabase db)
            throws Exception {
        withStore(db, (scratch, store) -> {
            String subject = newId("user");
            StoredRefreshToken first = inserted(store, active(newId("fam"), subject));
            StoredRefreshToken second = inserted(store, active(newId("fam"), subject));
            StoredRefreshToken revoked = inserted(store, active(newId("fam"), subject));
            inserted(store, active(newId("fam"), "someone-else"));
            store.revokeSession(revoked.sessionId(), NOW);
            StoredRefreshToken successor = StoredRefreshToken.active(StoreFixture.newHash(), first.sessionId(),
                    subject, NOW.plusSeconds(60), NOW.plus(Duration.ofDays(14)), first.sessionExpiresAt());
            assertTrue(store.rotate(first.hash(), NOW.plusSeconds(60), "by", successor, ClientInfo.NONE));

            List<String> live = store.activeSessions(subject, NOW.plusSeconds(61)).stream()
                    .map(s -> s.sessionId()).collect(Collectors.toList());
            List<String> later = store.activeSessions(subject, first.sessionExpiresAt()).stream()
                    .map(s -> s.sessionId()).collect(Collectors.toList());

            assertEquals(List.of(first.sessionId(), second.sessionId()), live);
            assertEquals(List.of(), later, "none after the absolute expiry");
            assertEquals(List.of(), store.activeSessions("x".repeat(300), NOW), "too long to be stored");
        });
    }

    @OnEveryDatabase
    void deleteExpiredWhenActiveRowsIdleOrSessionsExpiredThenDeletedAndRotatedRowsKeptUntilTheirSessionExpires(
            TestDatabase db) throws Exception {
        withStore(db, (scratch, store) -> {
            Instant later = NOW.plus(Duration.ofDays(1));
            StoredRefreshToken idleExpired = activeExpiring(newId("fam"), NOW.minusSeconds(1), later);
            StoredRefreshToken idleExpiresNow = activeExpiring(newId("fam"), NOW, later);
            StoredRefreshToken sessionExpired = activeExpiring(newId("fam"), later, NOW.minusMillis(1));
            StoredRefreshToken alive = activeExpiring(newId("fam"), NOW.plusMillis(1), later);
            StoredRefreshToken rotatedAlive = activeExpiring(newId("fam"), later, later);
            StoredRefreshToken rotatedIdleExpired = activeExpiring(newId("fam"), NOW.minusSeconds(1), later);
            StoredRefreshToken revokedIdleExpired = activeExpiring(newId("fam"), NOW.minusSeconds(1), later);
            for (StoredRefreshToken t : List.of(idleExpired, idleExpiresNow, sessionExpired, alive, rotatedAlive,
                    rotatedIdleExpired, revokedIdleExpired)) {
                store.insert(t);
            }
            for (StoredRefreshToken t : List.of(rotatedAlive, rotatedIdleExpired)) {
                assertTrue(store.rotate(t.hash(), NOW, "rotating-jti", activeExpiring(t.sessionId(), later, later), ClientInfo.NONE));
            }
            store.revokeSession(revokedIdleExpired.sessionId(), NOW);

            // Three token rows, and the one expired session's row.
            assertEquals(4, store.deleteExpired(NOW, 100));

            assertEquals(Optional.empty(), store.findByHash(idleExpired.hash()));
            assertEquals(Optional.empty(), store.findByHash(idleExpiresNow.hash()));
            assertEquals(Optional.empty(), store.findByHash(sessionExpired.hash()));
            assertTrue(store.findByHash(alive.hash()).isPresent());
            assertEquals(RefreshTokenState.ROTATED, stateOf(store, rotatedAlive));
            assertEquals(RefreshTokenState.ROTATED, stateOf(store, rotatedIdleExpired), "kept for reuse detection");
            assertEquals(RefreshTokenState.REVOKED, stateOf(store, revokedIdleExpired), "kept: a revocation is final");
            assertEquals(0, store.deleteExpired(NOW, 100));
            // At the sessions' expiry every row goes: six token rows, six sessions (two of them without tokens).
            assertEquals(12, store.deleteExpired(later, 100));
            assertEquals(0, store.deleteExpired(later.plusSeconds(1), 100));
        });
    }

    @OnEveryDatabase
    void deleteExpiredWhenMoreExpiredRowsThanTheBatchSizeThenAtMostABatchPerCall(TestDatabase db) throws Exception {
        withStore(db, (scratch, store) -> {
            List<StoredRefreshToken> expired = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                expired.add(inserted(store, activeExpiring(newId("fam"), NOW.minusSeconds(10), NOW.plusSeconds(10))));
            }
            StoredRefreshToken alive = inserted(store, active(newId("fam"), "alice"));

            assertEquals(3, store.deleteExpired(NOW, 3));
            assertEquals(4, expired.stream().filter(t -> store.findByHash(t.hash()).isPresent()).count());
            assertEquals(3, store.deleteExpired(NOW, 3));
            assertEquals(1, store.deleteExpired(NOW, 3));
            assertEquals(0, store.deleteExpired(NOW, 3));
            assertTrue(store.findByHash(alive.hash()).isPresent());
        });
    }

    /** Rotates {@code token} at {@link StoreFixture#NOW}, which must succeed, and returns its successor. */
    private static StoredRefreshToken rotated(RefreshTokenStore store, StoredRefreshToken token) {
        StoredRefreshToken successor = active(token.sessionId(), "alice");
        assertTrue(store.rotate(token.hash(), NOW, "rotating-jti", successor, ClientInfo.NONE));
        return successor;
    }

    /** Rotating {@code hash} is refused, and the successor it was offered is not stored. */
    private static void assertRotationRefused(RefreshTokenStore store, String hash, Instant at, String family,
                                              String why) {
        StoredRefreshToken successor = active(family, "alice");
        assertFalse(store.rotate(hash, at, "rotating-jti", successor, ClientInfo.NONE), why);
        assertEquals(Optional.empty(), store.findByHash(successor.hash()), why);
    }
}
