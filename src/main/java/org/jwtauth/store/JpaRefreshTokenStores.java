package org.jwtauth.store;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.eclipse.persistence.exceptions.EclipseLinkException;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.StoreSettings;
import org.jwtauth.log.Log;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.StoreUnavailableException;

/** Opens the EclipseLink-backed {@link RefreshTokenStore} described by the store settings. */
public final class JpaRefreshTokenStores {

    private static final Log LOG = Log.of(JpaRefreshTokenStores.class);

    /** How often a store that could not be opened is tried again, at most: the 503's Retry-After. */
    static final Duration REOPEN_INTERVAL = StoreUnavailableException.RETRY_AFTER;

    private JpaRefreshTokenStores() {
    }

    /**
     * Like {@link #open}, but a database that cannot be reached does not stop the web application: the filter
     * needs no database, so access tokens keep working, and the store is opened on its first use once the
     * database is back (until then login, refresh and logout answer 503). A configuration error is still thrown
     * at once, and so is a failed {@code validate} when the database can be reached.
     */
    public static RefreshTokenStore openOrDefer(StoreSettings settings, Path embeddedDirectory) {
        try {
            return open(settings, embeddedDirectory);
        } catch (StoreUnavailableException e) {
            LOG.warn("Refresh-token store not reachable at start-up;"
                    + " login, refresh and logout answer 503 until it is, access tokens are accepted meanwhile: {}",
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            Clock clock = Clock.systemUTC();
            return new LazyRefreshTokenStore(() -> open(settings, embeddedDirectory), clock, REOPEN_INTERVAL,
                    clock.instant().plus(REOPEN_INTERVAL));
        }
    }

    /**
     * Selects the database (JNDI, JDBC URL, or embedded H2 in {@code embeddedDirectory}), applies
     * {@code jwtauth.store.schema}, and starts EclipseLink. The caller closes the store on undeploy.
     *
     * @param embeddedDirectory where the embedded H2 database lives when neither a DataSource nor a URL is
     *        configured (the listener passes the servlet context's temp dir); may be null otherwise
     * @throws ConfigurationException for a configuration the store cannot work with (names the key), e.g.
     *         {@code jwtauth.store.schema=validate} without the table
     * @throws org.jwtauth.refresh.StoreUnavailableException when the database cannot be reached
     */
    public static RefreshTokenStore open(StoreSettings settings, Path embeddedDirectory) {
        return open(settings, embeddedDirectory, UnaryOperator.identity());
    }

    /** Like {@link #open(StoreSettings, Path)}, with the store's connections taken through {@code decorate}. */
    static RefreshTokenStore open(StoreSettings settings, Path embeddedDirectory, UnaryOperator<DataSource> decorate) {
        StoreDataSource source = StoreDataSource.select(settings, embeddedDirectory);
        DataSource dataSource = decorate.apply(source.dataSource());
        EntityManagerFactory factory = null;
        boolean opened = false;
        try {
            new SchemaManager(dataSource).apply(settings.schema());
            // A unique name per store: EclipseLink keeps deployed sessions in a JVM-wide registry keyed by name,
            // and a second store (another database, a redeploy) must never be handed the first one's session.
            String name = "jwtauth-refresh-tokens-" + UUID.randomUUID();
            factory = new PersistenceProvider().createContainerEntityManagerFactory(
                    new StorePersistenceUnit(name, dataSource), properties(name, settings));
            // Deploy now rather than on the first request, so a broken set-up fails the start-up.
            factory.createEntityManager().close();
            opened = true;
            return new JpaRefreshTokenStore(factory, source::close);
        } catch (SQLException | PersistenceException | EclipseLinkException e) {
            throw StoreFailures.unavailable("open", e);
        } finally {
            if (!opened) {
                if (factory != null) {
                    factory.close();
                }
                source.close();
            }
        }
    }

    private static Map<String, Object> properties(String sessionName, StoreSettings settings) {
        Map<String, Object> p = new HashMap<>();
        // Every statement (reads, the conditional UPDATE, inserts, deletes) gets a JDBC query timeout, so a
        // statement stuck behind a lock or on a slow database ends in a 503 instead of holding a request thread.
        p.put("jakarta.persistence.query.timeout", Long.toString(settings.queryTimeout().toMillis()));
        p.put("eclipselink.query.timeout.unit", "MILLISECONDS");
        p.put("eclipselink.session.customizer", FailFastSessionCustomizer.class.getName());
        p.put("eclipselink.session-name", sessionName);
        p.put("eclipselink.weaving", "false");
        p.put("eclipselink.cache.shared.default", "false");
        // The schema is ours (SchemaManager); EclipseLink must never create or drop anything.
        p.put("eclipselink.ddl-generation", "none");
        p.put("jakarta.persistence.schema-generation.database.action", "none");
        // Quiet, through SLF4J, and never bind parameters or driver messages: they can hold token hashes.
        p.put("eclipselink.logging.logger", EclipseLinkSessionLog.class.getName());
        p.put("eclipselink.logging.level", "WARNING");
        p.put("eclipselink.logging.parameters", "false");
        p.put("eclipselink.logging.exceptions", "false");
        p.put("jakarta.persistence.validation.mode", "NONE");
        return p;
    }
}
