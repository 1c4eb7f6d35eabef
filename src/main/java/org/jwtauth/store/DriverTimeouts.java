package org.jwtauth.store;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

import org.jwtauth.config.DurationValues;

/**
 * Connection and socket timeouts for an unpooled {@code jwtauth.store.url} connection, as driver properties of
 * the drivers we know. Without them a database host that stops answering (a dropped network path, a firewall
 * that black-holes packets) blocks a request thread for the operating system's TCP timeout, many minutes.
 * {@code DriverManager.setLoginTimeout} is not used: it is global to the JVM and would change other
 * applications' connections. A timeout the deployer already put into the URL wins.
 */
final class DriverTimeouts {

    private DriverTimeouts() {
    }

    /**
     * The socket read timeout is the query timeout plus the connect timeout: a statement that is merely slow is
     * cancelled by the database at the query timeout (a clean error), and only a database that sends nothing at
     * all is given up at the socket level a little later.
     */
    static Properties forUrl(String url, Duration connectTimeout, Duration queryTimeout) {
        Properties p = new Properties();
        String lower = url.toLowerCase(Locale.ROOT);
        Duration socketTimeout = queryTimeout.plus(connectTimeout);
        if (lower.startsWith("jdbc:postgresql:")) {
            // PgJDBC takes seconds. loginTimeout bounds the whole handshake, connectTimeout only the TCP connect.
            putUnlessInUrl(p, lower, "connectTimeout", seconds(connectTimeout));
            putUnlessInUrl(p, lower, "loginTimeout", seconds(connectTimeout));
            putUnlessInUrl(p, lower, "socketTimeout", seconds(socketTimeout));
        } else if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            // MariaDB Connector/J and MySQL Connector/J take milliseconds.
            putUnlessInUrl(p, lower, "connectTimeout", Long.toString(connectTimeout.toMillis()));
            putUnlessInUrl(p, lower, "socketTimeout", Long.toString(socketTimeout.toMillis()));
        }
        return p;
    }

    private static void putUnlessInUrl(Properties p, String lowerUrl, String name, String value) {
        if (!lowerUrl.contains(name.toLowerCase(Locale.ROOT) + "=")) {
            p.setProperty(name, value);
        }
    }

    private static String seconds(Duration d) {
        // Rounded up, so a configured timeout is never shortened to zero ("wait forever" for PgJDBC).
        return Long.toString(DurationValues.secondsRoundedUp(d));
    }
}
