package org.jwtauth.store;

import java.util.Locale;
import java.util.Optional;

/** The databases we ship a DDL script for, recognised by {@code DatabaseMetaData.getDatabaseProductName()}. */
enum DatabaseDialect {
    H2("schema-h2.sql"),
    POSTGRESQL("schema-postgresql.sql"),
    /** Also MySQL: the script declares its indexes inside CREATE TABLE, as MySQL has no CREATE INDEX IF NOT EXISTS. */
    MARIADB("schema-mariadb.sql");

    private final String script;

    DatabaseDialect(String script) {
        this.script = script;
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
