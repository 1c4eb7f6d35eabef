package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * The store's connections for race tests: every connection at one isolation level, and a commit that can be held.
 * A held commit has run all its statements and keeps their locks until released, so a test can make another
 * transaction meet it at exactly that point instead of hoping for the timing.
 */
final class HeldCommits implements UnaryOperator<DataSource> {

    private final int isolation;
    private final AtomicReference<Hold> next = new AtomicReference<>();

    /** @param isolation a {@code Connection.TRANSACTION_*} level, or {@code TRANSACTION_NONE} for the default */
    HeldCommits(int isolation) {
        this.isolation = isolation;
    }

    /** The next commit on any of the store's connections waits for {@link Hold#release()}. */
    Hold holdNextCommit() {
        Hold hold = new Hold();
        assertTrue(next.compareAndSet(null, hold), "one held commit at a time");
        return hold;
    }

    @Override
    public DataSource apply(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, (method, args) -> {
            Object result = method.invoke(dataSource, args);
            return result instanceof Connection ? connection((Connection) result) : result;
        });
    }

    private Connection connection(Connection connection) throws SQLException {
        if (isolation != Connection.TRANSACTION_NONE) {
            connection.setTransactionIsolation(isolation);
        }
        return proxy(Connection.class, connection, (method, args) -> {
            if (method.getName().equals("commit")) {
                Hold hold = next.getAndSet(null);
                if (hold != null) {
                    hold.park();
                }
            }
            return method.invoke(connection, args);
        });
    }

    /**
     * Waits until some transaction of the test's namespace is blocked on a row lock: the point where a
     * concurrent statement has reached the held transaction. Fails the test after 20 seconds.
     */
    static void awaitLockWait(TestDatabase.Scratch scratch) throws Exception {
        String query;
        switch (scratch.database) {
            case POSTGRESQL:
                query = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = '"
                        + scratch.name + "'";
                break;
            case MARIADB:
                // Unprepared on purpose, and polled slowly: InnoDB refreshes this view at most every 0.1 s.
                query = "SELECT count(*) FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p"
                        + " ON p.ID = t.trx_mysql_thread_id WHERE t.trx_state = 'LOCK WAIT' AND p.DB = '"
                        + scratch.name + "'";
                break;
            default:
                query = "SELECT count(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection c = scratch.database == TestDatabase.POSTGRESQL ? scratch.database.admin() : scratch.connect();
             Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery(query)) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(scratch.database == TestDatabase.MARIADB ? 200 : 20);
            }
        }
        fail("no transaction of " + scratch.name + " started waiting for a lock within 20 s");
    }

    /** One held commit. */
    static final class Hold {
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Returns once the held transaction has run its statements and is about to commit. */
        void awaitReached() throws InterruptedException {
            assertTrue(reached.await(30, TimeUnit.SECONDS), "the held transaction never reached its commit");
        }

        void release() {
            released.countDown();
        }

        private void park() throws InterruptedException {
            reached.countDown();
            if (!released.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a held commit was never released");
            }
        }
    }

    @FunctionalInterface
    private interface Call {
        Object invoke(Method method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (p, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(HeldCommits.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
