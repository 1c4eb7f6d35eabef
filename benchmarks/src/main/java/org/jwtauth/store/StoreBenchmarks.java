package org.jwtauth.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.jwtauth.refresh.RefreshTokenService;
import org.jwtauth.refresh.RefreshTokenStore;

/**
 * The store benchmarks (BENCHMARKS.md, "The store"): refresh and login throughput and latency percentiles with
 * 8 concurrent clients on each database, with the pool and without it, alternated in one run; then refresh
 * latency without and during the cleanup of 1,000,000 expired rows. Writes a markdown report.
 *
 * <pre>java -cp benchmarks.jar org.jwtauth.store.StoreBenchmarks [report.md] [key=value ...]</pre>
 * keys: {@code databases=h2,postgresql,mariadb clients=8 warmup=PT5S measure=PT10S rounds=2
 * cleanupDatabases=postgresql cleanupRows=1000000}.
 */
public final class StoreBenchmarks {

    private StoreBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Path report = Paths.get(args.length > 0 && !args[0].contains("=") ? args[0] : "store-report.md");
        Options o = new Options(args);
        List<StoreLoad.Result> results = new ArrayList<>();
        List<String> cleanups = new ArrayList<>();
        for (String name : o.databases) {
            StoreLoad.Database db = StoreLoad.Database.named(name);
            // Discarded: the first runs of a JVM measure the JIT compiler as much as the store, and whichever
            // variant ran first would pay for it.
            for (String operation : List.of("refresh", "login")) {
                System.out.println("(JIT warm-up, discarded) " + line(timed(db, operation, true, o)));
            }
            for (String operation : List.of("refresh", "login")) {
                int rounds = operation.equals("refresh") ? o.rounds : 1;
                for (int round = 0; round < rounds; round++) {
                    for (boolean pooled : new boolean[] {false, true}) {
                        StoreLoad.Result r = timed(db, operation, pooled, o);
                        results.add(r);
                        System.out.println(line(r));
                    }
                }
            }
        }
        for (String name : o.cleanupDatabases) {
            cleanups.add(cleanup(StoreLoad.Database.named(name), o));
        }
        Files.write(report, StoreReport.markdown(results, cleanups, o.describe()).getBytes(StandardCharsets.UTF_8));
        System.out.println("report written to " + report);
    }

    private static StoreLoad.Result timed(StoreLoad.Database db, String operation, boolean pooled, Options o)
            throws Exception {
        String namespace = StoreLoad.namespace();
        String url = db.create(namespace);
        try (RefreshTokenStore store = StoreLoad.open(db, url, pooled, 10)) {
            RefreshTokenService service = StoreLoad.service(store);
            return StoreLoad.run(db.name, operation, pooled ? "pool" : "no pool", service, o.clients, o.warmup,
                    o.measure);
        } finally {
            db.drop(namespace, url);
        }
    }

    /** Refresh latency with the pool, without and then during the deletion of {@code cleanupRows} expired rows. */
    private static String cleanup(StoreLoad.Database db, Options o) throws Exception {
        String namespace = StoreLoad.namespace();
        String url = db.create(namespace);
        try (RefreshTokenStore store = StoreLoad.open(db, url, true, 10)) {
            long seedStart = System.nanoTime();
            seedExpired(db, url, o.cleanupRows);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            RefreshTokenService service = StoreLoad.service(store);
            StoreLoad.Result without = StoreLoad.run(db.name, "refresh", "without cleanup", service, o.clients,
                    o.warmup, o.measure);
            System.out.println(line(without));
            AtomicLong deleted = new AtomicLong();
            long[] cleanupNanos = new long[1];
            StoreLoad.Result during = StoreLoad.run(db.name, "refresh", "during cleanup", service, o.clients,
                    Duration.ofSeconds(1), () -> {
                        long start = System.nanoTime();
                        // What ExpiredTokenCleanup does on the cleanup thread: batches of 500 until one comes back short.
                        int n;
                        do {
                            n = store.deleteExpired(Instant.now(), 500);
                            deleted.addAndGet(n);
                        } while (n == 500);
                        cleanupNanos[0] = System.nanoTime() - start;
                    });
            System.out.println(line(during));
            return StoreReport.cleanup(db.name, o.cleanupRows, seedSeconds, deleted.get(), cleanupNanos[0] / 1e9,
                    without, during);
        } finally {
            db.drop(namespace, url);
        }
    }

    /**
     * {@code rows} rotated tokens in sessions of 100 tokens each, whose family and idle expiry are long past, put
     * in with one statement per table, behind the store's back.
     */
    static void seedExpired(StoreLoad.Database db, String url, int rows) throws Exception {
        int sessions = (rows + 99) / 100;
        String tokens;
        String families;
        switch (db.name) {
            case "postgresql":
                tokens = "INSERT INTO jwtauth_refresh_token SELECT 'exp-' || g, 'expfam-' || (g / 100), 'ghost',"
                        + " 'ROTATED', 0, 1, 1, 0, NULL FROM generate_series(0, " + (rows - 1) + ") g";
                families = "INSERT INTO jwtauth_session (session_id, subject, state, created_at, last_used_at,"
                        + " expires_at) SELECT 'expfam-' || g, 'ghost', 'ACTIVE', 0, 1, 1 FROM generate_series(0, "
                        + (sessions - 1) + ") g";
                break;
            case "mariadb":
                tokens = "INSERT INTO jwtauth_refresh_token SELECT CONCAT('exp-', seq), CONCAT('expfam-', seq DIV 100),"
                        + " 'ghost', 'ROTATED', 0, 1, 1, 0, NULL FROM seq_0_to_" + (rows - 1);
                families = "INSERT INTO jwtauth_session (session_id, subject, state, created_at, last_used_at,"
                        + " expires_at) SELECT CONCAT('expfam-', seq), 'ghost', 'ACTIVE', 0, 1, 1 FROM seq_0_to_"
                        + (sessions - 1);
                break;
            default:
                tokens = "INSERT INTO jwtauth_refresh_token SELECT 'exp-' || X, 'expfam-' || (X / 100), 'ghost',"
                        + " 'ROTATED', 0, 1, 1, 0, NULL FROM SYSTEM_RANGE(0, " + (rows - 1) + ")";
                families = "INSERT INTO jwtauth_session (session_id, subject, state, created_at, last_used_at,"
                        + " expires_at) SELECT 'expfam-' || X, 'ghost', 'ACTIVE', 0, 1, 1 FROM SYSTEM_RANGE(0, "
                        + (sessions - 1) + ")";
        }
        try (Connection c = db.connect(url); Statement s = c.createStatement()) {
            s.execute(tokens);
            s.execute(families);
            if (db.name.equals("postgresql")) {
                s.execute("ANALYZE jwtauth_refresh_token");
                s.execute("ANALYZE jwtauth_session");
            }
        }
    }

    static String line(StoreLoad.Result r) {
        return String.format(Locale.ROOT, "%-10s %-8s %-16s %8.0f/s p50 %7.2f ms p99 %7.2f ms errors %d",
                r.database, r.operation, r.variant, r.perSecond(), r.percentileMillis(0.50), r.percentileMillis(0.99),
                r.errors);
    }

    /** Command-line keys, with the defaults of the documented run. */
    static final class Options {
        List<String> databases = List.of("h2", "postgresql", "mariadb");
        List<String> cleanupDatabases = List.of("postgresql");
        int clients = 8;
        int rounds = 2;
        int cleanupRows = 1_000_000;
        Duration warmup = Duration.ofSeconds(5);
        Duration measure = Duration.ofSeconds(10);

        Options(String[] args) {
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = arg.substring(0, eq);
                String value = arg.substring(eq + 1);
                switch (key) {
                    case "databases": databases = List.of(value.split(",")); break;
                    case "cleanupDatabases": cleanupDatabases = value.isEmpty() ? List.of() : List.of(value.split(",")); break;
                    case "clients": clients = Integer.parseInt(value); break;
                    case "rounds": rounds = Integer.parseInt(value); break;
                    case "cleanupRows": cleanupRows = Integer.parseInt(value); break;
                    case "warmup": warmup = Duration.parse(value); break;
                    case "measure": measure = Duration.parse(value); break;
                    default: throw new IllegalArgumentException("unknown key " + key);
                }
            }
        }

        String describe() {
            return clients + " clients, warm-up " + warmup + ", measurement " + measure + " per run, refresh runs "
                    + rounds + " times per variant alternating (no pool, pool, no pool, pool), login once per variant,"
                    + " after one discarded refresh and login run per database (JIT warm-up); each run on a fresh"
                    + " schema (H2: a fresh file), pool size 10 (the default) or the same bound of 10 without a pool";
        }
    }

}
