package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.store.StoreFixture.active;
import static org.jwtauth.store.StoreFixture.inserted;
import static org.jwtauth.store.StoreFixture.newId;
import static org.jwtauth.store.StoreFixture.open;
import static org.jwtauth.store.StoreFixture.validateRefused;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.SchemaMode;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.StoredRefreshToken;

/** {@code jwtauth.store.schema}: create (idempotent), validate (fail fast), none. */
class RefreshTokenStoreSchemaTest {

    @OnEveryDatabase
    void openWhenCreateRunsTwiceThenTheSecondChangesNothingAndRowsAreKept(TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            StoredRefreshToken token;
            try (RefreshTokenStore store = open(scratch, SchemaMode.CREATE)) {
                token = inserted(store, active(newId("fam"), "alice"));
            }
            try (RefreshTokenStore store = open(scratch, SchemaMode.CREATE)) {
                assertTrue(store.findByHash(token.hash()).isPresent());
            }
        }
    }

    @OnEveryDatabase
    void openWhenValidateFindsAnEmptySchemaThenRefusedNamingTheKeyAndTheTable(TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            assertNamesKeyAnd("jwtauth_refresh_token", validateRefused(scratch, JpaRefreshTokenStores::open));
        }
    }

    @OnEveryDatabase
    void openWhenValidateFindsAColumnMissingThenRefusedNamingTheKeyAndTheColumn(TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            open(scratch, SchemaMode.CREATE).close();
            try (Connection c = scratch.connect(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE jwtauth_refresh_token DROP COLUMN rotated_at");
            }
            assertNamesKeyAnd("rotated_at", validateRefused(scratch, JpaRefreshTokenStores::open));
        }
    }

    @OnEveryDatabase
    void openWhenValidateFollowsCreateThenTheStoreWorks(TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            open(scratch, SchemaMode.CREATE).close();
            try (RefreshTokenStore store = open(scratch, SchemaMode.VALIDATE)) {
                StoredRefreshToken token = inserted(store, active(newId("fam"), "alice"));
                assertEquals(token.sessionId(), store.findByHash(token.hash()).orElseThrow().sessionId());
            }
        }
    }

    @OnEveryDatabase
    void openWhenSchemaIsNoneThenNoTableIsCreated(TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            open(scratch, SchemaMode.NONE).close();
            assertThrows(ConfigurationException.class, () -> open(scratch, SchemaMode.VALIDATE),
                    "none must not have created the table");
        }
    }

    @OnEveryDatabase
    void openWhenNodesStartingTogetherAllCreateTheSchemaThenEachSucceeds(TestDatabase db) throws Exception {
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
                        open(scratch, SchemaMode.CREATE).close();
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
            open(scratch, SchemaMode.VALIDATE).close();
        }
    }

    private static void assertNamesKeyAnd(String name, ConfigurationException e) {
        assertTrue(e.getMessage().contains("jwtauth.store.schema"), e.getMessage());
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }
}
