package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which DDL script a database gets, and that every shipped script is well-formed for our splitter. */
class DatabaseDialectTest {

    @Test
    void detectWhenProductNameGivenThenItsDialectOrEmptyForAnUnsupportedDatabase() {
        assertEquals(Optional.of(DatabaseDialect.H2), DatabaseDialect.detect("H2"));
        assertEquals(Optional.of(DatabaseDialect.POSTGRESQL), DatabaseDialect.detect("PostgreSQL"));
        assertEquals(Optional.of(DatabaseDialect.MARIADB), DatabaseDialect.detect("MariaDB"));
        assertEquals(Optional.of(DatabaseDialect.MARIADB), DatabaseDialect.detect("MySQL"));
        assertEquals(Optional.empty(), DatabaseDialect.detect("Oracle"));
        assertEquals(Optional.empty(), DatabaseDialect.detect(null));
    }

    @Test
    void statementsWhenAnyShippedScriptIsSplitThenItCreatesTheTableWithAllColumnsIdempotently() {
        for (DatabaseDialect dialect : DatabaseDialect.values()) {
            List<String> statements = SchemaManager.statements(dialect.script());
            String table = statements.get(0);
            assertTrue(table.startsWith("CREATE TABLE IF NOT EXISTS jwtauth_refresh_token"), dialect + ": " + table);
            for (String column : SchemaManager.COLUMNS) {
                assertTrue(table.contains(column), dialect + " lacks " + column);
            }
            for (String statement : statements) {
                assertTrue(statement.contains("IF NOT EXISTS"), dialect + " not idempotent: " + statement);
                assertTrue(!statement.endsWith(";"), "terminator left in: " + statement);
            }
        }
    }
}
