package org.jwtauth.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.SchemaMode;

/**
 * Applies {@code jwtauth.store.schema} at start-up with plain JDBC, before EclipseLink is involved (EclipseLink's
 * own DDL generation stays off: it is neither idempotent across nodes nor reviewable by a DBA).
 */
final class SchemaManager {

    static final String KEY = "jwtauth.store.schema";
    static final List<String> COLUMNS = List.of("token_hash", "family_id", "subject", "state", "created_at",
            "idle_expires_at", "family_expires_at", "rotated_at");

    private final DataSource dataSource;

    SchemaManager(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @throws ConfigurationException (key {@code jwtauth.store.schema}) when VALIDATE finds the table or a
     *         column missing, or CREATE meets a database we ship no script for
     * @throws SQLException when the database cannot be reached
     */
    void apply(SchemaMode mode) throws SQLException {
        if (mode == SchemaMode.CREATE) {
            create();
        } else if (mode == SchemaMode.VALIDATE) {
            validate();
        }
    }

    private void create() throws SQLException {
        try {
            runScript();
        } catch (SQLException first) {
            // Belt and braces for databases without a DDL lock: if another node created the objects in the same
            // moment and we collided with it, a second run finds everything there.
            runScript();
        }
    }

    private void runScript() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseDialect dialect = dialect(c.getMetaData());
            boolean locked = dialect.ddlLock().isPresent();
            c.setAutoCommit(!locked);
            try (Statement s = c.createStatement()) {
                if (locked) {
                    s.execute(dialect.ddlLock().get());
                }
                for (String sql : statements(dialect.script())) {
                    s.execute(sql);
                }
                if (locked) {
                    c.commit();
                }
            } catch (SQLException | RuntimeException e) {
                if (locked) {
                    c.rollback();
                }
                throw e;
            }
        }
    }

    private static DatabaseDialect dialect(DatabaseMetaData meta) throws SQLException {
        String product = meta.getDatabaseProductName();
        return DatabaseDialect.detect(product).orElseThrow(() -> new ConfigurationException(KEY,
                "create has no DDL script for database '" + product + "' (H2, PostgreSQL, MariaDB/MySQL are shipped);"
                + " create table " + RefreshTokenEntity.TABLE + " yourself and use validate or none"));
    }

    /** Splits the shipped script on ';' at line ends, dropping '--' comment lines. */
    static List<String> statements(String resource) {
        String text;
        try (InputStream in = SchemaManager.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("DDL script " + resource + " is missing from the library JAR");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("DDL script " + resource + " could not be read", e);
        }
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().trim();
                result.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        return result;
    }

    private void validate() throws SQLException {
        Set<String> present;
        try (Connection c = dataSource.getConnection()) {
            present = columns(c);
        }
        if (present.isEmpty()) {
            throw new ConfigurationException(KEY, "validate found no table " + RefreshTokenEntity.TABLE
                    + " in the current schema; create it with the library's schema script or use create");
        }
        List<String> missing = new ArrayList<>();
        for (String column : COLUMNS) {
            if (!present.contains(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationException(KEY, "validate found table " + RefreshTokenEntity.TABLE
                    + " without column(s) " + String.join(", ", missing));
        }
    }

    /** The table's column names in lower case, in the connection's current schema; empty if there is no table. */
    private static Set<String> columns(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String table = RefreshTokenEntity.TABLE;
        // Unquoted names are folded to upper case by H2 and to lower case by PostgreSQL.
        String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        String pattern = escape(stored, meta.getSearchStringEscape());
        Set<String> names = new TreeSet<>();
        try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), pattern, null)) {
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** '_' is a wildcard in metadata patterns; our table name has three. */
    private static String escape(String name, String escape) {
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
