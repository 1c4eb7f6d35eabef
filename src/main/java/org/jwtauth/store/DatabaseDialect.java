package org.jwtauth.store;

import java.util.Locale;
import java.util.Optional;

/** The databases we ship a DDL script for, recognised by {@code DatabaseMetaData.getDatabaseProductName()}. */
enum DatabaseDialect {
    H2("h2", null),
    /**
     * Concurrent CREATE ... IF NOT EXISTS can still fail on PostgreSQL (a duplicate row in its catalog), so
     * nodes starting together take turns: a transaction-scoped advisory lock, and DDL in that transaction.
     */
    POSTGRESQL("postgresql", "SELECT pg_advisory_xact_lock(7263110594)"),
    /** Also MySQL: the script declares its indexes inside CREATE TABLE, as MySQL has no CREATE INDEX IF NOT EXISTS. */
    MARIADB("mariadb", null);

    private final String scriptSuffix;
    private final String ddlLock;

    DatabaseDialect(String scriptSuffix, String ddlLock) {
        this.scriptSuffix = scriptSuffix;
        this.ddlLock = ddlLock;
    }

    /** A statement that serialises schema creation between nodes, run in the same transaction as the DDL. */
    Optional<String> ddlLock() {
        return Optional.ofNullable(ddlLock);
    }

    /** The schema script (idempotent, the current schema for a new database), relative to this package. */
    String script() {
        return "schema-" + scriptSuffix + ".sql";
    }

    /** The script from schema 1 (no session table) to schema 2, run after {@link #script()}: then schema 3. */
    String upgradeScript() {
        return "upgrade-2-" + scriptSuffix + ".sql";
    }

    /**
     * The script from schema 2 to schema 3 (user agents of 256 characters, the index the cut-offs' poll reads),
     * run after {@link #script()} when the session table predates schema 3.
     */
    String upgrade3Script() {
        return "upgrade-3-" + scriptSuffix + ".sql";
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
