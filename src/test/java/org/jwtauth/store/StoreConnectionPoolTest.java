package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.store.StoreFixture.NOW;
import static org.jwtauth.store.StoreFixture.active;
import static org.jwtauth.store.StoreFixture.inserted;
import static org.jwtauth.store.StoreFixture.newId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.jwtauth.config.SchemaMode;
import org.jwtauth.refresh.ClientInfo;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.StoredRefreshToken;

/**
 * {@code jwtauth.store.url} pools its connections ({@code jwtauth.store.poolSize}), counted at the server: the
 * PostgreSQL backends of the store's {@code ApplicationName} in {@code pg_stat_activity}.
 */
class StoreConnectionPoolTest {

    @Test
    void urlStoreWhenCalledTwentyTimesInARowThenOneServerConnectionServesThemAll() throws Exception {
        try (TestDatabase.Scratch scratch = TestDatabase.POSTGRESQL.scratch();
             RefreshTokenStore store = JpaRefreshTokenStores.open(scratch.settings(SchemaMode.CREATE), null)) {
            StoredRefreshToken token = inserted(store, active(newId("fam"), "alice"));
            List<Integer> first = backends(scratch);
            for (int i = 0; i < 20; i++) {
                assertTrue(store.findByHash(token.hash()).isPresent());
            }
            assertEquals(1, first.size(), "one idle connection kept after the first call: " + first);
            assertEquals(first, backends(scratch), "the same backend, not one per call");
        }
    }

    @Test
    void urlStoreWhenTheServerEndedItsIdleConnectionThenTheVeryNextCallGetsAFreshOneAndWorks() throws Exception {
        try (TestDatabase.Scratch scratch = TestDatabase.POSTGRESQL.scratch();
             RefreshTokenStore store = JpaRefreshTokenStores.open(scratch.settings(SchemaMode.CREATE), null)) {
            StoredRefreshToken token = inserted(store, active(newId("fam"), "alice"));
            List<Integer> before = backends(scratch);
            // What a server restart or an idle timeout (idle_session_timeout, a firewall) does to an idle connection.
            try (Connection c = TestDatabase.POSTGRESQL.admin(); PreparedStatement kill = c.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
                kill.setString(1, scratch.name);
                kill.executeQuery().close();
            }

            assertTrue(store.rotate(token.hash(), NOW, "rotating-jti", active(token.sessionId(), "alice"), ClientInfo.NONE));
            List<Integer> after = backends(scratch);
            assertEquals(1, after.size(), after::toString);
            assertNotEquals(before, after);
        }
    }

    @Test
    void closeWhenTheStoreIsClosedThenNoServerConnectionIsLeft() throws Exception {
        try (TestDatabase.Scratch scratch = TestDatabase.POSTGRESQL.scratch()) {
            RefreshTokenStore store = JpaRefreshTokenStores.open(scratch.settings(SchemaMode.CREATE), null);
            inserted(store, active(newId("fam"), "alice"));
            assertEquals(1, backends(scratch).size());

            store.close();
            // Terminating a backend is asynchronous at the server: give it a moment to leave pg_stat_activity.
            for (int i = 0; i < 50 && !backends(scratch).isEmpty(); i++) {
                Thread.sleep(100);
            }
            assertEquals(List.of(), backends(scratch));
        }
    }

    /** The pids of the store's backends (the scratch's URL sets ApplicationName to the scratch's name). */
    private static List<Integer> backends(TestDatabase.Scratch scratch) throws SQLException {
        try (Connection c = TestDatabase.POSTGRESQL.admin(); PreparedStatement s = c.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE application_name = ? ORDER BY pid")) {
            s.setString(1, scratch.name);
            List<Integer> pids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getInt(1));
                }
            }
            return pids;
        }
    }
}
