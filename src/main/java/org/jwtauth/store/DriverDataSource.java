package org.jwtauth.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.SettingsParser;

/**
 * A {@link DataSource} over the JDBC driver itself: every {@link #getConnection()} opens a new physical
 * connection. With {@code jwtauth.store.url} a {@link ConnectionPool} keeps them for reuse; the embedded H2 default
 * uses it directly (an in-process database costs little to connect to).
 */
final class DriverDataSource implements DataSource {

    private final String url;
    private final Properties credentials;
    private final Driver driver;
    /** Drivers that our lookup caused to register themselves from the web application's own class loader. */
    private final List<Driver> registeredByLookup;

    /** @throws ConfigurationException when no JDBC driver on the class path accepts {@code url} */
    DriverDataSource(String url, String user, String password) {
        this(url, user, password, new Properties());
    }

    /** @param driverProperties passed to the driver with the credentials, e.g. {@link DriverTimeouts} */
    DriverDataSource(String url, String user, String password, Properties driverProperties) {
        this.url = url;
        this.credentials = new Properties();
        credentials.putAll(driverProperties);
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        ClassLoader webApp = Thread.currentThread().getContextClassLoader();
        InitialisationProbe probe = webApp == null ? null : new InitialisationProbe(webApp);
        List<Driver> before;
        if (probe == null) {
            before = Collections.list(DriverManager.getDrivers());
        } else {
            Thread.currentThread().setContextClassLoader(probe);
            try {
                before = Collections.list(DriverManager.getDrivers());
            } finally {
                Thread.currentThread().setContextClassLoader(webApp);
            }
        }
        // DriverManager's one-time initialisation ran inside that first call: the drivers it registered from the
        // web application's class loader are ours to undo as well. Not when that loader is the JVM's own (a main
        // method, a test): its drivers serve everyone in the JVM, not one web application.
        List<Driver> notOurs = probe != null && probe.driverServicesRead
                && webApp != ClassLoader.getSystemClassLoader() ? List.of() : before;
        this.driver = findDriver(url);
        this.registeredByLookup = Collections.list(DriverManager.getDrivers()).stream()
                .filter(d -> notOurs.stream().noneMatch(b -> b == d))
                .filter(d -> webApp != null && d.getClass().getClassLoader() == webApp)
                .collect(java.util.stream.Collectors.toList());
    }

    /**
     * The web application's class loader as DriverManager's one-time initialisation sees it, telling whether that
     * initialisation ran. The first DriverManager call in the JVM loads every {@code java.sql.Driver} service of
     * the calling thread's context class loader (JDBC 4.3 section 9.2.1), and each driver class registers itself:
     * when that call is ours, in contextInitialized, the drivers in WEB-INF/lib register from the web
     * application's class loader before any snapshot can be taken, and DriverManager's static list then pins that
     * class loader after undeploy (seen in embedded Jetty, which has no DriverManager protection of its own).
     * Classes and resources come from the web application's class loader, so the drivers registered are the same
     * as without the probe; only the reading of the service file is noted.
     */
    private static final class InitialisationProbe extends ClassLoader {
        private static final String DRIVER_SERVICES = "META-INF/services/" + Driver.class.getName();
        volatile boolean driverServicesRead;

        InitialisationProbe(ClassLoader webApp) {
            super("jwtauth-driver-probe", webApp);
        }

        @Override
        public java.util.Enumeration<java.net.URL> getResources(String name) throws java.io.IOException {
            if (DRIVER_SERVICES.equals(name)) {
                driverServicesRead = true;
            }
            return super.getResources(name);
        }
    }

    /**
     * Loading a driver class registers an instance with DriverManager (JDBC 4.3 section 9.2.1), which then pins
     * the web application's class loader after undeploy (Tomcat reports it as a leak). Undoes the registrations
     * that our own lookup caused from WEB-INF/lib, including those of DriverManager's one-time initialisation when
     * our lookup was the JVM's first DriverManager call; drivers registered by anyone else are left alone.
     */
    void deregisterDrivers() {
        for (Driver registered : registeredByLookup) {
            try {
                DriverManager.deregisterDriver(registered);
            } catch (SQLException | SecurityException e) {
                // Nothing more to do: the container's own leak prevention is the last resort.
            }
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = driver.connect(url, credentials);
        if (connection == null) {
            throw new SQLException("the JDBC driver refused the configured URL", "08001");
        }
        return connection;
    }

    /**
     * Looks in our own class loader first: in a web application, DriverManager only knows the drivers the
     * container loaded at start-up, not those in WEB-INF/lib beside this JAR.
     */
    private static Driver findDriver(String url) {
        try {
            for (Driver candidate : ServiceLoader.load(Driver.class, DriverDataSource.class.getClassLoader())) {
                if (candidate.acceptsURL(url)) {
                    return candidate;
                }
            }
            return DriverManager.getDriver(url);
        } catch (SQLException e) {
            // Never the URL itself: deployers sometimes put the password in it.
            throw new ConfigurationException(ConfigKeys.STORE_URL, "no JDBC driver on the class path accepts"
                    + " this URL; put the database's driver JAR in WEB-INF/lib");
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials come from jwtauth.store.user/password");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Unused: logging goes through the library's logger.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // Drivers take their timeouts from URL parameters (connectTimeout, loginTimeout).
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
