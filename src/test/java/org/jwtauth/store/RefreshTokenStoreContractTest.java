package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.store.StoreFixture.NOW;
import static org.jwtauth.store.StoreFixture.active;
import static org.jwtauth.store.StoreFixture.activeExpiring;
import static org.jwtauth.store.StoreFixture.newHash;
import static org.jwtauth.store.StoreFixture.newId;
import static org.jwtauth.store.StoreFixture.withStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jwtauth.refresh.RefreshTokenState;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.StoredRefreshToken;

/** The behaviour every {@link RefreshTokenStore} promises, on each real database. */
class RefreshTokenStoreContractTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void insertThenFindReturnsEveryField(TestDatabase db) throws Exception {
        withStore(db, (scratch, store) -> {
            StoredRefreshToken token = new StoredRefreshToken(newHash(), newId("fam"), "user-Ä@example.org",
                    RefreshTokenState.ROTATED, NOW, NOW.plusSeconds(60), NOW.plusSeconds(3600), NOW.plusMillis(5));
            store.insert(token);

            StoredRefreshToken found = store.findByHash(token.hash()).orElseThrow();
            assertEquals(token.hash(), found.hash());
            assertEquals(token.sessionId(), found.sessionId());
            assertEquals(token.subject(), found.subject());
            assertEquals(RefreshTokenState.ROTATED, found.state());
            assertEquals(NOW, found.createdAt());
            assertEquals(NOW.plusSeconds(60), found.idleExpiresAt());
            assertEquals(NOW.plusSeconds(3600), found.sessionExpiresAt());
            assertEquals(Optional.of(NOW.plusMillis(5)), found.rotatedAt());
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void findUnknownHashIsEmpty(TestDatabase db) throws Exception {
        withStore(db, (scratch, store) -> {
            store.insert(active(newId("fam"), "alice"));
            assertEquals(Optional.empty(), store.findByHash(newHash()));
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void hashesDifferingOnlyInLetterCaseAreDifferentTokens(TestDatabase db) throws Exception {
        withStore(db, (scratch, store) -> {
            String lower = "abcdefghijklmnopqrstuvwxyz0123456789-_abcde";
            StoredRefreshToken token = StoredRefreshToken.active(lower, newId("fam"), "alice", NOW,
                    NOW.plusSeconds(60), NOW.plusSeconds(120));
            store.insert(token);
            assertEquals(Optional.empty(), store.findByHash(lower.toUpperCase(java.util.Locale.ROOT)));
            assertFalse(store.rotate(lower.toUpperCase(java.util.Locale.ROOT), NOW, active(token.sessionId(), "alice")));
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void rotateActiveTokenMarksItRotatedAndStoresSuccessor(TestDatabase db) throws Exception {
        withStore(db, (scratch, store) -> {
            String family = newId("fam");
            StoredRefreshToken first = active(family, "alice");
            store.insert(first);
            StoredRefreshToken successor = active(family, "alice");
            Instant at = NOW.plusSeconds(30);

            assertTrue(store.rotate(first.hash(), at, successor));

            StoredRefreshToken old = store.findByHash(first.hash()).orElseThrow();
            assertEquals(RefreshTokenState.ROTATED, old.state());
            assertEquals(Optional.of(at), old.rotatedAt());
            StoredRefreshToken next = store.findByHash(successor.hash()).orElseThrow();
            assertEquals(RefreshTokenState.ACTIVE, next.state());
            assertEquals(family, next.sessionId());
            assertEquals(successor.sessionExpiresAt(), next.sessionExpiresAt());
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void rotateNonActiveTokenReturnsFalseAndStoresNoSuccessor(TestDatabase db) throws Exception {
        withStore(db, (scratch, store) -> {
            String family = newId("fam");
            StoredRefreshToken first = active(family, "alice");
            store.insert(first);
            assertTrue(store.rotate(first.hash(), NOW, active(family, "alice")));

            StoredRefreshToken reuseSuccessor = active(family, "alice");
            assertFalse(store.rotate(first.hash(), NOW.plusSeconds(1), reuseSuccessor), "already rotated");
            assertEquals(Optional.empty(), store.findByHash(reuseSuccessor.hash()));
            assertEquals(Optional.of(NOW), store.findByHash(first.hash()).orElseThrow().rotatedAt());

            StoredRefreshToken revoked = active(newId("fam"), "alice");
            store.insert(revoked);
            store.revokeSession(revoked.sessionId());
            StoredRefreshToken afterRevoked = active(revoked.sessionId(), "alice");
            assertFalse(store.rotate(revoked.hash(), NOW, afterRevoked), "revoked");
            assertEquals(Optional.empty(), store.findByHash(afterRevoked.hash()));
            assertEquals(RefreshTokenState.REVOKED, store.findByHash(revoked.hash()).orElseThrow().state());

            StoredRefreshToken afterUnknown = active(family, "alice");
            assertFalse(store.rotate(newHash(), NOW, afterUnknown), "unknown");
            assertEquals(Optional.empty(), store.findByHash(afterUnknown.hash()));
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void revokeFamilyTouchesOnlyThatFamily(TestDatabase db) throws Exception {
        withStore(db, (scratch, store) -> {
            String family = newId("fam");
            StoredRefreshToken first = active(family, "alice");
            store.insert(first);
            StoredRefreshToken second = active(family, "alice");
            assertTrue(store.rotate(first.hash(), NOW, second));
            StoredRefreshToken otherDevice = active(newId("fam"), "alice");
            store.insert(otherDevice);

            assertEquals(2, store.revokeSession(family));

            assertEquals(RefreshTokenState.REVOKED, store.findByHash(first.hash()).orElseThrow().state());
            assertEquals(RefreshTokenState.REVOKED, store.findByHash(second.hash()).orElseThrow().state());
            assertEquals(RefreshTokenState.ACTIVE, store.findByHash(otherDevice.hash()).orElseThrow().state());
            assertEquals(0, store.revokeSession(family), "nothing left to revoke");
            assertEquals(0, store.revokeSession(newId("fam")));
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void revokeSubjectTouchesAllItsFamiliesAndNoOtherSubject(TestDatabase db) throws Exception {
        withStore(db, (scratch, store) -> {
            List<StoredRefreshToken> alices = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                alices.add(active(newId("fam"), "alice"));
            }
            alices.forEach(store::insert);
            StoredRefreshToken bob = active(newId("fam"), "bob");
            StoredRefreshToken aliceUpper = active(newId("fam"), "ALICE");
            store.insert(bob);
            store.insert(aliceUpper);

            assertEquals(3, store.revokeSubject("alice"));

            for (StoredRefreshToken t : alices) {
                assertEquals(RefreshTokenState.REVOKED, store.findByHash(t.hash()).orElseThrow().state());
            }
            assertEquals(RefreshTokenState.ACTIVE, store.findByHash(bob.hash()).orElseThrow().state());
            assertEquals(RefreshTokenState.ACTIVE, store.findByHash(aliceUpper.hash()).orElseThrow().state());
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void deleteExpiredRemovesIdleAndFamilyExpiredRowsAndKeepsUnexpiredRotatedRows(TestDatabase db) throws Exception {
        withStore(db, (scratch, store) -> {
            Instant later = NOW.plus(Duration.ofDays(1));
            StoredRefreshToken idleExpired = activeExpiring(newId("fam"), NOW.minusSeconds(1), later);
            StoredRefreshToken idleExpiresNow = activeExpiring(newId("fam"), NOW, later);
            StoredRefreshToken sessionExpired = activeExpiring(newId("fam"), later, NOW.minusMillis(1));
            StoredRefreshToken alive = activeExpiring(newId("fam"), NOW.plusMillis(1), later);
            StoredRefreshToken rotatedAlive = activeExpiring(newId("fam"), later, later);
            for (StoredRefreshToken t : List.of(idleExpired, idleExpiresNow, sessionExpired, alive, rotatedAlive)) {
                store.insert(t);
            }
            assertTrue(store.rotate(rotatedAlive.hash(), NOW, activeExpiring(rotatedAlive.sessionId(), later, later)));

            assertEquals(3, store.deleteExpired(NOW, 100));

            assertEquals(Optional.empty(), store.findByHash(idleExpired.hash()));
            assertEquals(Optional.empty(), store.findByHash(idleExpiresNow.hash()));
            assertEquals(Optional.empty(), store.findByHash(sessionExpired.hash()));
            assertTrue(store.findByHash(alive.hash()).isPresent());
            assertEquals(RefreshTokenState.ROTATED, store.findByHash(rotatedAlive.hash()).orElseThrow().state());
            assertEquals(0, store.deleteExpired(NOW, 100));
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void deleteExpiredRespectsTheBatchSize(TestDatabase db) throws Exception {
        withStore(db, (scratch, store) -> {
            List<StoredRefreshToken> expired = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                expired.add(activeExpiring(newId("fam"), NOW.minusSeconds(10), NOW.plusSeconds(10)));
            }
            expired.forEach(store::insert);
            StoredRefreshToken alive = active(newId("fam"), "alice");
            store.insert(alive);

            assertEquals(3, store.deleteExpired(NOW, 3));
            assertEquals(4, expired.stream().filter(t -> store.findByHash(t.hash()).isPresent()).count());
            assertEquals(3, store.deleteExpired(NOW, 3));
            assertEquals(1, store.deleteExpired(NOW, 3));
            assertEquals(0, store.deleteExpired(NOW, 3));
            assertTrue(store.findByHash(alive.hash()).isPresent());
        });
    }
}
