package org.jwtauth.store;

import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolver;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the host application's persistence units with the JPA provider they had before the library arrived.
 *
 * <p>{@code Persistence.createEntityManagerFactory} asks the providers of
 * {@link PersistenceProviderResolverHolder}'s resolver in list order and takes the first non-null factory; the
 * default resolver lists them in {@code ServiceLoader} order, i.e. the class-path order of the
 * {@code META-INF/services/jakarta.persistence.spi.PersistenceProvider} files, which in WEB-INF/lib is the
 * container's order of the JARs. EclipseLink accepts every unit that names no {@code <provider>} (its
 * {@code JPAInitializer.isPersistenceProviderSupported}), so the EclipseLink the library brings could take a
 * Hibernate application's provider-less unit. This resolver lists the same providers with EclipseLink's last
 * whenever another one is present: a unit without a provider then gets the one the application brought, and a unit
 * naming EclipseLink still gets EclipseLink (Hibernate declines a unit that names another provider). The library's
 * own unit never goes through a resolver ({@link JpaRefreshTokenStores} calls EclipseLink directly).
 */
public final class HostProvidersFirst implements PersistenceProviderResolver {

    private static final String ECLIPSELINK = "org.eclipse.persistence.";

    private final PersistenceProviderResolver delegate;

    HostProvidersFirst(PersistenceProviderResolver delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<PersistenceProvider> getPersistenceProviders() {
        List<PersistenceProvider> others = new ArrayList<>();
        List<PersistenceProvider> eclipseLink = new ArrayList<>();
        for (PersistenceProvider provider : delegate.getPersistenceProviders()) {
            (provider.getClass().getName().startsWith(ECLIPSELINK) ? eclipseLink : others).add(provider);
        }
        others.addAll(eclipseLink);
        return others;
    }

    @Override
    public void clearCachedProviders() {
        delegate.clearCachedProviders();
    }

    /**
     * Puts this resolver in front of the current one; the returned handle puts the previous one back, unless
     * somebody else has replaced ours in the meantime (theirs is then left alone).
     */
    public static AutoCloseable install() {
        PersistenceProviderResolver previous = PersistenceProviderResolverHolder.getPersistenceProviderResolver();
        if (previous instanceof HostProvidersFirst) {
            return () -> { };
        }
        HostProvidersFirst ours = new HostProvidersFirst(previous);
        PersistenceProviderResolverHolder.setPersistenceProviderResolver(ours);
        return () -> {
            if (PersistenceProviderResolverHolder.getPersistenceProviderResolver() == ours) {
                PersistenceProviderResolverHolder.setPersistenceProviderResolver(previous);
            }
        };
    }
}
