package org.jwtauth.it.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema in the local PostgreSQL (127.0.0.1:5432, database test, user postgres) for one integration
 * test, dropped on close. Skips the test when PostgreSQL is not there, or fails it under
 * {@code -Djwtauth.requireDatabases=true} (set by .ci/run).
 */
public final class PostgresSchema implements AutoCloseable {

    public static final String HOST_PORT = "127.0.0.1:5432";
    public static final String USER = "postgres";
    private static final String ADMIN_URL = System.getProperty("jwtauth.test.postgresql.url",
            "jdbc:postgresql://" + HOST_PORT + "/test");

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
    }

    public static PostgresSchema create() {
        String name = "jwtauth_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            String why = "PostgreSQL not reachable at " + ADMIN_URL + " (" + e.getClass().getSimpleName() + ")";
            System.err.println("SKIPPED integration test: " + why);
            if (Boolean.getBoolean("jwtauth.requireDatabases")) {
                fail(why + "; -Djwtauth.requireDatabases=true turns this skip into a failure");
            }
            Assumptions.assumeTrue(false, "skipped: " + why);
        }
        return new PostgresSchema(name);
    }

    /** The JDBC URL of this schema, on {@code hostAndPort} (e.g. a proxy's) instead of the server's own. */
    public String url(String hostAndPort) {
        return ADMIN_URL.replace(HOST_PORT, hostAndPort) + "?currentSchema=" + name;
    }

    public String url() {
        return url(HOST_PORT);
    }

    /** Runs the library's shipped DDL script, the way a DBA runs it before the first deployment. */
    public void runShippedScript() throws IOException, SQLException {
        String script;
        try (InputStream in = PostgresSchema.class.getResourceAsStream("/org/jwtauth/store/schema-postgresql.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(script);
        }
    }

    /** Rows in the token table, counted behind the application's back. */
    public int rows(String where) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM jwtauth_refresh_token" + (where.isEmpty() ? "" : " WHERE " + where));
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, null);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + name + " CASCADE");
        }
    }

    private static Connection admin() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(ADMIN_URL, p);
    }
}
