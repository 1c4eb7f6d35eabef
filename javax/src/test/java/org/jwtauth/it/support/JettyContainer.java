package org.jwtauth.it.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.ee.webapp.WebAppClassLoader;
import org.eclipse.jetty.ee8.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee8.plus.webapp.EnvConfiguration;
import org.eclipse.jetty.ee8.plus.webapp.PlusConfiguration;
import org.eclipse.jetty.ee8.webapp.JndiConfiguration;
import org.eclipse.jetty.ee8.webapp.WebAppContext;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.security.Credential;

/**
 * The javax build's Jetty: the root harness's container of the same name, moved from Jetty 12's ee10 environment
 * to its ee8 one (Servlet 4.0), whose web app is not a core handler but supplies one (so it cannot be renamed
 * into place like the rest of the harness). Otherwise the same: embedded Jetty 12 (ee8) with a
 * {@link WebAppContext} (or several), configured like a deployer's jetty-base would: the default WebAppContext
 * configurations (which read WEB-INF/web.xml and every WEB-INF/lib/*.jar's META-INF/web-fragment.xml) and a
 * {@link HashLoginService} realm.
 */
final class JettyContainer implements Container {

    private final Path workDir;
    private String path;
    private WebAppDirectory app;
    private Users users;
    private Server server;
    private ContextHandlerCollection contexts;
    private WebAppContext webApp;
    /** The web apps {@link #add}ed beside the first: stopped here, since Server.stop() leaves them running. */
    private final List<WebAppContext> added = new ArrayList<>();

    JettyContainer(Path workDir) {
        this.workDir = workDir;
    }

    @Override
    public String name() {
        return "Jetty";
    }

    @Override
    public URI start(WebAppDirectory app, String contextPath, Users users) throws Exception {
        if (server != null) {
            throw new IllegalStateException("Already started");
        }
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        contexts = new ContextHandlerCollection();
        server.setHandler(contexts);
        server.start();

        path = Container.normalise(contextPath);
        this.app = app;
        this.users = users;
        webApp = addContext(path, app, "tmp");
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path + "/");
    }

    @Override
    public URI add(WebAppDirectory more, String contextPath) throws Exception {
        String morePath = Container.normalise(contextPath);
        added.add(addContext(morePath, more, "tmp" + morePath.replace('/', '_')));
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
                + morePath + "/");
    }

    private WebAppContext addContext(String path, WebAppDirectory app, String tempName) throws Exception {
        WebAppContext context = new StockWebAppContext();
        context.setContextPath(path.isEmpty() ? "/" : path);
        context.setWar(app.root().toString());
        context.setTempDirectory(Files.createDirectories(workDir.resolve(tempName)).toFile());
        // Without this a failing listener or servlet only logs and the context answers 503;
        // tests want the deployment itself to fail with the cause.
        context.setThrowUnavailableOnStartupException(true);
        // What the ee8-annotations module (enabled by ee8-jsp, so in most jetty-bases) adds: it runs the
        // ServletContainerInitializers of WEB-INF/lib JARs, as Tomcat always does.
        context.addConfiguration(new AnnotationConfiguration());
        if (Files.isRegularFile(app.root().resolve("WEB-INF/jetty-env.xml"))) {
            // What a jetty-base with the ee8-plus module gives every web app: JNDI, env entries and the
            // resources a WEB-INF/jetty-env.xml declares.
            context.addConfiguration(new EnvConfiguration(), new PlusConfiguration(), new JndiConfiguration());
        }
        // Set on the web app's own security handler rather than as a server bean so that the
        // realm does not have to match <realm-name> in web.xml: any login-config uses it.
        context.getSecurityHandler().setLoginService(loginService(users));
        // Jetty has no catalina.base; the embedded store goes where a jetty.base would put it, and web.xml wins.
        context.setInitParameter("jwtauth.store.directory", workDir.resolve("jwtauth").toAbsolutePath().toString());
        contexts.addHandler(context);
        context.start();
        return context;
    }

    /**
     * A WebAppContext whose class loader, made at each start, has a stock server's parent: the web app sees no
     * SLF4J but its own. Jetty 12 neither hides nor protects org.slf4j, so a web app with slf4j-api in WEB-INF/lib
     * uses that one, as in a jetty-base; only the test class path's slf4j-simple must not show through.
     */
    private static final class StockWebAppContext extends WebAppContext {
        @Override
        protected ClassLoader configureClassLoader(ClassLoader loader) throws IOException {
            return loader != null ? super.configureClassLoader(loader)
                    : new WebAppClassLoader(StockServerClassLoader.forWebApps(), this);
        }
    }

    @Override
    public void redeploy() throws Exception {
        undeploy();
        webApp = addContext(path, app, "tmp");
    }

    private static HashLoginService loginService(Users users) {
        UserStore store = new UserStore();
        for (Map.Entry<String, Users.User> user : users.asMap().entrySet()) {
            store.addUser(user.getKey(), Credential.getCredential(user.getValue().password()),
                    user.getValue().roles().toArray(new String[0]));
        }
        HashLoginService service = new HashLoginService("it-realm");
        service.setUserStore(store);
        return service;
    }

    @Override
    public void undeploy() throws Exception {
        if (webApp != null) {
            webApp.stop();
            contexts.removeHandler(webApp.get());
            webApp.destroy();
            webApp = null;
        }
    }

    @Override
    public void restartWebApp() throws Exception {
        if (webApp == null) {
            throw new IllegalStateException("No web app deployed");
        }
        // WebAppContext drops the class loader it created when it stops, so this start loads
        // the application and the library again, as a hot redeploy does.
        webApp.stop();
        webApp.start();
    }

    @Override
    public void stop() throws Exception {
        if (server != null) {
            try {
                undeploy();
                for (WebAppContext context : added) {
                    context.stop();
                    contexts.removeHandler(context.get());
                    context.destroy();
                }
                added.clear();
            } finally {
                server.stop();
                server.destroy();
                server = null;
            }
        }
    }
}
