package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** {@code jwtauth.store.maxConnections}: places are taken by open connections and always given back. */
class BoundedDataSourceTest {

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicBoolean closeFails = new AtomicBoolean();
    private final AtomicBoolean openFails = new AtomicBoolean();
    private final AtomicBoolean closedByDriver = new AtomicBoolean();
    private final BoundedDataSource bounded = new BoundedDataSource(fakeDataSource(), 2, Duration.ofMillis(50));

    @Test
    void getConnectionWhenEveryPlaceIsTakenThenATransientFailureAfterTheWaitAndNoThirdConnection() throws Exception {
        bounded.getConnection();
        bounded.getConnection();

        SQLException e = assertThrows(SQLException.class, bounded::getConnection);
        assertTrue(e instanceof SQLTransientConnectionException, e.toString());
        assertEquals(2, open.get());
    }

    @Test
    void getConnectionWhenAConnectionWasClosedThenItsPlaceServesTheNextCaller() throws Exception {
        bounded.getConnection();
        bounded.getConnection().close();

        bounded.getConnection();
        assertEquals(2, bounded.inUse());
    }

    @Test
    void closeWhenClosingFailsThenThePlaceIsGivenBackAnyway() throws Exception {
        Connection connection = bounded.getConnection();
        closeFails.set(true);

        assertThrows(SQLException.class, connection::close);
        assertEquals(0, bounded.inUse());
    }

    @Test
    void closeWhenCalledTwiceThenOnePlaceIsGivenBack() throws Exception {
        Connection first = bounded.getConnection();
        bounded.getConnection();
        first.close();
        first.close();

        assertEquals(1, bounded.inUse());
    }

    @Test
    void getConnectionWhenTheDriverClosedAConnectionThatWasNeverClosedThenItsPlaceIsReclaimed() throws Exception {
        bounded.getConnection();
        bounded.getConnection();
        closedByDriver.set(true); // a COMMIT whose reply was lost: the driver aborted, nobody calls close()

        bounded.getConnection();
        assertEquals(1, bounded.inUse());
    }

    @Test
    void getConnectionWhenOpeningFailsThenNoPlaceIsKept() {
        openFails.set(true);

        assertThrows(SQLException.class, bounded::getConnection);
        assertThrows(SQLException.class, bounded::getConnection);
        assertThrows(SQLException.class, bounded::getConnection);
        assertEquals(0, bounded.inUse());
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
                    open.incrementAndGet();
                    return fakeConnection();
                });
    }

    private Connection fakeConnection() {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("isClosed")) {
                        return closedByDriver.get();
                    }
                    if (method.getName().equals("close")) {
                        if (closeFails.get()) {
                            throw new SQLException("connection reset", "08006");
                        }
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
