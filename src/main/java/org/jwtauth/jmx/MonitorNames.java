package org.jwtauth.jmx;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The ObjectName of a web application's MXBean: {@code org.jwtauth:type=JwtAuth,context=<context path>}
 * (the root context is {@code /}), plus {@code host=} where one container serves the same path on several hosts,
 * and {@code version=} for a Tomcat parallel deployment ({@code app##2}). A value with a character that
 * ObjectNames reserve ({@code , = : " * ?}, a line break) is quoted ({@link ObjectName#quote}).
 */
public final class MonitorNames {

    public static final String DOMAIN = "org.jwtauth";

    private MonitorNames() {
    }

    /** @param host the host key's value, or null for none */
    public static ObjectName of(String contextPath, String host) {
        return of(contextPath, host, null);
    }

    /** @param version the version key's value (a Tomcat parallel deployment), or null for none */
    public static ObjectName of(String contextPath, String host, String version) {
        return name(DOMAIN + ":type=JwtAuth,context=" + value(contextPath == null || contextPath.isEmpty() ? "/"
                : contextPath) + (host == null ? "" : ",host=" + value(host))
                + (version == null ? "" : ",version=" + value(version)));
    }

    /**
     * {@code name} with {@code instance=<n>} added: for a second web application that would have the same name
     * (a container whose hosts this library cannot tell apart), so that its start-up does not fail over monitoring.
     */
    public static ObjectName distinct(ObjectName name, int n) {
        return name(name + ",instance=" + n);
    }

    /** The host part of {@code ServletContext.getVirtualServerName()}: Tomcat answers {@code Engine/host}. */
    public static String hostOf(String virtualServerName) {
        if (virtualServerName == null) {
            return null;
        }
        int slash = virtualServerName.indexOf('/');
        return slash < 0 ? virtualServerName : virtualServerName.substring(slash + 1);
    }

    /** The version of a Tomcat context name with a parallel-deployment version ({@code /app##2}), else null. */
    public static String versionOf(String tomcatContextName) {
        if (tomcatContextName == null) {
            return null;
        }
        int marker = tomcatContextName.indexOf("##");
        return marker < 0 || marker + 2 == tomcatContextName.length() ? null : tomcatContextName.substring(marker + 2);
    }

    private static String value(String raw) {
        for (char c : raw.toCharArray()) {
            if (",=:\"*?\n\r".indexOf(c) >= 0) {
                return ObjectName.quote(raw);
            }
        }
        return raw;
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            // Every value is quoted when it needs it, so this is a bug.
            throw new IllegalStateException("Invalid ObjectName " + text, e);
        }
    }
}
