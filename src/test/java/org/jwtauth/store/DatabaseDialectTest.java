package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
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
    void statementsWhenAnyShippedScriptIsSplitThenItCreatesEveryTableWithAllColumnsIdempotently() {
        for (DatabaseDialect dialect : DatabaseDialect.values()) {
            List<String> statements = SchemaManager.statements(dialect.script());
            for (Map.Entry<String, List<String>> table : SchemaManager.TABLES.entrySet()) {
                String create = statements.stream()
                        .filter(sql -> sql.startsWith("CREATE TABLE IF NOT EXISTS " + table.getKey() + " ("))
                        .findFirst().orElseThrow(() -> new AssertionError(dialect + " lacks " + table.getKey()));
                for (String column : table.getValue()) {
                    assertTrue(create.contains(column), dialect + " " + table.getKey() + " lacks " + column);
                }
            }
            for (String statement : statements) {
                assertTrue(statement.contains("IF NOT EXISTS"), dialect + " not idempotent: " + statement);
                assertTrue(!statement.endsWith(";"), "terminator left in: " + statement);
            }
        }
    }
}
