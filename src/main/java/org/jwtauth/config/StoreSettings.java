package org.jwtauth.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where refresh tokens are kept: a JNDI DataSource, a JDBC URL, or (neither) the embedded H2 default. */
public final class StoreSettings {

    private final String dataSource;
    private final String url;
    private final String user;
    private final String password;
    private final SchemaMode schema;
    private final Duration connectTimeout;
    private final Duration queryTimeout;
    private final int poolSize;
    private final Path directory;

    StoreSettings(String dataSource, String url, String user, String password, SchemaMode schema,
                  Duration connectTimeout, Duration queryTimeout, int poolSize, Path directory) {
        this.dataSource = dataSource;
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
        this.connectTimeout = connectTimeout;
        this.queryTimeout = queryTimeout;
        this.poolSize = poolSize;
        this.directory = directory;
    }

    /** {@code jwtauth.store.directory}: where the embedded H2 default keeps its files, if configured (absolute). */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** JNDI name of a container DataSource, e.g. {@code java:comp/env/jdbc/AuthDB}. */
    public Optional<String> dataSource() {
        return Optional.ofNullable(dataSource);
    }

    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    public SchemaMode schema() {
        return schema;
    }

    /** How long opening a connection may take ({@code jwtauth.store.url} only; a container pool has its own). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long one statement may run, on every kind of data source; whole seconds (JDBC's unit). */
    public Duration queryTimeout() {
        return queryTimeout;
    }

    /**
     * With {@code jwtauth.store.url} ({@code jwtauth.store.poolSize}, formerly {@code maxConnections}): how many
     * connections the store keeps idle for reuse, and the most it has open at once. A caller that finds none
     * free within {@link #connectTimeout()} is answered 503, so unauthenticated requests (logout) cannot exhaust
     * the database's connections. A container pool (JNDI) has its own maximum; the embedded H2 has no server.
     */
    public int poolSize() {
        return poolSize;
    }

    /** For the start-up log line: never the password. */
    String summary() {
        String timeouts = " (connectTimeout " + connectTimeout + ", queryTimeout " + queryTimeout + ")";
        if (dataSource != null) {
            return "jndi " + dataSource + timeouts;
        }
        return (url != null ? "jdbc " + withoutQuery(url) + " (poolSize " + poolSize + ")" : "embedded H2")
                + timeouts;
    }

    private static String withoutQuery(String jdbcUrl) {
        // Credentials are sometimes put in URL parameters; keep them out of logs.
        int cut = jdbcUrl.length();
        for (char c : new char[] {'?', ';'}) {
            int i = jdbcUrl.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return withoutUserInfo(jdbcUrl.substring(0, cut));
    }

    /**
     * MySQL's {@code //user:password@host} and Oracle's {@code thin:user/password@host} put the password before an
     * '@'; mask what lies between the scheme and the last '@'.
     */
    private static String withoutUserInfo(String jdbcUrl) {
        int at = jdbcUrl.lastIndexOf('@');
        if (at < 0) {
            return jdbcUrl;
        }
        int slashes = jdbcUrl.indexOf("//");
        int start = slashes >= 0 && slashes < at ? slashes + 2 : jdbcUrl.lastIndexOf(':', at) + 1;
        return jdbcUrl.substring(0, start) + "***" + jdbcUrl.substring(at);
    }
}
