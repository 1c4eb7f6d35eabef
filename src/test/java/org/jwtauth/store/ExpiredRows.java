package org.jwtauth.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** Rows written and counted behind the store's back, fast enough for thousands (one JDBC batch). */
final class ExpiredRows {

    private ExpiredRows() {
    }

    /** {@code count} active rows of one family whose idle expiry is {@code expiresAt}. */
    static void insert(TestDatabase.Scratch scratch, int count, Instant expiresAt) throws SQLException {
        try (Connection c = scratch.connect(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO jwtauth_refresh_token (token_hash, family_id, subject, state, created_at,"
                        + " idle_expires_at, family_expires_at) VALUES (?, ?, ?, 'ACTIVE', ?, ?, ?)")) {
            c.setAutoCommit(false);
            String family = StoreFixture.newId("fam");
            for (int i = 0; i < count; i++) {
                insert.setString(1, StoreFixture.newHash());
                insert.setString(2, family);
                insert.setString(3, "subject");
                insert.setLong(4, expiresAt.minusSeconds(3600).toEpochMilli());
                insert.setLong(5, expiresAt.toEpochMilli());
                insert.setLong(6, expiresAt.plusSeconds(86400).toEpochMilli());
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        }
    }

    static int count(TestDatabase.Scratch scratch) throws SQLException {
        try (Connection c = scratch.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM jwtauth_refresh_token")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
