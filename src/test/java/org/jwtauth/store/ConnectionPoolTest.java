package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** {@code jwtauth.store.poolSize}: physical connections are reused, and only ever handed out alive. */
class ConnectionPoolTest {

    private final List<FakeConnection> opened = new ArrayList<>();
    private final AtomicBoolean openFails = new AtomicBoolean();
    private final ConnectionPool pool = new ConnectionPool(fakeDataSource(), 2, Duration.ofSeconds(1));

    @Test
    void getConnectionWhenCalledTenTimesInARowThenOnePhysicalConnectionServesThemAll() throws Exception {
        for (int i = 0; i < 10; i++) {
            try (Connection c = pool.getConnection()) {
                c.getAutoCommit();
            }
        }
        assertEquals(1, opened.size());
    }

    @Test
    void getConnectionWhenTheIdleConnectionBrokeWhileIdleThenItIsReplacedNotHandedOut() throws Exception {
        pool.getConnection().close();
        opened.get(0).valid = false; // the server restarted, a firewall dropped the idle TCP connection

        try (Connection c = pool.getConnection()) {
            c.getAutoCommit();
        }
        assertEquals(2, opened.size());
        assertTrue(opened.get(0).closed, "the dead connection is closed");
        assertEquals(1, opened.get(0).validations);
    }

    @Test
    void getConnectionWhenAnOutageKilledTheIdleAndTheLentConnectionThenNeitherIsHandedOutAgain() throws Exception {
        Connection first = pool.getConnection();
        Connection second = pool.getConnection();
        first.close();
        opened.get(0).valid = false;
        opened.get(1).closedByDriver = true; // the outage: the driver gave up on the connection in use
        second.close();

        try (Connection c = pool.getConnection()) {
            c.getAutoCommit();
        }
        assertEquals(3, opened.size(), "neither broken connection is handed out again");
        assertEquals(1, opened.get(0).validations);
        assertEquals(0, opened.get(1).validations, "the one the driver closed never went back into the pool");
    }

    @Test
    void getConnectionWhenOneIdleConnectionIsDeadThenTheOthersAreDroppedWithoutAWaitEachAndAFreshOneIsOpened()
            throws Exception {
        Connection first = pool.getConnection();
        Connection second = pool.getConnection();
        first.close();
        second.close();
        opened.forEach(f -> f.valid = false); // a silent database: each check would wait its timeout

        pool.getConnection().close();
        assertEquals(3, opened.size());
        assertEquals(1, opened.get(0).validations + opened.get(1).validations, "one check, not one per connection");
        assertTrue(opened.get(0).closed && opened.get(1).closed);
    }

    @Test
    void getConnectionWhenTheDatabaseIsDownThenTheFailureReachesTheCallerAndRecoveryNeedsNoRestart()
            throws Exception {
        pool.getConnection().close();
        opened.get(0).valid = false;
        openFails.set(true);

        assertThrows(SQLException.class, pool::getConnection);
        openFails.set(false);
        pool.getConnection().close();
        assertEquals(2, opened.size());
        assertEquals(1, pool.idleCount());
    }

    @Test
    void closeWhenATransactionWasLeftOpenThenItIsRolledBackBeforeTheConnectionIsReused() throws Exception {
        Connection c = pool.getConnection();
        c.setAutoCommit(false);
        c.close();

        assertEquals(1, opened.get(0).rollbacks);
        assertTrue(opened.get(0).autoCommit);
        assertEquals(1, pool.idleCount());
    }

    @Test
    void closeWhenMoreComeBackThanThePoolKeepsThenTheRestAreClosed() throws Exception {
        List<Connection> lent = List.of(pool.getConnection(), pool.getConnection(), pool.getConnection());
        for (Connection c : lent) {
            c.close();
        }
        assertEquals(2, pool.idleCount());
        assertEquals(1, opened.stream().filter(f -> f.closed).count());
    }

    @Test
    void closeWhenCalledTwiceThenTheConnectionIsPooledOnceAndUnusableByItsFormerHolder() throws Exception {
        Connection c = pool.getConnection();
        c.close();
        c.close();

        assertEquals(1, pool.idleCount());
        assertTrue(c.isClosed());
        assertThrows(SQLException.class, c::getAutoCommit);
    }

    @Test
    void poolCloseWhenUndeployedThenEveryIdleConnectionIsClosedAndLaterReturnsToo() throws Exception {
        Connection inUse = pool.getConnection();
        pool.getConnection().close();

        pool.close();
        assertEquals(0, pool.idleCount());
        assertTrue(opened.get(1).closed);
        inUse.close();
        assertTrue(opened.get(0).closed);
        assertFalse(opened.stream().anyMatch(f -> !f.closed));
    }

    private DataSource fakeDataSource() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (openFails.get()) {
                        throw new SQLException("refused", "08001");
                    }
                    FakeConnection fake = new FakeConnection();
                    opened.add(fake);
                    return fake.proxy();
                });
    }

    /** A physical connection's state as a driver keeps it. */
    private static final class FakeConnection {
        volatile boolean valid = true;
        volatile boolean closedByDriver;
        volatile boolean closed;
        volatile boolean autoCommit = true;
        int validations;
        int rollbacks;

        Connection proxy() {
            return (Connection) Proxy.newProxyInstance(ConnectionPoolTest.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (p, method, args) -> {
                        switch (method.getName()) {
                            case "isClosed":
                                return closed || closedByDriver;
                            case "close":
                                closed = true;
                                return null;
                            case "isValid":
                                validations++;
                                return valid && !closedByDriver;
                            case "getAutoCommit":
                                return autoCommit;
                            case "setAutoCommit":
                                autoCommit = (Boolean) args[0];
                                return null;
                            case "rollback":
                                rollbacks++;
                                return null;
                            default:
                                throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }
    }
}
