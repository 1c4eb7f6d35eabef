package org.jwtauth.demo.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ClassMatcher;
import org.eclipse.jetty.util.security.Credential;

/**
 * Embedded Jetty 12 (ee10) running one WAR file at "/", with a {@link HashLoginService} realm as a deployer's
 * jetty-base would define it. Used by the launcher and by the tests, so both run the application the same way.
 */
public final class DemoJetty {

    /** The realm name in the application's web.xml {@code <login-config>}. */
    public static final String REALM = "demo";

    private DemoJetty() {
    }

    /** A demo user: password and roles. */
    public record User(String password, List<String> roles) {
    }

    /**
     * Starts Jetty with {@code war} at "/"; a web application that fails to start (a missing secret, say) makes
     * this method throw instead of leaving a server that answers 503.
     */
    public static Server start(Path war, String host, int port, Map<String, User> users) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        // As a server-level bean, the realm is matched by name with <realm-name> of web.xml.
        server.addBean(loginService(users));

        WebAppContext webApp = new WebAppContext();
        webApp.setContextPath("/");
        webApp.setWar(war.toAbsolutePath().toString());
        webApp.setThrowUnavailableOnStartupException(true);
        // The WAR carries slf4j-api for the library; let it use the server's, so that the library's start-up
        // and error messages reach this console through the server's binding instead of being dropped.
        webApp.addProtectedClassMatcher(new ClassMatcher("org.slf4j."));
        server.setHandler(webApp);
        server.setStopAtShutdown(true);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return server;
    }

    public static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    private static HashLoginService loginService(Map<String, User> users) {
        UserStore store = new UserStore();
        users.forEach((name, user) -> store.addUser(name, Credential.getCredential(user.password()),
                user.roles().toArray(new String[0])));
        HashLoginService service = new HashLoginService(REALM);
        service.setUserStore(store);
        return service;
    }
}
