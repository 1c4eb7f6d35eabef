package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolver;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The host's providers come before the library's EclipseLink; installing and closing leave the holder as found. */
class HostProvidersFirstTest {

    private final PersistenceProviderResolver before = PersistenceProviderResolverHolder.getPersistenceProviderResolver();

    @AfterEach
    void putBack() {
        PersistenceProviderResolverHolder.setPersistenceProviderResolver(before);
    }

    @Test
    void providersWhenEclipseLinkIsListedFirstThenTheHostsComeFirst() {
        PersistenceProvider eclipseLink = new org.eclipse.persistence.jpa.PersistenceProvider();
        PersistenceProvider hosts = provider();

        List<PersistenceProvider> order = new HostProvidersFirst(resolver(eclipseLink, hosts)).getPersistenceProviders();

        assertEquals(List.of(hosts, eclipseLink), order);
    }

    @Test
    void providersWhenOnlyEclipseLinkThenUnchanged() {
        PersistenceProvider eclipseLink = new org.eclipse.persistence.jpa.PersistenceProvider();

        assertEquals(List.of(eclipseLink), new HostProvidersFirst(resolver(eclipseLink)).getPersistenceProviders());
    }

    @Test
    void installWhenClosedThenThePreviousResolverIsBack() throws Exception {
        PersistenceProviderResolver previous = resolver();
        PersistenceProviderResolverHolder.setPersistenceProviderResolver(previous);

        AutoCloseable restore = HostProvidersFirst.install();
        PersistenceProviderResolver installed = PersistenceProviderResolverHolder.getPersistenceProviderResolver();
        restore.close();

        assertEquals(HostProvidersFirst.class, installed.getClass());
        assertSame(previous, PersistenceProviderResolverHolder.getPersistenceProviderResolver());
    }

    @Test
    void installWhenSomebodyReplacedOursMeanwhileThenTheirsStays() throws Exception {
        AutoCloseable restore = HostProvidersFirst.install();
        PersistenceProviderResolver theirs = resolver();
        PersistenceProviderResolverHolder.setPersistenceProviderResolver(theirs);

        restore.close();

        assertSame(theirs, PersistenceProviderResolverHolder.getPersistenceProviderResolver());
    }

    private static PersistenceProvider provider() {
        return (PersistenceProvider) Proxy.newProxyInstance(HostProvidersFirstTest.class.getClassLoader(),
                new Class<?>[] {PersistenceProvider.class}, (proxy, method, args) -> {
                    if ("equals".equals(method.getName())) {
                        return proxy == args[0];
                    }
                    return "hashCode".equals(method.getName()) ? System.identityHashCode(proxy) : null;
                });
    }

    private static PersistenceProviderResolver resolver(PersistenceProvider... providers) {
        return new PersistenceProviderResolver() {
            @Override public List<PersistenceProvider> getPersistenceProviders() {
                return List.of(providers);
            }
            @Override public void clearCachedProviders() { }
        };
    }
}
