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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.SchemaMode;
import org.jwtauth.log.Log;
import org.jwtauth.refresh.ClientInfo;

/**
 * Applies {@code jwtauth.store.schema} at start-up with plain JDBC, before EclipseLink is involved (EclipseLink's
 * own DDL generation stays off: it is neither idempotent across nodes nor reviewable by a DBA).
 */
final class SchemaManager {

    private static final Log LOG = Log.of(SchemaManager.class);

    static final String KEY = "jwtauth.store.schema";
    /** The tables of schema 2 and their columns, as {@code validate} requires them. */
    static final Map<String, List<String>> TABLES = Map.of(
            RefreshTokenEntity.TABLE, List.of("token_hash", "family_id", "subject", "state", "created_at",
                    "idle_expires_at", "family_expires_at", "rotated_at", "rotated_by"),
            SessionEntity.TABLE, List.of("session_id", "subject", "state", "created_at", "last_used_at",
                    "expires_at", "not_before", "login_user_agent", "login_address", "last_user_agent",
                    "last_address"));
    /** The column schema 2 added to the token table: its absence means a schema 1 database to upgrade. */
    private static final String UPGRADE_MARKER = "rotated_by";
    /** Schema 3 widened the user-agent columns to this; a narrower one means a schema 2 database to upgrade. */
    private static final String UPGRADE_3_COLUMN = "last_user_agent";

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

    /**
     * The schema script, idempotent, then the upgrade from schema 1 if the token table predates schema 2. On
     * PostgreSQL the advisory lock makes nodes take turns, so the second finds the upgrade done; elsewhere a
     * node that collides with another's upgrade fails, and {@link #create()} runs again and finds it done.
     */
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
                if (!columns(c, RefreshTokenEntity.TABLE).containsKey(UPGRADE_MARKER)) {
                    upgrade(s, dialect.upgradeScript());
                }
                if (isBeforeSchema3(columns(c, SessionEntity.TABLE))) {
                    upgrade(s, dialect.upgrade3Script());
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

    private static void upgrade(Statement s, String script) throws SQLException {
        LOG.info("Refresh-token store: upgrading the schema in place ({}); no token is touched", script);
        for (String sql : statements(script)) {
            s.execute(sql);
        }
    }

    private static boolean isBeforeSchema3(Map<String, Integer> sessionColumns) {
        Integer size = sessionColumns.get(UPGRADE_3_COLUMN);
        return size != null && size < ClientInfo.MAX_USER_AGENT;
    }

    private static DatabaseDialect dialect(DatabaseMetaData meta) throws SQLException {
        String product = meta.getDatabaseProductName();
        return DatabaseDialect.detect(product).orElseThrow(() -> new ConfigurationException(KEY,
                "create has no DDL script for database '" + product + "' (H2, PostgreSQL, MariaDB/MySQL are shipped);"
                + " create tables " + RefreshTokenEntity.TABLE + " and " + SessionEntity.TABLE
                + " yourself and use validate or none"));
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

    /** Names every table and column that is missing, so one run tells the DBA the whole upgrade to make. */
    private void validate() throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (Map.Entry<String, List<String>> table : new TreeMap<>(TABLES).entrySet()) {
                Map<String, Integer> columns = columns(c, table.getKey());
                Set<String> present = columns.keySet();
                List<String> missing = new ArrayList<>(table.getValue());
                missing.removeAll(present);
                if (present.isEmpty()) {
                    problems.add("no table " + table.getKey());
                } else if (!missing.isEmpty()) {
                    problems.add("table " + table.getKey() + " without column(s) " + String.join(", ", missing));
                } else if (table.getKey().equals(SessionEntity.TABLE) && isBeforeSchema3(columns)) {
                    problems.add("table " + table.getKey() + " with column " + UPGRADE_3_COLUMN + " narrower than "
                            + ClientInfo.MAX_USER_AGENT + " characters");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(KEY, "validate found " + String.join("; ", problems)
                    + " in the current schema; run the library's schema script (and, from schema 1, its upgrade-2"
                    + " script; from schema 2, its upgrade-3 script) or use create");
        }
    }

    /**
     * The table's column names in lower case, with their sizes, in the connection's current schema; empty if there
     * is no table.
     */
    private static Map<String, Integer> columns(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        // Unquoted names are folded to upper case by H2 and to lower case by PostgreSQL.
        String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        String pattern = escape(stored, meta.getSearchStringEscape());
        Map<String, Integer> columns = new TreeMap<>();
        try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), pattern, null)) {
            while (rs.next()) {
                columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("COLUMN_SIZE"));
            }
        }
        return columns;
    }

    /** '_' is a wildcard in metadata patterns; our table names have several. */
    private static String escape(String name, String escape) {
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
