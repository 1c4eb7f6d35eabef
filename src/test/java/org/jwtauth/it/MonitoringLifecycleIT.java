package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.ContainerKind;
import org.jwtauth.it.support.ContainerWarnings;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.LiveThreads;
import org.jwtauth.jmx.JwtAuthMXBean;

/**
 * The MXBean over a web application's life, in both containers: registered at start-up, unregistered at
 * undeploy, one per web application, and never the reason a start fails.
 */
class MonitoringLifecycleIT {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    private static Set<String> registered(String contextPath) throws Exception {
        return SERVER.queryNames(new ObjectName("org.jwtauth:type=JwtAuth,context=" + contextPath + ",*"), null)
                .stream().map(ObjectName::toString).collect(Collectors.toCollection(TreeSet::new));
    }

    private static long logins(String name) throws Exception {
        return (Long) SERVER.getAttribute(new ObjectName(name), "Logins");
    }

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void redeployWhenRedeployedThreeTimesThenExactlyOneMBeanAndNoLeakedThreadOrClassLoader(ContainerKind kind)
            throws Exception {
        String name = "org.jwtauth:type=JwtAuth,context=/monitored";
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        List<String> warnings;
        try (DeployedApp app = DeployedApp.deploy(kind, AuthEventsIT.webApp("monitored",
                EventListeners.Recording.class.getName()), "/monitored", AuthEventsIT.USERS)) {
            AuthCalls auth = AuthCalls.on(app);
            try (ContainerWarnings captured = ContainerWarnings.capture()) {
                for (int i = 0; i < 3; i++) {
                    assertEquals(200, auth.login("alice", AuthEventsIT.ALICE_PASSWORD).status());
                    assertEquals(Set.of(name), registered("/monitored"));
                    assertEquals(1, logins(name), "a new instance counts from zero");
                    loaders.add(new WeakReference<>(SERVER.getClassLoaderFor(new ObjectName(name))));
                    app.container().redeploy();
                }
                assertEquals(Set.of(name), registered("/monitored"), "exactly one MBean after three redeploys");
                assertEquals(List.of("jwtauth-cleanup-monitored", "jwtauth-events-monitored",
                                "jwtauth-revocation-poll-monitored"),
                        LiveThreads.named("jwtauth"), "the threads of the running instance only");

                app.container().undeploy();
                warnings = captured.messages();
            }
            assertEquals(Set.of(), registered("/monitored"), "unregistered at undeploy");
            assertEquals(List.of(), LiveThreads.named("jwtauth"));
        }
        // Tomcat reports threads, ThreadLocals and JDBC drivers a web app left behind (none from Jetty).
        assertEquals(List.of(), warnings);
        // In both containers. Run alone, this test's first web app makes the JVM's first DriverManager call, whose
        // one-time initialisation registers the web app's H2 driver: the library must deregister it as well, or
        // DriverManager.registeredDrivers pins that class loader (Tomcat would warn, Jetty says nothing).
        collectGarbage(loaders);
        for (WeakReference<ClassLoader> loader : loaders) {
            assertEquals(null, loader.get(), "an undeployed instance's class loader was collected");
        }
    }

    /**
     * Full collections, and once memory pressure: the JDK's and the containers' caches hold classes through soft
     * references, which a plain System.gc() keeps.
     */
    private static void collectGarbage(List<WeakReference<ClassLoader>> loaders) throws InterruptedException {
        for (int i = 0; i < 10 && loaders.stream().anyMatch(l -> l.get() != null); i++) {
            System.gc();
            Thread.sleep(100);
        }
        if (loaders.stream().anyMatch(l -> l.get() != null)) {
            List<long[]> pressure = new ArrayList<>();
            try {
                while (true) {
                    pressure.add(new long[16 << 20]);
                }
            } catch (OutOfMemoryError expected) {
                pressure.clear();
            }
            System.gc();
        }
    }

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void twoWebAppsWhenInOneContainerThenTwoMBeansEachCountingItsOwn(ContainerKind kind) throws Exception {
        try (DeployedApp first = DeployedApp.deploy(kind, AuthEventsIT.webApp("first",
                EventListeners.Recording.class.getName()), "/first", AuthEventsIT.USERS)) {
            DeployedApp second = first.beside(AuthEventsIT.webApp("second",
                    EventListeners.Recording.class.getName()), "/second");

            assertEquals(200, AuthCalls.on(second).login("bob", AuthEventsIT.BOB_PASSWORD).status());

            assertEquals(Set.of("org.jwtauth:type=JwtAuth,context=/first"), registered("/first"));
            assertEquals(Set.of("org.jwtauth:type=JwtAuth,context=/second"), registered("/second"));
            assertEquals(0, logins("org.jwtauth:type=JwtAuth,context=/first"));
            assertEquals(1, logins("org.jwtauth:type=JwtAuth,context=/second"));
        }
        assertEquals(Set.of(), registered("/first"));
        assertEquals(Set.of(), registered("/second"));
    }

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void startWhenTheNameIsTakenThenTheWebAppStartsWithAnInstanceKey(ContainerKind kind) throws Exception {
        ObjectName taken = new ObjectName("org.jwtauth:type=JwtAuth,context=/taken");
        SERVER.registerMBean(new Placeholder(), taken);
        try (DeployedApp app = DeployedApp.deploy(kind, AuthEventsIT.webApp("taken",
                EventListeners.Recording.class.getName()), "/taken", AuthEventsIT.USERS)) {
            assertEquals(200, AuthCalls.on(app).login("alice", AuthEventsIT.ALICE_PASSWORD).status());
            assertEquals(Set.of("org.jwtauth:type=JwtAuth,context=/taken",
                    "org.jwtauth:type=JwtAuth,context=/taken,instance=2"), registered("/taken"));
            assertEquals(1, logins("org.jwtauth:type=JwtAuth,context=/taken,instance=2"));
            assertNotNull(SERVER.getAttribute(taken, "Configuration"));
        } finally {
            SERVER.unregisterMBean(taken);
        }
        assertTrue(registered("/taken").isEmpty());
    }

    /** Another web application's MXBean under the same name, as the test JVM's class path sees the interface. */
    public static final class Placeholder implements JwtAuthMXBean {
        @Override public long getLogins() { return 0; }
        @Override public long getLoginFailures() { return 0; }
        @Override public long getRefreshes() { return 0; }
        @Override public long getRefreshFailures() { return 0; }
        @Override public long getReuseDetected() { return 0; }
        @Override public long getLogouts() { return 0; }
        @Override public long getSessionsRevoked() { return 0; }
        @Override public long getTokensRejected() { return 0; }
        @Override public long getStoreUnavailable() { return 0; }
        @Override public long getCleanupDeleted() { return 0; }
        @Override public long getCacheHits() { return 0; }
        @Override public long getCacheMisses() { return 0; }
        @Override public long getEventsDropped() { return 0; }
        @Override public String getConfiguration() { return "placeholder"; }
    }
}
