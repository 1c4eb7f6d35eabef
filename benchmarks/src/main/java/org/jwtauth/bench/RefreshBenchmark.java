package org.jwtauth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jwtauth.config.Settings;
import org.jwtauth.refresh.ClientInfo;
import org.jwtauth.refresh.IssuedRefreshToken;
import org.jwtauth.refresh.RefreshRejectedException;
import org.jwtauth.refresh.RefreshTokenGenerator;
import org.jwtauth.refresh.RefreshTokenHash;
import org.jwtauth.refresh.RefreshTokenService;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.SessionCutOffs;
import org.jwtauth.refresh.StoredRefreshToken;
import org.jwtauth.store.JpaRefreshTokenStores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The store's share of login and refresh, on the embedded H2 file database the listener opens by default, through
 * the real EclipseLink store and {@link RefreshTokenService}. Each thread owns its own family (one user, one
 * device), so threads contend for the database, not for one row. Every trial starts from an empty database in a
 * fresh temporary directory; rotated rows stay in the table, as they do in production until they expire.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class RefreshBenchmark {

    /** One database and one service shared by all threads, as in a web application. */
    @State(Scope.Benchmark)
    public static class Database {
        Path directory;
        RefreshTokenStore store;
        RefreshTokenService service;
        /** The URL the store builds for its embedded database (see StoreDataSource). */
        String jdbcUrl;
        final AtomicInteger users = new AtomicInteger();

        @Setup(Level.Trial)
        public void open() throws IOException {
            Settings settings = Fixtures.settings("HS256");
            directory = Files.createTempDirectory("jwtauth-bench-h2-");
            store = JpaRefreshTokenStores.open(settings.store(), directory);
            jdbcUrl = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("jwtauth-tokens")
                    + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
            service = new RefreshTokenService(store,
                    new RefreshTokenGenerator(new SecureRandom(), settings.secret()),
                    settings.refreshTokenLifetime(), settings.sessionMaxLifetime(), settings.retryWindow(),
                    new SessionCutOffs(store, settings.issuer(), settings.accessTokenLifetime(), Clock.systemUTC()),
                    0, Clock.systemUTC());
        }

        @TearDown(Level.Trial)
        public void close() {
            store.close();
            Fixtures.deleteRecursively(directory);
        }
    }

    /** One device's session: the refresh token it holds now. */
    @State(Scope.Thread)
    public static class Session {
        String subject;
        String sessionId;
        String current;

        @Setup(Level.Trial)
        public void login(Database db) {
            subject = "user-" + db.users.incrementAndGet();
            IssuedRefreshToken first = db.service.startSession(subject, ClientInfo.NONE);
            sessionId = first.sessionId();
            current = first.token();
        }

        IssuedRefreshToken rotate(Database db) throws RefreshRejectedException {
            IssuedRefreshToken next = db.service.rotate(current, subject, sessionId, "jti-1", ClientInfo.NONE);
            current = next.token();
            return next;
        }
    }

    /** One refresh: look up by hash, conditional UPDATE of the presented row, INSERT of its successor. */
    @Benchmark
    public IssuedRefreshToken rotate(Database db, Session session) throws RefreshRejectedException {
        return session.rotate(db);
    }

    /** The same with four threads (four devices refreshing at once) on a two-core machine. */
    @Benchmark
    @Threads(4)
    public IssuedRefreshToken rotate4Threads(Database db, Session session) throws RefreshRejectedException {
        return session.rotate(db);
    }

    /** A login's store cost: one INSERT of a new family's first token. */
    @Benchmark
    public IssuedRefreshToken startSession(Database db, Session session) {
        return db.service.startSession(session.subject, ClientInfo.NONE);
    }

    /**
     * Diagnostic: one read through the store (the lookup that starts every rotation), to split a rotation's cost
     * into its read and its write transaction.
     */
    @Benchmark
    public Optional<StoredRefreshToken> findByHash(Database db, Session session) {
        return db.store.findByHash(RefreshTokenHash.of(session.current));
    }

    /**
     * Diagnostic: open and close one physical connection to the same database (the embedded default store is
     * unpooled, so each of its transactions pays this), without any query.
     */
    @Benchmark
    public boolean h2Connection(Database db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl, "sa", "")) {
            return c.isClosed();
        }
    }
}
