package org.jwtauth.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

import org.jwtauth.bench.Fixtures;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.Settings;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.refresh.ClientInfo;
import org.jwtauth.refresh.IssuedRefreshToken;
import org.jwtauth.refresh.RefreshTokenGenerator;
import org.jwtauth.refresh.RefreshTokenService;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.SessionCutOffs;

/**
 * A closed-loop load driver for the store with {@code jwtauth.store.url}: N client threads, each its own device
 * (family), refreshing (or logging in) back to back through {@link RefreshTokenService} and the real EclipseLink
 * store, for a fixed time; every operation's latency is kept, so throughput and percentiles come from the same
 * samples. In this package (split across the library and this JAR) only to build the store without its pool,
 * as every release before the pool did: same bound, a physical connection per transaction.
 */
public final class StoreLoad {

    /** What one timed run measured. */
    static final class Result {
        final String database;
        final String operation;
        final String variant;
        final int clients;
        final long operations;
        final long errors;
        final double seconds;
        final long[] sortedNanos;

        Result(String database, String operation, String variant, int clients, long operations, long errors,
               double seconds, long[] sortedNanos) {
            this.database = database;
            this.operation = operation;
            this.variant = variant;
            this.clients = clients;
            this.operations = operations;
            this.errors = errors;
            this.seconds = seconds;
            this.sortedNanos = sortedNanos;
        }

        double perSecond() {
            return operations / seconds;
        }

        double percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
            return sortedNanos[Math.max(0, i)] / 1e6;
        }
    }

    private StoreLoad() {
    }

    /** Opens a store on {@code url}, pooled as the library ships it, or with the pool taken out. */
    static RefreshTokenStore open(Database db, String url, boolean pooled, int poolSize) {
        Map<String, String> values = new HashMap<>();
        values.put(ConfigKeys.SECRET, Fixtures.SECRET);
        values.put(ConfigKeys.STORE_URL, url);
        if (db.user != null) {
            values.put(ConfigKeys.STORE_USER, db.user);
        }
        if (db.password != null) {
            values.put(ConfigKeys.STORE_PASSWORD, db.password);
        }
        values.put(ConfigKeys.STORE_POOL_SIZE, Integer.toString(poolSize));
        Settings settings = new SettingsParser(ConfigSource.of(values), n -> null).parse();
        UnaryOperator<DataSource> variant = pooled ? UnaryOperator.identity() : StoreLoad::withoutPool;
        return JpaRefreshTokenStores.open(settings.store(), null, variant);
    }

    /** Today's bound over the driver, the pool between them removed. */
    private static DataSource withoutPool(DataSource shipped) {
        BoundedDataSource bounded = (BoundedDataSource) shipped;
        ConnectionPool pool = (ConnectionPool) bounded.delegate();
        return new BoundedDataSource(pool.delegate(), 10, Duration.ofSeconds(5));
    }

    static RefreshTokenService service(RefreshTokenStore store) {
        Settings settings = Fixtures.settings("HS256");
        return new RefreshTokenService(store, new RefreshTokenGenerator(new SecureRandom(), settings.secret()),
                settings.refreshTokenLifetime(), settings.sessionMaxLifetime(), settings.retryWindow(),
                new SessionCutOffs(store, settings.issuer(), settings.accessTokenLifetime(), Clock.systemUTC()), 0,
                Clock.systemUTC());
    }

    /**
     * Runs {@code clients} threads for {@code warmup} (not recorded) and then {@code measure}; refresh: each
     * thread rotates its own family's token; login: each thread starts a new family per operation.
     */
    static Result run(String database, String operation, String variant, RefreshTokenService service, int clients,
                      Duration warmup, Duration measure) throws InterruptedException {
        return run(database, operation, variant, service, clients, warmup, () -> Thread.sleep(measure.toMillis()));
    }

    /** The measurement lasts as long as {@code measure} blocks (a fixed time, or a cleanup run to its end). */
    interface Window {
        void await() throws InterruptedException;
    }

    static Result run(String database, String operation, String variant, RefreshTokenService service, int clients,
                      Duration warmup, Window measure) throws InterruptedException {
        AtomicBoolean recording = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        long[][] samples = new long[clients][];
        int[] counts = new int[clients];
        long[] errors = new long[clients];
        CountDownLatch started = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int me = c;
            samples[me] = new long[1 << 20];
            Thread t = new Thread(() -> {
                String subject = "load-" + UUID.randomUUID();
                IssuedRefreshToken current = service.startSession(subject, ClientInfo.NONE);
                started.countDown();
                while (!stop.get()) {
                    long start = System.nanoTime();
                    try {
                        if (operation.equals("login")) {
                            service.startSession(subject, ClientInfo.NONE);
                        } else {
                            current = service.rotate(current.token(), subject, current.sessionId(), "jti", ClientInfo.NONE);
                        }
                    } catch (Exception e) {
                        if (recording.get()) {
                            errors[me]++;
                        }
                        current = service.startSession(subject, ClientInfo.NONE);
                        continue;
                    }
                    long took = System.nanoTime() - start;
                    if (recording.get() && counts[me] < samples[me].length) {
                        samples[me][counts[me]++] = took;
                    }
                }
            }, "store-load-" + c);
            threads.add(t);
            t.start();
        }
        started.await();
        Thread.sleep(warmup.toMillis());
        long begin = System.nanoTime();
        recording.set(true);
        measure.await();
        recording.set(false);
        double seconds = (System.nanoTime() - begin) / 1e9;
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        long total = 0;
        long errorTotal = 0;
        for (int c = 0; c < clients; c++) {
            total += counts[c];
            errorTotal += errors[c];
        }
        long[] all = new long[(int) total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(samples[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(database, operation, variant, clients, total, errorTotal, seconds, all);
    }

    /** A server (or H2 directory) and a fresh namespace on it per run, dropped afterwards. */
    static final class Database {
        final String name;
        final String adminUrl;
        final String user;
        final String password;
        private Path h2Directory;

        Database(String name, String adminUrl, String user, String password) {
            this.name = name;
            this.adminUrl = adminUrl;
            this.user = user;
            this.password = password;
        }

        static Database named(String name) {
            switch (name) {
                case "postgresql":
                    return new Database(name, env("JWTAUTH_BENCH_POSTGRESQL_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                            env("JWTAUTH_BENCH_POSTGRESQL_USER", "postgres"), System.getenv("JWTAUTH_BENCH_POSTGRESQL_PASSWORD"));
                case "mariadb":
                    return new Database(name, env("JWTAUTH_BENCH_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test"),
                            env("JWTAUTH_BENCH_MARIADB_USER", "root"), env("JWTAUTH_BENCH_MARIADB_PASSWORD", ""));
                case "h2":
                    return new Database(name, null, "sa", "");
                default:
                    throw new IllegalArgumentException("unknown database " + name + " (h2, postgresql, mariadb)");
            }
        }

        private static String env(String name, String fallback) {
            String v = System.getenv(name);
            return v == null || v.isEmpty() ? fallback : v;
        }

        /** Creates a namespace and returns the store URL into it. */
        String create(String namespace) throws Exception {
            switch (name) {
                case "postgresql":
                    execute("CREATE SCHEMA " + namespace);
                    return adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + namespace;
                case "mariadb":
                    execute("CREATE DATABASE " + namespace);
                    return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + namespace;
                default:
                    h2Directory = Files.createTempDirectory("jwtauth-load-h2-");
                    // DB_CLOSE_DELAY=-1 as the embedded default has it: without it an unpooled H2 would reopen its
                    // file for every transaction, which would measure H2's start-up, not the store.
                    return "jdbc:h2:file:" + h2Directory.resolve(namespace) + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=5000";
            }
        }

        void drop(String namespace, String url) throws Exception {
            switch (name) {
                case "postgresql":
                    execute("DROP SCHEMA " + namespace + " CASCADE");
                    break;
                case "mariadb":
                    execute("DROP DATABASE " + namespace);
                    break;
                default:
                    try (Connection c = DriverManager.getConnection(url, user, password);
                         Statement s = c.createStatement()) {
                        s.execute("SHUTDOWN");
                    }
                    Fixtures.deleteRecursively(h2Directory);
            }
        }

        void execute(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }

        Connection connect(String url) throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    static String namespace() {
        return "jwtauth_load_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }
}
