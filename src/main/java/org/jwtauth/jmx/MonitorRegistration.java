package org.jwtauth.jmx;

import java.lang.management.ManagementFactory;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.jwtauth.log.Log;

/**
 * A web application's MXBean in the platform MBean server, from start-up until {@link #close} (undeploy), which
 * unregisters it: the server would otherwise hold the application's classes, and with them its class loader.
 *
 * <p>A name already taken (a second web application the name does not tell apart, e.g. two contexts of one path
 * on hosts the library cannot see) does not stop the start: the MXBean gets {@code instance=2} (3, ...) added and
 * a WARN line names both. Monitoring never stops an application: any other failure to register is a WARN too.
 */
public final class MonitorRegistration implements AutoCloseable {

    private static final Log LOG = Log.of(MonitorRegistration.class);
    private static final int MAX_INSTANCES = 100;

    private final MBeanServer server;
    /** Null when nothing was registered. */
    private final ObjectName registered;

    private MonitorRegistration(MBeanServer server, ObjectName registered) {
        this.server = server;
        this.registered = registered;
    }

    public static MonitorRegistration register(JwtAuthMXBean monitor, ObjectName name) {
        return register(ManagementFactory.getPlatformMBeanServer(), monitor, name);
    }

    static MonitorRegistration register(MBeanServer server, JwtAuthMXBean monitor, ObjectName name) {
        ObjectName candidate = name;
        try {
            for (int n = 2; ; n++) {
                try {
                    server.registerMBean(monitor, candidate);
                    if (n > 2) {
                        LOG.warn("The JMX name {} is taken by another web application; this one is {}", name,
                                candidate);
                    }
                    return new MonitorRegistration(server, candidate);
                } catch (InstanceAlreadyExistsException e) {
                    if (n > MAX_INSTANCES) {
                        throw e;
                    }
                    candidate = MonitorNames.distinct(name, n);
                }
            }
        } catch (JMException | RuntimeException e) {
            LOG.warn("The JMX counters could not be registered as {} ({}); the application runs without them",
                    candidate, e.getClass().getName());
            return new MonitorRegistration(server, null);
        }
    }

    /** The name it is registered under, or null when it could not be registered. */
    public ObjectName name() {
        return registered;
    }

    @Override
    public void close() {
        if (registered == null) {
            return;
        }
        try {
            server.unregisterMBean(registered);
        } catch (InstanceNotFoundException e) {
            // Unregistered by someone else already: nothing holds the application any more.
        } catch (JMException | RuntimeException e) {
            LOG.warn("The JMX counters {} could not be unregistered ({})", registered, e.getClass().getName());
        }
    }
}
