package org.jwtauth.it.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.JreMemoryLeakPreventionListener;
import org.apache.catalina.realm.MemoryRealm;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * Embedded Tomcat 11 with a web app (or several) added like a deployer's docBase, and a
 * {@link MemoryRealm} reading a generated tomcat-users.xml on the engine, as conf/server.xml does.
 */
final class TomcatContainer implements Container {

    private final Path workDir;
    private String path;
    private String docBase;
    private Tomcat tomcat;
    private Context context;
    private JndiSystemProperties namingProperties;

    TomcatContainer(Path workDir) {
        this.workDir = workDir;
    }

    @Override
    public String name() {
        return "Tomcat";
    }

    @Override
    public URI start(WebAppDirectory app, String contextPath, Users users) throws Exception {
        if (tomcat != null) {
            throw new IllegalStateException("Already started");
        }
        tomcat = new Tomcat();
        tomcat.setBaseDir(workDir.toString());
        if (Files.isRegularFile(app.root().resolve("META-INF/context.xml"))) {
            // The web app declares JNDI resources (<Resource>), which a standalone Tomcat always serves.
            // Naming sets JVM-wide system properties; stop() puts them back for the tests that follow.
            namingProperties = JndiSystemProperties.capture();
            tomcat.enableNaming();
        }
        // As in the stock conf/server.xml. Among others it initialises DriverManager outside any
        // web app; otherwise the first caller inside the web app (even Tomcat's own leak check at
        // undeploy) registers the JDBC drivers of WEB-INF/lib and Tomcat reports them as leaked.
        tomcat.getServer().addLifecycleListener(new JreMemoryLeakPreventionListener());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        // Tomcat 11's default, stated because Tomcat 9's is 10000: the hostile-input suite's form with more fields
        // than the container allows then meets the limit in both (within the library's own 16 KB).
        connector.setMaxParameterCount(1000);
        tomcat.setConnector(connector);
        tomcat.getHost().setAppBase(Files.createDirectories(workDir.resolve("webapps")).toString());
        tomcat.getHost().setAutoDeploy(false);
        tomcat.getEngine().setRealm(realm(users));

        path = Container.normalise(contextPath);
        docBase = app.root().toString();
        context = addContext(path, docBase);
        tomcat.start();
        requireAvailable(context, "start");
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path + "/");
    }

    @Override
    public URI add(WebAppDirectory app, String contextPath) {
        String more = Container.normalise(contextPath);
        // A host that has started starts a context as soon as it is added, as autoDeploy does.
        requireAvailable(addContext(more, app.root().toString()), "start");
        return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + more + "/");
    }

    private Context addContext(String path, String docBase) {
        Context context = tomcat.addWebapp(path, docBase);
        // Tomcat's common loader, as in a stock distribution: the web app sees no SLF4J but its own.
        context.setParentClassLoader(StockServerClassLoader.forWebApps());
        StandardJarScanner scanner = new StandardJarScanner();
        // The library's classes are also on the test JVM's class path; only WEB-INF/lib may
        // contribute fragments, as in a real Tomcat whose class path holds no application JARs.
        scanner.setScanClassPath(false);
        context.setJarScanner(scanner);
        context.addLifecycleListener(event -> {
            // Tomcat.addWebapp declares the JSP servlet (load-on-startup) like conf/web.xml does,
            // but Jasper is not on the class path: drop it so its load failure does not bury real errors.
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.findChild("jsp") != null) {
                context.removeChild(context.findChild("jsp"));
                context.removeServletMapping("*.jsp");
                context.removeServletMapping("*.jspx");
            }
        });
        return context;
    }

    private MemoryRealm realm(Users users) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tomcat-users>\n");
        for (Map.Entry<String, Users.User> user : users.asMap().entrySet()) {
            xml.append("  <user username=\"").append(escape(user.getKey()))
                    .append("\" password=\"").append(escape(user.getValue().password()))
                    .append("\" roles=\"").append(escape(String.join(",", user.getValue().roles())))
                    .append("\"/>\n");
        }
        xml.append("</tomcat-users>\n");
        Path file = Files.createDirectories(workDir.resolve("conf")).resolve("tomcat-users.xml");
        Files.writeString(file, xml);
        MemoryRealm realm = new MemoryRealm();
        realm.setPathname(file.toAbsolutePath().toString());
        return realm;
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Tomcat logs a failed context start and keeps running; tests want it to fail loudly. */
    private static void requireAvailable(Context context, String action) {
        if (!context.getState().isAvailable()) {
            throw new IllegalStateException("Tomcat could not " + action + " the web app " + context.getDocBase()
                    + " (state " + context.getState() + "); see the log above for the cause");
        }
    }

    @Override
    public void undeploy() {
        if (context != null) {
            // Stops and destroys the context, as the manager's undeploy does (leak checks run here).
            tomcat.getHost().removeChild(context);
            context = null;
        }
    }

    @Override
    public void redeploy() {
        undeploy();
        context = addContext(path, docBase);
        requireAvailable(context, "redeploy");
    }

    @Override
    public void restartWebApp() {
        if (context == null) {
            throw new IllegalStateException("No web app deployed");
        }
        // Same as the manager's "reload": stop, new class loader, start.
        context.reload();
        requireAvailable(context, "restart");
    }

    @Override
    public void stop() throws Exception {
        if (tomcat != null) {
            try {
                undeploy();
                tomcat.stop();
            } finally {
                // destroy() closes the server socket (Tomcat binds it at init, not start).
                tomcat.destroy();
                tomcat = null;
                if (namingProperties != null) {
                    namingProperties.restore();
                    namingProperties = null;
                }
            }
        }
    }
}
