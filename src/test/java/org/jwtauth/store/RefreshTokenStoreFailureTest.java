package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.store.StoreFixture.NOW;
import static org.jwtauth.store.StoreFixture.active;
import static org.jwtauth.store.StoreFixture.inserted;
import static org.jwtauth.store.StoreFixture.newHash;
import static org.jwtauth.store.StoreFixture.newId;
import static org.jwtauth.store.StoreFixture.storeSettings;
import static org.jwtauth.store.StoreFixture.withStore;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.SchemaMode;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.config.StoreSettings;
import org.jwtauth.refresh.ClientInfo;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.StoreUnavailableException;
import org.jwtauth.refresh.StoredRefreshToken;

/** Database failures are {@link StoreUnavailableException} (answered 503), and never leak a hash. */
class RefreshTokenStoreFailureTest {

    @OnEveryDatabase
    void insertWhenTheStatementFailsThenStoreUnavailableAndNeitherExceptionNorLogShowsTheHash(TestDatabase db)
            throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        StoredRefreshToken token = active(newId("fam"), "alice");
        StoreUnavailableException e;
        try (TestDatabase.Scratch scratch = db.scratch()) {
            System.setOut(capture);
            System.setErr(capture);
            try (RefreshTokenStore store = JpaRefreshTokenStores.open(scratch.settings(SchemaMode.CREATE),
                    scratch.directory)) {
                store.insert(token);
                // A duplicate primary key: drivers quote the key value in their messages.
                e = assertThrows(StoreUnavailableException.class, () -> store.insert(token));
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String everything = fullText(e) + withoutDriverLog(captured.toString(StandardCharsets.UTF_8));
        assertNotNull(e.getCause(), "the cause keeps the diagnosis (exception types, SQL state)");
        assertFalse(everything.contains(token.hash()), everything);
    }

    @OnEveryDatabase
    void everyOperationWhenTheTableIsLostThenStoreUnavailable(TestDatabase db) throws Exception {
        withStore(db, (scratch, store) -> {
            StoredRefreshToken token = inserted(store, active(newId("fam"), "alice"));
            execute(scratch, "DROP TABLE jwtauth_refresh_token");
            String hash = token.hash();
            assertHashFree(assertThrows(StoreUnavailableException.class, () -> store.findByHash(hash)), hash);
            assertHashFree(assertThrows(StoreUnavailableException.class,
                    () -> store.rotate(hash, NOW, "rotating-jti", active(token.sessionId(), "alice"), ClientInfo.NONE)), hash);
            assertThrows(StoreUnavailableException.class, () -> store.insert(active(newId("fam"), "bob")));
            assertThrows(StoreUnavailableException.class, () -> store.revokeSession(token.sessionId(), StoreFixture.NOW));
            assertThrows(StoreUnavailableException.class, () -> store.revokeSubject("alice", StoreFixture.NOW));
            assertThrows(StoreUnavailableException.class, () -> store.deleteExpired(NOW, 10));
        });
    }

    @Test
    void openWhenTheDatabaseIsUnreachableThenStoreUnavailableWithoutThePassword() {
        StoreSettings settings = storeSettings(
                ConfigKeys.STORE_URL, "jdbc:postgresql://127.0.0.1:1/x?connectTimeout=2",
                ConfigKeys.STORE_USER, "nobody",
                ConfigKeys.STORE_PASSWORD, "not-a-real-password",
                ConfigKeys.STORE_SCHEMA, "none");

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> JpaRefreshTokenStores.open(settings, null));
        assertFalse(fullText(e).contains("not-a-real-password"), fullText(e));
    }

    @Test
    void embeddedStoreWhenTheDatabaseWasShutDownBehindItsBackThenTheNextCallWorks() throws Exception {
        withStore(TestDatabase.H2, (scratch, store) -> {
            StoredRefreshToken token = inserted(store, active(newId("fam"), "alice"));
            execute(scratch, "SHUTDOWN");
            // No restart of the store: the next call simply gets a working connection again.
            assertTrue(store.findByHash(token.hash()).isPresent());
            assertTrue(store.rotate(token.hash(), NOW, "rotating-jti", active(token.sessionId(), "alice"), ClientInfo.NONE));
        });
    }

    @Test
    void closeWhenTheStoreIsEmbeddedThenItsDatabaseFileIsUnlocked() throws Exception {
        try (TestDatabase.Scratch scratch = TestDatabase.H2.scratch()) {
            RefreshTokenStore store = JpaRefreshTokenStores.open(scratch.settings(SchemaMode.CREATE), scratch.directory);
            store.insert(active(newId("fam"), "alice"));
            store.close();
            Path file = scratch.directory.resolve("jwtauth-tokens.mv.db");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock();
                assertNotNull(lock, "H2 still holds its file lock after close()");
                lock.release();
            }
        }
    }

    @Test
    void findAndRotateWhenTheHashHasAnImpossibleLengthThenAnsweredWithoutTheDatabase() throws Exception {
        withStore(TestDatabase.H2, (scratch, store) -> {
            String tooLong = newHash() + newHash();
            assertEquals(Optional.empty(), store.findByHash(tooLong));
            assertFalse(store.rotate(tooLong, NOW, "rotating-jti", active(newId("fam"), "alice"), ClientInfo.NONE));
        });
    }

    /** Runs {@code sql} behind the store's back. */
    private static void execute(TestDatabase.Scratch scratch, String sql) throws SQLException {
        try (Connection c = scratch.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * MariaDB Connector/J itself logs every server error at WARN, values included, through SLF4J; that logger
     * belongs to the deployer's logging configuration (set org.mariadb.jdbc to ERROR), not to this library.
     */
    private static String withoutDriverLog(String log) {
        return log.lines().filter(line -> !line.contains(" org.mariadb.jdbc.")).collect(Collectors.joining("\n"));
    }

    private static void assertHashFree(StoreUnavailableException e, String hash) {
        assertFalse(fullText(e).contains(hash), fullText(e));
    }

    /** Message, causes and stack trace: everything a log line of this exception could show. */
    private static String fullText(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
