package org.jwtauth.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps up to {@code size} idle physical connections of the delegate ({@code jwtauth.store.poolSize}) so that a
 * login or refresh does not pay a connection set-up (TCP, authentication, TLS) each time. It bounds nothing:
 * {@link BoundedDataSource} in front of it bounds the connections in use, sized alike, so at most {@code size}
 * are open in all. No thread of its own: idle connections are checked when they are borrowed, closed on
 * {@link #close()} (undeploy).
 *
 * <p>A connection that sat idle is only handed out alive. It is checked with {@link Connection#isValid} (one
 * round trip) when it has been idle for {@link #ALIVE_WITHOUT_CHECK} or longer, or when any connection failed
 * since it was put back (an outage, a database restart, a network cut): a busy store checks nothing, a quiet
 * one or one that just saw a failure pays one round trip per borrow, and a dead connection is closed and the
 * next one (or a fresh one) taken. A connection comes back into the pool only healthy: not closed by the
 * driver, no transaction left open (rolled back, auto-commit restored), else it is closed and counts as a
 * failure.
 */
final class ConnectionPool implements DataSource {

    /** As HikariCP's {@code aliveBypassWindowMs}: a connection used this recently is taken to be alive. */
    static final Duration ALIVE_WITHOUT_CHECK = Duration.ofMillis(500);

    private final DataSource delegate;
    private final int size;
    private final int validationTimeoutSeconds;
    private final Clock clock;
    /** Most recently returned first: hot connections stay hot, the rest age into a check. Guarded by itself. */
    private final Deque<Idle> idle = new ArrayDeque<>();
    private volatile long lastFailureMillis = Long.MIN_VALUE;
    private volatile boolean closed;

    ConnectionPool(DataSource delegate, int size, Duration validationTimeout, Clock clock) {
        this.delegate = delegate;
        this.size = size;
        this.validationTimeoutSeconds = (int) Math.max(1, validationTimeout.toSeconds());
        this.clock = clock;
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
        for (Idle candidate = takeIdle(); candidate != null; candidate = takeIdle()) {
            if (alive(candidate)) {
                return lend(candidate.connection);
            }
            closeQuietly(candidate.connection);
        }
        try {
            return lend(delegate.getConnection());
        } catch (SQLException | RuntimeException e) {
            failureSeen();
            throw e;
        }
    }

    /** Closes every idle connection; connections in use are closed when they come back. */
    void close() {
        closed = true;
        while (true) {
            Idle next = takeIdle();
            if (next == null) {
                return;
            }
            closeQuietly(next.connection);
        }
    }

    private Idle takeIdle() {
        synchronized (idle) {
            return idle.pollFirst();
        }
    }

    private boolean alive(Idle candidate) {
        long now = clock.millis();
        if (now - candidate.since < ALIVE_WITHOUT_CHECK.toMillis() && candidate.since > lastFailureMillis) {
            return true;
        }
        try {
            if (candidate.connection.isValid(validationTimeoutSeconds)) {
                return true;
            }
        } catch (SQLException | RuntimeException e) {
            // Counted as dead below.
        }
        failureSeen();
        return false;
    }

    private void failureSeen() {
        lastFailureMillis = clock.millis();
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
                    idle.addFirst(new Idle(physical, clock.millis()));
                    return;
                }
            }
        }
        closeQuietly(physical);
    }

    private boolean healthy(Connection physical) {
        try {
            if (physical.isClosed()) {
                failureSeen();
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
            failureSeen();
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

    private static final class Idle {
        final Connection connection;
        final long since;

        Idle(Connection connection, long since) {
            this.connection = connection;
            this.since = since;
        }
    }

    /** {@code close()} gives the connection back once; a failing call marks a failure; the rest goes through. */
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
                if (e.getCause() instanceof SQLException) {
                    // A failed commit or rollback often means the database went away; check idle ones on borrow.
                    failureSeen();
                }
                throw e.getCause();
            }
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials come from jwtauth.store.user/password");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }
}
