package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.store.StoreFixture.active;
import static org.jwtauth.store.StoreFixture.newId;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.SchemaMode;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.StoredRefreshToken;

/** {@code jwtauth.store.schema}: create (idempotent), validate (fail fast), none. */
class RefreshTokenStoreSchemaTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void createTwiceIsIdempotentAndKeepsRows(TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            StoredRefreshToken token = active(newId("fam"), "alice");
            try (RefreshTokenStore store = JpaRefreshTokenStores.open(scratch.settings(SchemaMode.CREATE),
                    scratch.directory)) {
                store.insert(token);
            }
            try (RefreshTokenStore store = JpaRefreshTokenStores.open(scratch.settings(SchemaMode.CREATE),
                    scratch.directory)) {
                assertTrue(store.findByHash(token.hash()).isPresent());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void validateOnEmptySchemaRefusesToStartNamingTheKey(TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> JpaRefreshTokenStores.open(scratch.settings(SchemaMode.VALIDATE), scratch.directory));
            assertTrue(e.getMessage().contains("jwtauth.store.schema"), e.getMessage());
            assertTrue(e.getMessage().contains("jwtauth_refresh_token"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void validateNamesAMissingColumn(TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            JpaRefreshTokenStores.open(scratch.settings(SchemaMode.CREATE), scratch.directory).close();
            try (Connection c = scratch.connect(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE jwtauth_refresh_token DROP COLUMN rotated_at");
            }
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> JpaRefreshTokenStores.open(scratch.settings(SchemaMode.VALIDATE), scratch.directory));
            assertTrue(e.getMessage().contains("jwtauth.store.schema"), e.getMessage());
            assertTrue(e.getMessage().contains("rotated_at"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void validateAfterCreatePasses(TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            JpaRefreshTokenStores.open(scratch.settings(SchemaMode.CREATE), scratch.directory).close();
            try (RefreshTokenStore store = JpaRefreshTokenStores.open(scratch.settings(SchemaMode.VALIDATE),
                    scratch.directory)) {
                StoredRefreshToken token = active(newId("fam"), "alice");
                store.insert(token);
                assertEquals(token.sessionId(), store.findByHash(token.hash()).orElseThrow().sessionId());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void noneTouchesNothing(TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            JpaRefreshTokenStores.open(scratch.settings(SchemaMode.NONE), scratch.directory).close();
            assertThrows(ConfigurationException.class,
                    () -> JpaRefreshTokenStores.open(scratch.settings(SchemaMode.VALIDATE), scratch.directory),
                    "none must not have created the table");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void nodesStartingTogetherCanAllCreateTheSchema(TestDatabase db) throws Exception {
        if (db == TestDatabase.H2) {
            return; // the embedded database is single-node by definition
        }
        try (TestDatabase.Scratch scratch = db.scratch()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> nodes = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    nodes.add(pool.submit(() -> {
                        start.await();
                        JpaRefreshTokenStores.open(scratch.settings(SchemaMode.CREATE), scratch.directory).close();
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> node : nodes) {
                    node.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            JpaRefreshTokenStores.open(scratch.settings(SchemaMode.VALIDATE), scratch.directory).close();
        }
    }
}
