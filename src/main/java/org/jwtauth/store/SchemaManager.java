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
     * @throws IllegalStateException when VALIDATE finds the table or a column missing, or CREATE meets a
     *         database we ship no script for
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
            // Two nodes creating the table at the same moment can collide even with IF NOT EXISTS (PostgreSQL
            // reports a duplicate catalog row); once the other node is done, a second run finds everything there.
            runScript();
        }
    }

    private void runScript() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            DatabaseDialect dialect = dialect(c.getMetaData());
            try (Statement s = c.createStatement()) {
                for (String sql : statements(dialect.script())) {
                    s.execute(sql);
                }
            }
        }
    }

    private static DatabaseDialect dialect(DatabaseMetaData meta) throws SQLException {
        String product = meta.getDatabaseProductName();
        return DatabaseDialect.detect(product).orElseThrow(() -> new IllegalStateException(KEY
                + "=create: no DDL script for database '" + product + "' (H2, PostgreSQL, MariaDB/MySQL are shipped);"
                + " create table " + RefreshTokenEntity.TABLE + " yourself and set " + KEY + "=validate"));
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
            throw new IllegalStateException(KEY + "=validate: table " + RefreshTokenEntity.TABLE + " does not exist;"
                    + " create it with the library's schema script or set " + KEY + "=create");
        }
        List<String> missing = new ArrayList<>();
        for (String column : COLUMNS) {
            if (!present.contains(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(KEY + "=validate: table " + RefreshTokenEntity.TABLE
                    + " lacks column(s) " + String.join(", ", missing));
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
