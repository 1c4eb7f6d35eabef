package org.jwtauth.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * At most {@code max} connections of the delegate in use at once ({@code jwtauth.store.poolSize}). Logout
 * needs no credentials, so without a bound every request could open a physical connection until the database
 * refuses everyone, the host application included. A caller that finds no free place within {@code wait} gets
 * a {@link SQLTransientConnectionException} (the store answers 503 with Retry-After), as from a pool.
 *
 * <p>A place is taken before a connection is opened and given back exactly once: when the connection is closed
 * (also when closing fails: a connection the network cut cannot close cleanly), at once when opening fails, and
 * when the driver has closed the connection by itself. The last case matters: after a failed COMMIT (its reply
 * lost, the socket timed out) the driver aborts the connection and EclipseLink drops it without calling
 * {@code close()}; such a place is reclaimed as soon as a caller finds no free one. EclipseLink uses an external
 * DataSource without a pool of its own (it closes each connection after use), so nothing it keeps holds a place.
 * "Closed" here is the {@link ConnectionPool}'s: a connection given back to it and kept idle holds no place.
 */
final class BoundedDataSource extends WrappingDataSource {

    /** How often a caller waiting for a place looks for connections the driver closed by itself. */
    private static final long RECLAIM_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final int max;
    private final Semaphore places;
    private final long waitNanos;
    /** Connections handed out and not yet given back. */
    private final Set<ReleasingHandler> outstanding = ConcurrentHashMap.newKeySet();

    BoundedDataSource(DataSource delegate, int max, Duration wait) {
        super(delegate);
        this.max = max;
        // Fair: under a flood, the callers who waited longest get the places that come free.
        this.places = new Semaphore(max, true);
        this.waitNanos = wait.toNanos();
    }

    /** The underlying data source, for what only it can do (deregistering its drivers). */
    DataSource delegate() {
        return delegate;
    }

    /** Places taken now; for tests and diagnosis. */
    int inUse() {
        return max - places.availablePermits();
    }

    @Override
    public Connection getConnection() throws SQLException {
        takePlace();
        boolean handedOut = false;
        try {
            ReleasingHandler handler = new ReleasingHandler(delegate.getConnection());
            outstanding.add(handler);
            handedOut = true;
            return (Connection) Proxy.newProxyInstance(BoundedDataSource.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, handler);
        } finally {
            if (!handedOut) {
                places.release();
            }
        }
    }

    private void takePlace() throws SQLException {
        long deadline = System.nanoTime() + waitNanos;
        try {
            while (!places.tryAcquire(Math.min(RECLAIM_NANOS, Math.max(0, deadline - System.nanoTime())),
                    TimeUnit.NANOSECONDS)) {
                if (reclaimClosed() == 0 && System.nanoTime() - deadline >= 0) {
                    throw new SQLTransientConnectionException("all jwtauth.store.poolSize connections are in"
                            + " use", "08004");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted while waiting for a store connection", "08004", e);
        }
    }

    /** Gives back the places of connections the driver closed by itself; returns how many. */
    private int reclaimClosed() {
        int reclaimed = 0;
        for (ReleasingHandler handler : outstanding) {
            if (handler.closedByDriver() && handler.release()) {
                reclaimed++;
            }
        }
        return reclaimed;
    }

    /** Gives the place back when the connection is closed; every other call goes to the connection unchanged. */
    private final class ReleasingHandler implements InvocationHandler {
        private final Connection connection;
        private final AtomicBoolean released = new AtomicBoolean();

        ReleasingHandler(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            boolean closing = method.getName().equals("close") && method.getParameterCount() == 0;
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (closing) {
                    release();
                }
            }
        }

        /** Whether the driver reports the connection closed (cheap: a flag, no round trip). */
        boolean closedByDriver() {
            try {
                return connection.isClosed();
            } catch (SQLException | RuntimeException e) {
                return false;
            }
        }

        /** @return whether this call gave the place back (only the first does) */
        boolean release() {
            if (!released.compareAndSet(false, true)) {
                return false;
            }
            outstanding.remove(this);
            places.release();
            return true;
        }
    }
}
