package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.jwtauth.refresh.BackgroundTask;
import org.jwtauth.refresh.ExpiredTokenCleanup;
import org.jwtauth.testing.TcpProxy;

/** During an outage each cleanup run logs one line and the schedule goes on; afterwards the rows are deleted. */
class CleanupDuringOutageTest {

    @OnDatabaseServers
    void cleanupWhenTheDatabaseIsDownThenEachFailedRunLogsOneLineAndTheRunsGoOnUntilTheRowsAreDeleted(TestDatabase db)
            throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        // The PostgreSQL driver reports a connection refused mid-handshake through java.util.logging, with a stack
        // trace, now and then; like the MariaDB driver's lines below, that is the driver's logger, not ours.
        java.util.logging.Logger pgDriver = java.util.logging.Logger.getLogger("org.postgresql");
        java.util.logging.Level pgLevel = pgDriver.getLevel();
        pgDriver.setLevel(java.util.logging.Level.OFF);
        int failedRuns;
        try (TestDatabase.Scratch scratch = db.scratch();
             TcpProxy proxy = Outages.proxy(scratch);
             RecordingStore store = new RecordingStore(JpaRefreshTokenStores.open(Outages.through(scratch, proxy),
                     scratch.directory))) {
            ExpiredRows.insert(scratch, 5, Instant.now().minusSeconds(60));
            proxy.cutRefusing();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (BackgroundTask scheduler = new BackgroundTask(
                    new ExpiredTokenCleanup(store, Clock.systemUTC()), Duration.ofMillis(200), "test-cleanup")) {
                await(() -> store.failures.get() >= 3, "three failed cleanup runs");
                proxy.restore();
                await(() -> store.deleted.get() == 5, "the expired rows deleted after the outage");
            } finally {
                System.setErr(err);
                pgDriver.setLevel(pgLevel);
            }
            failedRuns = store.failures.get();
            assertEquals(0, ExpiredRows.count(scratch));
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> !line.contains(" org.mariadb.jdbc.")) // the driver's own logger: see the README
                .collect(Collectors.toList());
        long cleanupLines = lines.stream().filter(l -> l.contains("Refresh-token cleanup failed")).count();
        assertEquals(failedRuns, cleanupLines, String.join("\n", lines));
        assertEquals(failedRuns, lines.size(), "nothing but one line per failed run:\n" + String.join("\n", lines));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 300 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertTrue(condition.getAsBoolean(), "waited 30 s for " + what);
    }
}
