package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.store.StoreFixture.active;
import static org.jwtauth.store.StoreFixture.newId;

import org.junit.jupiter.api.Test;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.SchemaMode;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.config.StoreSettings;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.StoreUnavailableException;
import org.jwtauth.refresh.StoredRefreshToken;
import org.jwtauth.testing.TcpProxy;

/**
 * {@link JpaRefreshTokenStores#openOrDefer}: a database that is down at start-up does not stop the web
 * application; the store opens by itself once the database is back. Configuration errors still stop it.
 */
class LazyStoreOnRealDatabaseTest {

    @OnDatabaseServers
    void openOrDeferWhenTheDatabaseIsDownAtStartThenUnavailableUntilItIsBackAndThenOpens(TestDatabase db)
            throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch(); TcpProxy proxy = Outages.proxy(scratch)) {
            proxy.cutRefusing();
            try (RefreshTokenStore store = JpaRefreshTokenStores.openOrDefer(Outages.through(scratch, proxy),
                    scratch.directory)) {
                assertThrows(StoreUnavailableException.class, () -> store.findByHash(StoreFixture.newHash()));
                proxy.restore();
                long start = System.nanoTime();
                StoredRefreshToken token = active(newId("fam"), "alice");
                for (int i = 0; i < 100 && !tryInsert(store, token); i++) {
                    Thread.sleep(200);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.println("MEASURED " + db + ": store usable " + millis + " ms after the database came back"
                        + " (reopen interval " + JpaRefreshTokenStores.REOPEN_INTERVAL + ")");
                assertEquals(token.sessionId(), store.findByHash(token.hash()).orElseThrow().sessionId());
            }
            // The deferred open ran the schema script like a normal start would have.
            StoreFixture.open(scratch, SchemaMode.VALIDATE).close();
        }
    }

    @OnEveryDatabase
    void openOrDeferWhenTheDatabaseAnswersAndValidateFindsNoTableThenTheStartStops(TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            assertEquals(ConfigKeys.STORE_SCHEMA,
                    StoreFixture.validateRefused(scratch, JpaRefreshTokenStores::openOrDefer).key());
        }
    }

    @Test
    void openOrDeferWhenNoDriverAcceptsTheUrlThenTheStartStops() {
        StoreSettings settings = StoreFixture.storeSettings(ConfigKeys.STORE_URL, "jdbc:nosuchdb://127.0.0.1/x");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> JpaRefreshTokenStores.openOrDefer(settings, null));
        assertEquals(ConfigKeys.STORE_URL, e.key());
    }

    private static boolean tryInsert(RefreshTokenStore store, StoredRefreshToken token) {
        try {
            store.insert(token);
            return true;
        } catch (StoreUnavailableException notYet) {
            assertTrue(notYet.getMessage().startsWith("refresh-token store"), notYet.getMessage());
            return false;
        }
    }
}
