package org.jwtauth.store;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.security.CodeSource;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The store's persistence unit, described in code rather than in a {@code META-INF/persistence.xml}: a
 * descriptor in our JAR would be found by the host application's own JPA bootstrap and could disturb it.
 */
final class StorePersistenceUnit implements PersistenceUnitInfo {

    private static final String PROVIDER = "org.eclipse.persistence.jpa.PersistenceProvider";

    private final String name;
    private final DataSource dataSource;
    private final ClassLoader classLoader;

    StorePersistenceUnit(String name, DataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
        // Our own classes' loader (WEB-INF/lib), not the thread context loader, which may belong to the container.
        this.classLoader = RefreshTokenEntity.class.getClassLoader();
    }

    @Override
    public String getPersistenceUnitName() {
        return name;
    }

    @Override
    public String getPersistenceProviderClassName() {
        return PROVIDER;
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        // EclipseLink wants a root to look for mapping files in; our own JAR (or classes directory) has none.
        CodeSource source = RefreshTokenEntity.class.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }

    @Override
    public List<String> getManagedClassNames() {
        return List.of(RefreshTokenEntity.class.getName(), SessionEntity.class.getName());
    }

    @Override
    public boolean excludeUnlistedClasses() {
        // Never scan: the host application's entities are none of our business.
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        // A Bean Validation provider the host application ships must not be picked up for our entity.
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return new Properties();
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return classLoader;
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // No load-time weaving (eclipselink.weaving=false): transformers are never registered.
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return classLoader;
    }
}
