package org.jwtauth.store;

import java.util.Locale;
import java.util.Optional;

/** The databases we ship a DDL script for, recognised by {@code DatabaseMetaData.getDatabaseProductName()}. */
enum DatabaseDialect {
    H2("schema-h2.sql", null),
    /**
     * Concurrent CREATE ... IF NOT EXISTS can still fail on PostgreSQL (a duplicate row in its catalog), so
     * nodes starting together take turns: a transaction-scoped advisory lock, and DDL in that transaction.
     */
    POSTGRESQL("schema-postgresql.sql", "SELECT pg_advisory_xact_lock(7263110594)"),
    /** Also MySQL: the script declares its indexes inside CREATE TABLE, as MySQL has no CREATE INDEX IF NOT EXISTS. */
    MARIADB("schema-mariadb.sql", null);

    private final String script;
    private final String ddlLock;

    DatabaseDialect(String script, String ddlLock) {
        this.script = script;
        this.ddlLock = ddlLock;
    }

    /** A statement that serialises schema creation between nodes, run in the same transaction as the DDL. */
    Optional<String> ddlLock() {
        return Optional.ofNullable(ddlLock);
    }

    /** The classpath resource, relative to this package. */
    String script() {
        return script;
    }

    static Optional<DatabaseDialect> detect(String productName) {
        String p = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (p.startsWith("h2")) {
            return Optional.of(H2);
        }
        if (p.contains("postgresql")) {
            return Optional.of(POSTGRESQL);
        }
        if (p.contains("mariadb") || p.contains("mysql")) {
            return Optional.of(MARIADB);
        }
        return Optional.empty();
    }
}
