package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.refresh.ClientInfo;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.RevokedSession;
import org.jwtauth.refresh.StoreUnavailableException;
import org.jwtauth.refresh.StoredRefreshToken;
import org.jwtauth.refresh.UserSession;
import org.jwtauth.testing.MutableClock;

/** A store whose database was down at start-up: opened on first use, retried at most once per interval. */
class LazyRefreshTokenStoreTest {

    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicBoolean databaseUp = new AtomicBoolean();
    private final AtomicBoolean misconfigured = new AtomicBoolean();
    private final AtomicBoolean delegateClosed = new AtomicBoolean();

    private LazyRefreshTokenStore lazy() {
        return new LazyRefreshTokenStore(() -> {
            attempts.incrementAndGet();
            if (misconfigured.get()) {
                throw new ConfigurationException("jwtauth.store.schema", "validate found no table");
            }
            if (!databaseUp.get()) {
                throw new StoreUnavailableException("refresh-token store unavailable (open)", null);
            }
            return new EmptyStore(delegateClosed);
        }, clock, INTERVAL, clock.instant().plus(INTERVAL));
    }

    /** Made when each test starts, so its first retry is due one interval after that. */
    private final LazyRefreshTokenStore store = lazy();

    /** A call the lazy store answers as unavailable. */
    private static StoreUnavailableException assertUnavailable(LazyRefreshTokenStore store) {
        return assertThrows(StoreUnavailableException.class, () -> store.findByHash("h"));
    }

    @Test
    void callWhenBeforeTheRetryIntervalThenUnavailableWithoutTouchingTheDatabase() {
        databaseUp.set(true);
        assertUnavailable(store);
        clock.advance(INTERVAL.minusSeconds(1));
        assertUnavailable(store);
        assertEquals(0, attempts.get());
    }

    @Test
    void openWhenAnAttemptFailedThenItIsRepeatedOnlyAfterTheInterval() {
        clock.advance(INTERVAL);
        assertUnavailable(store);
        assertUnavailable(store);
        assertEquals(1, attempts.get(), "one attempt per interval, however many requests come in");
        clock.advance(INTERVAL);
        databaseUp.set(true);
        assertEquals(Optional.empty(), store.findByHash("h"));
        assertEquals(2, attempts.get());
    }

    @Test
    void callWhenTheStoreHasOpenedThenItGoesToTheOpenedStoreAndCloseClosesThat() {
        databaseUp.set(true);
        clock.advance(INTERVAL);
        assertEquals(0, store.revokeSession("f", Instant.EPOCH));
        assertEquals(0, store.deleteExpired(clock.instant(), 10));
        assertEquals(1, attempts.get());
        store.close();
        assertTrue(delegateClosed.get());
    }

    @Test
    void callWhenTheStoreWasClosedBeforeOpeningThenItNeverOpens() {
        store.close();
        databaseUp.set(true);
        clock.advance(INTERVAL);
        assertUnavailable(store);
        assertEquals(0, attempts.get());
    }

    @Test
    void openWhenAConfigurationErrorIsFoundLaterThenUnavailableNamingTheKeyAndRetried() {
        misconfigured.set(true);
        clock.advance(INTERVAL);
        StoreUnavailableException e = assertUnavailable(store);
        assertTrue(e.getMessage().contains("jwtauth.store.schema"), e.getMessage());
        misconfigured.set(false);
        databaseUp.set(true);
        clock.advance(INTERVAL);
        assertFalse(store.findByHash("h").isPresent());
    }

    /** A store that holds nothing. */
    private static final class EmptyStore implements RefreshTokenStore {
        private final AtomicBoolean closed;

        EmptyStore(AtomicBoolean closed) {
            this.closed = closed;
        }

        @Override
        public void insert(StoredRefreshToken token, ClientInfo client) {
        }

        @Override
        public Optional<StoredRefreshToken> findByHash(String hash) {
            return Optional.empty();
        }

        @Override
        public boolean rotate(String hash, Instant rotatedAt, String rotatedBy, StoredRefreshToken successor,
                              ClientInfo client) {
            return false;
        }

        @Override
        public int revokeSession(String sessionId, Instant at) {
            return 0;
        }

        @Override

        public List<UserSession> activeSessions(String subject, Instant now) {
            return List.of();

        }


        @Override
        public int revokeSubject(String subject, Instant at) {
            return 0;
        }

        @Override
        public List<RevokedSession> revokedAfter(RevokedSession after, int limit) {
            return List.of();
        }

        @Override
        public int deleteExpired(Instant now, int batchSize) {
            return 0;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }
}
