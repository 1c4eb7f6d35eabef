package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.store.StoreFixture.active;
import static org.jwtauth.store.StoreFixture.newId;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.SchemaMode;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.StoreUnavailableException;
import org.jwtauth.refresh.StoredRefreshToken;
import org.jwtauth.testing.TcpProxy;

/**
 * {@link JpaRefreshTokenStores#openOrDefer}: a database that is down at start-up does not stop the web
 * application; the store opens by itself once the database is back. Configuration errors still stop it.
 */
class LazyStoreOnRealDatabaseTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
    void databaseDownAtStartThenStoreAnswersUnavailableAndOpensOnceTheDatabaseIsBack(TestDatabase db)
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
            JpaRefreshTokenStores.open(scratch.settings(SchemaMode.VALIDATE), scratch.directory).close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void validateWithoutTheTableStillStopsTheStartWhenTheDatabaseAnswers(TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> JpaRefreshTokenStores.openOrDefer(scratch.settings(SchemaMode.VALIDATE), scratch.directory));
            assertEquals(ConfigKeys.STORE_SCHEMA, e.key());
        }
    }

    @Test
    void urlNoDriverAcceptsStillStopsTheStart() {
        Map<String, String> params = new HashMap<>();
        params.put(ConfigKeys.SECRET, "0123456789abcdef0123456789abcdef");
        params.put(ConfigKeys.STORE_URL, "jdbc:nosuchdb://127.0.0.1/x");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> JpaRefreshTokenStores.openOrDefer(
                new SettingsParser(ConfigSource.of(params), n -> null).parse().store(), null));
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
