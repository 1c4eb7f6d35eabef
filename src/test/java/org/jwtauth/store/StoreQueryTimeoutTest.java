package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.store.StoreFixture.NOW;
import static org.jwtauth.store.StoreFixture.active;
import static org.jwtauth.store.StoreFixture.newId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.SchemaMode;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.refresh.ClientInfo;
import org.jwtauth.refresh.RefreshTokenState;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.StoreUnavailableException;
import org.jwtauth.refresh.StoredRefreshToken;

/** {@code jwtauth.store.queryTimeout} ends a statement stuck behind a lock, and the failure burns nothing. */
class StoreQueryTimeoutTest {

    @OnEveryDatabase
    void rotateWhenTheRowIsLockedThenFailsAfterTheQueryTimeoutAndTheTokenStillRotatesLater(TestDatabase db)
            throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch();
             RefreshTokenStore store = JpaRefreshTokenStores.open(scratch.settings(SchemaMode.CREATE,
                     url -> url, Map.of(ConfigKeys.STORE_QUERY_TIMEOUT, "PT1S")), scratch.directory)) {
            StoredRefreshToken token = active(newId("fam"), "alice");
            store.insert(token);
            long elapsed;
            try (Connection locker = scratch.connect()) {
                locker.setAutoCommit(false);
                try (PreparedStatement lock = locker.prepareStatement(
                        "SELECT state FROM jwtauth_refresh_token WHERE token_hash = ? FOR UPDATE")) {
                    lock.setString(1, token.hash());
                    lock.executeQuery().close();
                }
                long start = System.nanoTime();
                assertThrows(StoreUnavailableException.class,
                        () -> store.rotate(token.hash(), NOW, "rotating-jti", active(token.sessionId(), "alice"), ClientInfo.NONE));
                elapsed = (System.nanoTime() - start) / 1_000_000;
                locker.rollback();
            }
            System.out.println("MEASURED " + db + ": rotation behind a row lock failed after " + elapsed
                    + " ms (queryTimeout PT1S)");
            // Generous: without the timeout this waits for the lock (PostgreSQL: forever).
            assertTrue(elapsed < 8000, "failed after " + elapsed + " ms");
            assertEquals(RefreshTokenState.ACTIVE, store.findByHash(token.hash()).orElseThrow().state());
            assertTrue(store.rotate(token.hash(), NOW, "rotating-jti", active(token.sessionId(), "alice"), ClientInfo.NONE));
        }
    }
}
