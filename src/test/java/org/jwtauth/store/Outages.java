package org.jwtauth.store;

import java.io.IOException;
import java.util.Map;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.SchemaMode;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.config.StoreSettings;
import org.jwtauth.testing.TcpProxy;

/** A store whose connections go through a {@link TcpProxy} the test can cut, with short timeouts. */
final class Outages {

    /**
     * Short timeouts, so that a test of a hanging database takes seconds (the defaults are PT5S), and a single
     * connection place: a place that a cut connection did not give back makes the next operation fail, and the
     * one pooled connection is the one the cut broke, so every test also shows it is never handed out again.
     */
    static final Map<String, String> SHORT_TIMEOUTS = Map.of(ConfigKeys.STORE_CONNECT_TIMEOUT, "PT2S",
            ConfigKeys.STORE_QUERY_TIMEOUT, "PT2S", ConfigKeys.STORE_POOL_SIZE, "1");

    private Outages() {
    }

    static TcpProxy proxy(TestDatabase.Scratch scratch) throws IOException {
        String[] hostPort = scratch.hostAndPort().split(":");
        return TcpProxy.to(hostPort[0], Integer.parseInt(hostPort[1]));
    }

    /** The scratch's settings through {@code proxy}, without the test URL's own connect timeout. */
    static StoreSettings through(TestDatabase.Scratch scratch, TcpProxy proxy, SchemaMode schema,
                                 Map<String, String> extra) {
        String hostAndPort = scratch.hostAndPort();
        return scratch.settings(schema, url -> withoutConnectTimeout(proxy.rewrite(url, hostAndPort)), extra);
    }

    static StoreSettings through(TestDatabase.Scratch scratch, TcpProxy proxy) {
        return through(scratch, proxy, SchemaMode.CREATE, SHORT_TIMEOUTS);
    }

    /**
     * Like {@link #through(TestDatabase.Scratch, TcpProxy)}, with every statement's text sent each time, so that
     * {@link TcpProxy#dropRepliesAfter} sees it: on a pooled connection the PostgreSQL driver otherwise switches
     * a statement it has run five times (COMMIT among them) to a server-side prepared statement sent by name.
     */
    static StoreSettings withStatementTextOnTheWire(TestDatabase.Scratch scratch, TcpProxy proxy) {
        String hostAndPort = scratch.hostAndPort();
        return scratch.settings(SchemaMode.CREATE, url -> {
            String through = withoutConnectTimeout(proxy.rewrite(url, hostAndPort));
            return through.startsWith("jdbc:postgresql:") ? through + "&prepareThreshold=0" : through;
        }, SHORT_TIMEOUTS);
    }

    private static String withoutConnectTimeout(String url) {
        String u = url.replaceAll("&connectTimeout=\\d+", "").replaceAll("\\?connectTimeout=\\d+&?", "?");
        return u.endsWith("?") ? u.substring(0, u.length() - 1) : u;
    }
}
