package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.store.ShippedSchemaScriptTest.dialect;
import static org.jwtauth.store.ShippedSchemaScriptTest.runAsOneFile;
import static org.jwtauth.store.StoreFixture.validateRefused;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.SchemaMode;
import org.jwtauth.refresh.ClientInfo;
import org.jwtauth.refresh.IssuedRefreshToken;
import org.jwtauth.refresh.RefreshRejectedException.Reason;
import org.jwtauth.refresh.RefreshRejectedException;
import org.jwtauth.refresh.RefreshTokenGenerator;
import org.jwtauth.refresh.RefreshTokenHash;
import org.jwtauth.refresh.RefreshTokenService;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.RevokedSession;
import org.jwtauth.refresh.SessionCutOffs;

/**
 * From schema 1 (the token table alone, as releases before the session table created it) to schema 3, and from
 * schema 2 (the session table with user agents of 255 characters and no index for the revocation poll), with
 * sessions alive at the time: {@code create} upgrades in place, {@code validate} names what is missing, the
 * shipped upgrade scripts do what {@code create} does, and nobody is logged out.
 */
class SchemaUpgradeTest {

    private static final Instant NOW = StoreFixture.NOW;
    private static final RefreshTokenGenerator TOKENS = new RefreshTokenGenerator(new SecureRandom(), new byte[32]);

    @OnEveryDatabase
    void openWithCreateWhenTheDatabaseHasSchema1WithLiveSessionsThenItUpgradesAndTheyKeepRefreshing(TestDatabase db)
            throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            Schema1 before = Schema1.withSessions(scratch);
            try (RefreshTokenStore store = StoreFixture.open(scratch, SchemaMode.CREATE)) {
                before.assertNobodyIsLoggedOut(service(store));
            }
            StoreFixture.open(scratch, SchemaMode.VALIDATE).close();
        }
    }

    @OnEveryDatabase
    void rotateWhenANodeOfThePreviousVersionStartedTheSessionAfterTheUpgradeThenItGetsItsRowAndRefreshes(
            TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch();
             RefreshTokenStore store = StoreFixture.open(scratch, SchemaMode.CREATE)) {
            Schema1 oldNode = new Schema1();
            try (Connection c = scratch.connect()) {
                oldNode.insert(c, oldNode.alive, oldNode.aliveFamily, "ACTIVE", null);
                oldNode.insert(c, oldNode.other, oldNode.otherFamily, "ACTIVE", null);
            }
            RefreshTokenService service = service(store);
            assertNotNull(service.rotate(oldNode.alive, "alice", oldNode.aliveFamily, "jti", ClientInfo.NONE));
            service.revokeSessionOf(oldNode.other);
            assertEquals(Reason.REVOKED, Schema1.reason(() -> service.rotate(oldNode.other, "alice",
                    oldNode.otherFamily, "jti", ClientInfo.NONE)));
            try (Connection c = scratch.connect();
                 PreparedStatement states = c.prepareStatement("SELECT state FROM jwtauth_session ORDER BY state")) {
                var rs = states.executeQuery();
                List<String> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
                assertEquals(List.of("ACTIVE", "REVOKED"), found, "each session recorded once, in its state");
            }
        }
    }

    @OnEveryDatabase
    void openWithValidateWhenTheDatabaseHasSchema1ThenRefusedNamingTheMissingTableAndColumn(TestDatabase db)
            throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            Schema1.withSessions(scratch);
            ConfigurationException e = validateRefused(scratch, JpaRefreshTokenStores::open);
            assertTrue(e.getMessage().contains("jwtauth.store.schema"), e.getMessage());
            assertTrue(e.getMessage().contains("no table jwtauth_session"), e.getMessage());
            assertTrue(e.getMessage().contains("jwtauth_refresh_token without column(s) rotated_by"), e.getMessage());
        }
    }

    @OnEveryDatabase
    void validateWhenTheShippedScriptsWereRunByHandOnSchema1ThenTheStoreStartsAndNobodyIsLoggedOut(TestDatabase db)
            throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            Schema1 before = Schema1.withSessions(scratch);
            runAsOneFile(scratch, dialect(db).script());
            runAsOneFile(scratch, dialect(db).upgradeScript());
            try (RefreshTokenStore store = StoreFixture.open(scratch, SchemaMode.VALIDATE)) {
                before.assertNobodyIsLoggedOut(service(store));
            }
        }
    }

    @OnDatabaseServers
    void openWithCreateWhenTwoNodesUpgradeSchema1AtOnceThenBothStartAndNobodyIsLoggedOut(TestDatabase db)
            throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            Schema1 before = Schema1.withSessions(scratch);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<RefreshTokenStore> nodes = new ArrayList<>();
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<RefreshTokenStore>> starting = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    starting.add(pool.submit(() -> {
                        start.await();
                        return StoreFixture.open(scratch, SchemaMode.CREATE);
                    }));
                }
                start.countDown();
                for (Future<RefreshTokenStore> node : starting) {
                    nodes.add(node.get(60, TimeUnit.SECONDS));
                }
                before.assertNobodyIsLoggedOut(service(nodes.get(1)));
                try (Connection c = scratch.connect();
                     PreparedStatement count = c.prepareStatement("SELECT count(*) FROM jwtauth_session")) {
                    var rs = count.executeQuery();
                    rs.next();
                    assertEquals(3, rs.getInt(1), "one session row per family, however many nodes upgraded");
                }
            } finally {
                pool.shutdownNow();
                nodes.forEach(RefreshTokenStore::close);
            }
        }
    }

    @OnEveryDatabase
    void openWithCreateWhenTheDatabaseHasSchema2WithLiveSessionsThenItUpgradesAndTheyKeepRefreshingFromLongUserAgents(
            TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            Schema1 before = Schema1.withSchema2Sessions(scratch);
            try (RefreshTokenStore store = StoreFixture.open(scratch, SchemaMode.CREATE)) {
                String longAgent = "Agent/" + "x".repeat(300);
                RefreshTokenService service = service(store);
                service.rotate(before.other, "alice", before.otherFamily, "jti-long-agent",
                        ClientInfo.of(longAgent, "192.0.2.1"));
                assertEquals(Optional.of(longAgent.substring(0, 256)), service.sessions("alice").stream()
                        .filter(u -> u.sessionId().equals(before.otherFamily)).findFirst().orElseThrow().userAgent());
                service.revokeSession(before.aliveFamily);
                assertEquals(List.of(before.aliveFamily), store.revokedAfter(RevokedSession.before(NOW), 10).stream()
                        .map(RevokedSession::sessionId).collect(Collectors.toList()), "the poll finds it");
            }
            StoreFixture.open(scratch, SchemaMode.VALIDATE).close();
        }
    }

    @OnEveryDatabase
    void openWithCreateWhenSchema2HasLiveSessionsThenNobodyIsLoggedOut(TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            Schema1 before = Schema1.withSchema2Sessions(scratch);
            try (RefreshTokenStore store = StoreFixture.open(scratch, SchemaMode.CREATE)) {
                before.assertNobodyIsLoggedOut(service(store));
            }
        }
    }

    @OnEveryDatabase
    void openWithValidateWhenTheDatabaseHasSchema2ThenRefusedNamingTheNarrowColumn(TestDatabase db)
            throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            Schema1.withSchema2Sessions(scratch);
            ConfigurationException e = validateRefused(scratch, JpaRefreshTokenStores::open);
            assertTrue(e.getMessage().contains("jwtauth_session with column last_user_agent narrower than 256"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("upgrade-3"), e.getMessage());
        }
    }

    @OnEveryDatabase
    void validateWhenTheShippedScriptsWereRunByHandOnSchema2ThenTheStoreStartsAndNobodyIsLoggedOut(TestDatabase db)
            throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            Schema1 before = Schema1.withSchema2Sessions(scratch);
            runAsOneFile(scratch, dialect(db).script());
            runAsOneFile(scratch, dialect(db).upgrade3Script());
            try (RefreshTokenStore store = StoreFixture.open(scratch, SchemaMode.VALIDATE)) {
                before.assertNobodyIsLoggedOut(service(store));
            }
        }
    }

    private static RefreshTokenService service(RefreshTokenStore store) {
        Clock clock = Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC);
        return new RefreshTokenService(store, TOKENS, Duration.ofDays(14), Duration.ofDays(90), Duration.ZERO,
                new SessionCutOffs(store, "test", Duration.ofMinutes(15), clock), 0, clock);
    }

    /** A schema 1 database, created by its script, holding what live users had in it. */
    private static final class Schema1 {
        final String alive = TOKENS.newToken();
        final String aliveRotated = TOKENS.newToken();
        final String aliveFamily = TOKENS.newSessionId();
        final String revoked = TOKENS.newToken();
        final String revokedFamily = TOKENS.newSessionId();
        final String other = TOKENS.newToken();
        final String otherFamily = TOKENS.newSessionId();

        static Schema1 withSessions(TestDatabase.Scratch scratch) throws Exception {
            return with(scratch, "v1/");
        }

        /** The same sessions in a schema 2 database, each with its session row, as that version recorded them. */
        static Schema1 withSchema2Sessions(TestDatabase.Scratch scratch) throws Exception {
            Schema1 s = with(scratch, "v2/");
            try (Connection c = scratch.connect()) {
                s.insertSession(c, s.aliveFamily, "ACTIVE");
                s.insertSession(c, s.revokedFamily, "REVOKED");
                s.insertSession(c, s.otherFamily, "ACTIVE");
            }
            return s;
        }

        private static Schema1 with(TestDatabase.Scratch scratch, String folder) throws Exception {
            Schema1 s = new Schema1();
            runAsOneFile(scratch, folder + dialect(scratch.database).script());
            try (Connection c = scratch.connect()) {
                s.insert(c, s.aliveRotated, s.aliveFamily, "ROTATED", NOW.minus(Duration.ofDays(2)));
                s.insert(c, s.alive, s.aliveFamily, "ACTIVE", null);
                s.insert(c, s.revoked, s.revokedFamily, "REVOKED", null);
                s.insert(c, s.other, s.otherFamily, "ACTIVE", null);
            }
            return s;
        }

        private void insertSession(Connection c, String family, String state) throws Exception {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO jwtauth_session (session_id, subject, state,"
                    + " created_at, last_used_at, expires_at, last_user_agent) VALUES (?, 'alice', ?, ?, ?, ?, ?)")) {
                s.setString(1, family);
                s.setString(2, state);
                s.setLong(3, NOW.minus(Duration.ofDays(3)).toEpochMilli());
                s.setLong(4, NOW.minus(Duration.ofDays(2)).toEpochMilli());
                s.setLong(5, NOW.plus(Duration.ofDays(80)).toEpochMilli());
                s.setString(6, "Agent/" + "y".repeat(249));
                s.executeUpdate();
            }
        }

        private void insert(Connection c, String token, String family, String state, Instant rotatedAt)
                throws Exception {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO jwtauth_refresh_token (token_hash, family_id,"
                    + " subject, state, created_at, idle_expires_at, family_expires_at, rotated_at)"
                    + " VALUES (?, ?, 'alice', ?, ?, ?, ?, ?)")) {
                s.setString(1, RefreshTokenHash.of(token));
                s.setString(2, family);
                s.setString(3, state);
                s.setLong(4, NOW.minus(Duration.ofDays(3)).toEpochMilli());
                s.setLong(5, NOW.plus(Duration.ofDays(10)).toEpochMilli());
                s.setLong(6, NOW.plus(Duration.ofDays(80)).toEpochMilli());
                if (rotatedAt == null) {
                    s.setNull(7, java.sql.Types.BIGINT);
                } else {
                    s.setLong(7, rotatedAt.toEpochMilli());
                }
                s.executeUpdate();
            }
        }

        /** The live sessions refresh, the revoked one stays revoked, and reuse is still caught. */
        void assertNobodyIsLoggedOut(RefreshTokenService service) throws Exception {
            IssuedRefreshToken next = service.rotate(alive, "alice", aliveFamily, "jti-after-upgrade", ClientInfo.NONE);
            assertNotNull(service.rotate(next.token(), "alice", aliveFamily, "jti-after-upgrade-2", ClientInfo.NONE));
            assertNotNull(service.rotate(other, "alice", otherFamily, "jti-other", ClientInfo.NONE));
            assertEquals(Reason.REVOKED, reason(() -> service.rotate(revoked, "alice", revokedFamily, "jti", ClientInfo.NONE)));
            assertEquals(Reason.REUSED, reason(() -> service.rotate(aliveRotated, "alice", aliveFamily, "jti", ClientInfo.NONE)));
            assertEquals(Reason.REUSED, reason(() -> service.rotate(other, "alice", otherFamily, "jti-thief", ClientInfo.NONE)),
                    "a rotation after the upgrade records its access token: another one gets no grace");
        }

        static Reason reason(org.junit.jupiter.api.function.Executable call) {
            return assertThrows(RefreshRejectedException.class, call).reason();
        }
    }
}
