package org.jwtauth.store;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.persistence.exceptions.EclipseLinkException;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.StoreSettings;
import org.jwtauth.refresh.RefreshTokenStore;

/** Opens the EclipseLink-backed {@link RefreshTokenStore} described by the store settings. */
public final class JpaRefreshTokenStores {

    private JpaRefreshTokenStores() {
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
        StoreDataSource source = StoreDataSource.select(settings, embeddedDirectory);
        EntityManagerFactory factory = null;
        boolean opened = false;
        try {
            new SchemaManager(source.dataSource()).apply(settings.schema());
            // A unique name per store: EclipseLink keeps deployed sessions in a JVM-wide registry keyed by name,
            // and a second store (another database, a redeploy) must never be handed the first one's session.
            String name = "jwtauth-refresh-tokens-" + UUID.randomUUID();
            factory = new PersistenceProvider().createContainerEntityManagerFactory(
                    new StorePersistenceUnit(name, source.dataSource()), properties(name));
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

    private static Map<String, Object> properties(String sessionName) {
        Map<String, Object> p = new HashMap<>();
        p.put("eclipselink.session-name", sessionName);
        p.put("eclipselink.weaving", "false");
        p.put("eclipselink.cache.shared.default", "false");
        // The schema is ours (SchemaManager); EclipseLink must never create or drop anything.
        p.put("eclipselink.ddl-generation", "none");
        p.put("jakarta.persistence.schema-generation.database.action", "none");
        // Quiet, through SLF4J, and never bind parameters or driver messages: they can hold token hashes.
        p.put("eclipselink.logging.logger", Slf4jSessionLog.class.getName());
        p.put("eclipselink.logging.level", "WARNING");
        p.put("eclipselink.logging.parameters", "false");
        p.put("eclipselink.logging.exceptions", "false");
        p.put("jakarta.persistence.validation.mode", "NONE");
        return p;
    }
}
