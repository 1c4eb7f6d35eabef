package org.jwtauth.web;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import jakarta.servlet.ServletContext;

import org.jwtauth.jmx.MonitorNames;

/**
 * The MXBean name of this web application ({@link MonitorNames}), with what only the container knows: a
 * {@code host=} key when the same context path can exist on several hosts (Tomcat with more than one
 * {@code <Host>}, a Jetty context limited to virtual hosts), a {@code version=} key for a Tomcat parallel
 * deployment ({@code app##2} beside {@code app##1}).
 */
final class MonitorName {

    private MonitorName() {
    }

    static ObjectName of(ServletContext context) {
        String virtualServer = context.getVirtualServerName();
        String host = severalHosts(virtualServer) ? MonitorNames.hostOf(virtualServer) : null;
        return MonitorNames.of(context.getContextPath(), host, MonitorNames.versionOf(tomcatContextName(context)));
    }

    /**
     * Tomcat answers {@code Engine/host} and registers each {@code <Host>} as {@code Engine:type=Host,host=...};
     * Jetty answers null unless the context is limited to virtual hosts, so the same path may serve other hosts.
     */
    private static boolean severalHosts(String virtualServer) {
        if (virtualServer == null) {
            return false;
        }
        int slash = virtualServer.indexOf('/');
        if (slash < 0) {
            return true;
        }
        try {
            ObjectName hosts = new ObjectName(virtualServer.substring(0, slash) + ":type=Host,*");
            return ManagementFactory.getPlatformMBeanServer().queryNames(hosts, null).size() > 1;
        } catch (MalformedObjectNameException | RuntimeException e) {
            // An engine name JMX cannot hold: Tomcat could not have registered its hosts either.
            return false;
        }
    }

    /**
     * Tomcat's web-app class loader names its context, with the parallel-deployment version ({@code /app##2});
     * {@code getContextName()} is public API of {@code WebappClassLoaderBase}, reached by reflection so that the
     * library needs no Tomcat class.
     */
    private static String tomcatContextName(ServletContext context) {
        ClassLoader loader = context.getClassLoader();
        if (loader == null || !loader.getClass().getName().startsWith("org.apache.catalina.")) {
            return null;
        }
        try {
            Method name = loader.getClass().getMethod("getContextName");
            Object value = name.invoke(loader);
            return value instanceof String ? (String) value : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
