package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.SchemaMode;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.config.StoreSettings;

/**
 * The real databases the store is specified against. Each test gets its own empty namespace (an H2 directory,
 * a PostgreSQL schema, a MariaDB database), so tests neither see each other's rows nor anyone else's.
 */
enum TestDatabase {
    H2(null, null, null),
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test", "postgres", null),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/test", "root", "");

    private final String adminUrl;
    private final String user;
    private final String password;

    TestDatabase(String adminUrl, String user, String password) {
        // -Djwtauth.test.postgresql.url=... (or mariadb) points a run at another server.
        this.adminUrl = System.getProperty("jwtauth.test." + name().toLowerCase(Locale.ROOT) + ".url", adminUrl);
        this.user = user;
        this.password = password;
    }

    /** A fresh, empty namespace; skips the test (or fails it under -Djwtauth.requireDatabases=true) if unreachable. */
    Scratch scratch() {
        String name = "jwtauth_st_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try {
            if (this != H2) {
                try (Connection c = admin(); Statement s = c.createStatement()) {
                    s.execute(this == POSTGRESQL ? "CREATE SCHEMA " + name : "CREATE DATABASE " + name);
                }
            }
            Path dir = Files.createTempDirectory("jwtauth-store-");
            if (this == H2) {
                return new Scratch(this, name, null, dir);
            }
            String url = this == POSTGRESQL ? adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + name
                    + "&connectTimeout=5&ApplicationName=" + name : adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name
                    + "?connectTimeout=5000";
            return new Scratch(this, name, url, dir);
        } catch (SQLException e) {
            String why = name() + " not reachable at " + adminUrl + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")";
            System.err.println("SKIPPED store test: " + why);
            if (Boolean.getBoolean("jwtauth.requireDatabases")) {
                fail(why + "; -Djwtauth.requireDatabases=true turns this skip into a failure");
            }
            Assumptions.assumeTrue(false, "skipped: " + why);
            throw new AssertionError(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Connection admin() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        // Fail fast when the server is down: a skipped test should not wait for the driver's default timeout.
        props.setProperty("connectTimeout", this == POSTGRESQL ? "5" : "5000");
        return DriverManager.getConnection(adminUrl, props);
    }

    /** One test's namespace. */
    static final class Scratch implements AutoCloseable {
        final TestDatabase database;
        final String name;
        final String url;
        final Path directory;

        Scratch(TestDatabase database, String name, String url, Path directory) {
            this.database = database;
            this.name = name;
            this.url = url;
            this.directory = directory;
        }

        StoreSettings settings(SchemaMode schema) {
            return settings(schema, UnaryOperator.identity(), Map.of());
        }

        /** {@code host:port} of the server, for putting a proxy in between; null for H2. */
        String hostAndPort() {
            if (url == null) {
                return null;
            }
            int start = url.indexOf("//") + 2;
            return url.substring(start, url.indexOf('/', start));
        }

        /** Settings with the URL rewritten (e.g. through a proxy) and further keys (e.g. timeouts). */
        StoreSettings settings(SchemaMode schema, UnaryOperator<String> rewriteUrl, Map<String, String> extra) {
            Map<String, String> params = new HashMap<>(extra);
            params.put(ConfigKeys.SECRET, "0123456789abcdef0123456789abcdef-test-only");
            params.put(ConfigKeys.STORE_SCHEMA, schema.name().toLowerCase(Locale.ROOT));
            if (url != null) {
                params.put(ConfigKeys.STORE_URL, rewriteUrl.apply(url));
                params.put(ConfigKeys.STORE_USER, database.user);
                if (database.password != null) {
                    params.put(ConfigKeys.STORE_PASSWORD, database.password);
                }
            }
            return new SettingsParser(ConfigSource.of(params), n -> null).parse().store();
        }

        /** A direct JDBC connection into this namespace, for checks behind the store's back. */
        Connection connect() throws SQLException {
            if (database == H2) {
                return DriverManager.getConnection("jdbc:h2:file:" + directory.toAbsolutePath().resolve("jwtauth-tokens")
                        + ";DB_CLOSE_DELAY=-1", "sa", "");
            }
            return DriverManager.getConnection(url, database.user, database.password);
        }

        @Override
        public void close() throws Exception {
            if (database == H2) {
                try (Connection c = connect(); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            } else {
                try (Connection c = database.admin(); Statement s = c.createStatement()) {
                    s.execute(database == POSTGRESQL ? "DROP SCHEMA " + name + " CASCADE" : "DROP DATABASE " + name);
                }
            }
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
