package org.jwtauth.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Keeps up to {@code size} idle physical connections of the delegate ({@code jwtauth.store.poolSize}) so that a
 * login or refresh does not pay a connection set-up (TCP, authentication, a PostgreSQL backend's start, TLS) each
 * time. It bounds nothing: {@link BoundedDataSource} in front of it bounds the connections in use, sized alike,
 * so at most {@code size} are open in all. No thread of its own: idle connections are checked when they are
 * borrowed and closed on {@link #close()} (undeploy).
 *
 * <p>An idle connection is only handed out alive: every borrow checks it with {@link Connection#isValid} (one
 * round trip, as a container pool's {@code testOnBorrow}); a dead one is closed together with every other idle
 * one (what killed one most likely killed all) and a fresh one is opened. A cheaper rule (check only after some idle time, as HikariCP's 500 ms) would hand out the
 * connections a database restart or a network cut killed a moment ago, and the request that gets one answers
 * 503 although the database is back. A connection comes back into the pool only healthy: not closed by the
 * driver, no transaction left open (rolled back, auto-commit restored), else it is closed.
 */
final class ConnectionPool extends WrappingDataSource {

    private final int size;
    private final int validationTimeoutSeconds;
    /** Most recently returned first, so a light load keeps reusing few connections. Guarded by itself. */
    private final Deque<Connection> idle = new ArrayDeque<>();
    private volatile boolean closed;

    /** @param validationTimeout how long {@link Connection#isValid} may wait (whole seconds, at least one) */
    ConnectionPool(DataSource delegate, int size, Duration validationTimeout) {
        super(delegate);
        this.size = size;
        this.validationTimeoutSeconds = (int) Math.max(1, validationTimeout.toSeconds());
    }

    DataSource delegate() {
        return delegate;
    }

    /** Idle connections kept now; for tests and diagnosis. */
    int idleCount() {
        synchronized (idle) {
            return idle.size();
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection candidate = takeIdle();
        if (candidate != null) {
            if (alive(candidate)) {
                return lend(candidate);
            }
            closeQuietly(candidate);
            // What killed one idle connection (a restart, a cut) has most likely killed them all; checking each
            // in turn against a silent database would cost a validation timeout per connection before the 503.
            closeIdle();
        }
        return lend(delegate.getConnection());
    }

    /** Closes every idle connection; connections in use are closed when they come back. */
    void close() {
        closed = true;
        closeIdle();
    }

    private void closeIdle() {
        while (true) {
            Connection next = takeIdle();
            if (next == null) {
                return;
            }
            closeQuietly(next);
        }
    }

    private Connection takeIdle() {
        synchronized (idle) {
            return idle.pollFirst();
        }
    }

    private boolean alive(Connection candidate) {
        try {
            return candidate.isValid(validationTimeoutSeconds);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private Connection lend(Connection physical) {
        return (Connection) Proxy.newProxyInstance(ConnectionPool.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Lent(physical));
    }

    /** Back into the pool if healthy and there is room, else closed. */
    private void giveBack(Connection physical) {
        if (!closed && healthy(physical)) {
            synchronized (idle) {
                if (!closed && idle.size() < size) {
                    idle.addFirst(physical);
                    return;
                }
            }
        }
        closeQuietly(physical);
    }

    private boolean healthy(Connection physical) {
        try {
            if (physical.isClosed()) {
                return false;
            }
            if (!physical.getAutoCommit()) {
                // EclipseLink ends its transactions; one left open (an error between statements) must not
                // carry its locks or half its work into the next borrower's transaction.
                physical.rollback();
                physical.setAutoCommit(true);
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // A connection the network cut cannot close cleanly; it is dropped either way.
        }
    }

    /** {@code close()} gives the connection back once; afterwards its former holder can no longer use it. */
    private final class Lent implements InvocationHandler {
        private final Connection physical;
        private final AtomicBoolean returned = new AtomicBoolean();

        Lent(Connection physical) {
            this.physical = physical;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("close") && method.getParameterCount() == 0) {
                if (returned.compareAndSet(false, true)) {
                    giveBack(physical);
                }
                return null;
            }
            if (name.equals("isClosed") && method.getParameterCount() == 0) {
                return returned.get() || physical.isClosed();
            }
            if (returned.get()) {
                throw new SQLException("connection has been given back to the pool", "08003");
            }
            try {
                return method.invoke(physical, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
