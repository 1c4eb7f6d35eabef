package org.jwtauth.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.config.StoreSettings;
import org.jwtauth.log.Log;

/**
 * The database the store uses, chosen from the settings in the order of the design (section 4): a container
 * DataSource by JNDI name, else a JDBC URL, else an embedded H2 file database in the given directory.
 */
final class StoreDataSource {

    private static final Log LOG = Log.of(StoreDataSource.class);
    private static final String H2_DRIVER = "org.h2.Driver";

    private final DataSource dataSource;
    private final boolean embedded;

    private StoreDataSource(DataSource dataSource, boolean embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
    }

    static StoreDataSource select(StoreSettings settings, Path embeddedDirectory) {
        if (settings.dataSource().isPresent()) {
            return new StoreDataSource(lookup(settings.dataSource().get()), false);
        }
        if (settings.url().isPresent()) {
            String url = settings.url().get();
            DriverDataSource driver = new DriverDataSource(url, settings.user().orElse(null),
                    settings.password().orElse(null),
                    DriverTimeouts.forUrl(url, settings.connectTimeout(), settings.queryTimeout()));
            // Pool and bound sized alike: at most poolSize connections are open, idle and in use together.
            // Waiting for a place as long as opening a connection may take: a burst queues briefly, a database
            // that holds every place (hanging) answers 503 after about the time an unbounded store would.
            ConnectionPool pool = new ConnectionPool(driver, settings.poolSize(), settings.connectTimeout());
            return new StoreDataSource(new BoundedDataSource(pool, settings.poolSize(), settings.connectTimeout()),
                    false);
        }
        return embeddedH2(embeddedDirectory, settings);
    }

    private static DataSource lookup(String name) {
        try {
            Object found = new InitialContext().lookup(name);
            if (!(found instanceof DataSource)) {
                throw new ConfigurationException(ConfigKeys.STORE_DATA_SOURCE, "JNDI name " + name
                        + " is not a javax.sql.DataSource");
            }
            return (DataSource) found;
        } catch (NamingException e) {
            // The container's message adds nothing a deployer needs beyond the name and the exception type.
            throw new ConfigurationException(ConfigKeys.STORE_DATA_SOURCE, "JNDI name " + name
                    + " could not be looked up (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static StoreDataSource embeddedH2(Path directory, StoreSettings settings) {
        if (directory == null) {
            throw new ConfigurationException(ConfigKeys.STORE_URL, "or " + ConfigKeys.STORE_DATA_SOURCE
                    + " is required when no directory for the embedded H2 database is available");
        }
        try {
            Class.forName(H2_DRIVER, false, StoreDataSource.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigurationException(ConfigKeys.STORE_URL, "is not set, and the embedded default"
                    + " store needs the H2 JAR (com.h2database:h2) in WEB-INF/lib; add it or set "
                    + ConfigKeys.STORE_URL + " or " + ConfigKeys.STORE_DATA_SOURCE);
        }
        Path base = directory.toAbsolutePath().resolve("jwtauth-tokens");
        // DB_CLOSE_DELAY=-1 keeps the database open between our unpooled connections; close() shuts it down.
        // LOCK_TIMEOUT: concurrent refreshes of one token queue on its row lock; H2's default (1 s) is too short
        // under load and would turn a lost race into a 503 instead of a clean "not rotated". H2 does not end a
        // lock wait at the JDBC query timeout, so the lock timeout is the query timeout.
        String url = "jdbc:h2:file:" + base + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=" + settings.queryTimeout().toMillis();
        LOG.info("Refresh-token store: embedded H2 at {}: single-node only", directory.toAbsolutePath());
        return new StoreDataSource(new DriverDataSource(url, "sa", ""), true);
    }

    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Releases what we opened ourselves. A container DataSource belongs to the container; the pool of a JDBC URL
     * closes its idle connections (the store has ended its work by now, so none is in use); an embedded H2
     * database is shut down so its file is not left locked after undeploy; JDBC drivers our lookup registered
     * are deregistered.
     */
    void close() {
        if (embedded) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                LOG.warn("Could not shut down the embedded H2 refresh-token database ({})", e.getClass().getName());
            }
        }
        DataSource own = dataSource instanceof BoundedDataSource ? ((BoundedDataSource) dataSource).delegate()
                : dataSource;
        if (own instanceof ConnectionPool) {
            ((ConnectionPool) own).close();
            own = ((ConnectionPool) own).delegate();
        }
        if (own instanceof DriverDataSource) {
            ((DriverDataSource) own).deregisterDrivers();
        }
    }
}
