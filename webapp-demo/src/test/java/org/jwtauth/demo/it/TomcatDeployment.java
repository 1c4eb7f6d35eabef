package org.jwtauth.demo.it;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.JreMemoryLeakPreventionListener;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.jwtauth.demo.launcher.DemoJetty;

/**
 * The WAR file on embedded Tomcat 11, added like a WAR dropped into webapps/ (expanded by Tomcat), with the
 * demo users in the engine's realm as tomcat-users.xml would define them.
 */
final class TomcatDeployment implements DeployedDemo {

    private final Tomcat tomcat;
    private final int port;

    private TomcatDeployment(Tomcat tomcat, int port) {
        this.tomcat = tomcat;
        this.port = port;
    }

    static TomcatDeployment start(Path war, Path workDir, Map<String, DemoJetty.User> users) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(workDir.toAbsolutePath().toString());
        // As in the stock conf/server.xml: among others it initialises DriverManager outside the web app, so the
        // H2 driver in WEB-INF/lib is not reported as leaked at undeploy.
        tomcat.getServer().addLifecycleListener(new JreMemoryLeakPreventionListener());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.getHost().setAppBase(Files.createDirectories(workDir.resolve("webapps")).toAbsolutePath().toString());
        tomcat.getHost().setAutoDeploy(false);
        users.forEach((name, user) -> {
            tomcat.addUser(name, user.password());
            user.roles().forEach(role -> tomcat.addRole(name, role));
        });

        Context context = tomcat.addWebapp("", war.toAbsolutePath().toString());
        StandardJarScanner scanner = new StandardJarScanner();
        // Only WEB-INF/lib may contribute web fragments, as in a stock Tomcat.
        scanner.setScanClassPath(false);
        context.setJarScanner(scanner);
        context.addLifecycleListener(event -> {
            // addWebapp declares the JSP servlet as conf/web.xml does, but Jasper is not on this class path.
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.findChild("jsp") != null) {
                context.removeChild(context.findChild("jsp"));
                context.removeServletMapping("*.jsp");
                context.removeServletMapping("*.jspx");
            }
        });
        tomcat.start();
        TomcatDeployment deployment = new TomcatDeployment(tomcat, connector.getLocalPort());
        if (!context.getState().isAvailable()) {
            deployment.close();
            throw new IllegalStateException("Tomcat could not start the demo WAR (state " + context.getState()
                    + "); see the log above");
        }
        return deployment;
    }

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public void close() throws Exception {
        try {
            tomcat.stop();
        } finally {
            tomcat.destroy();
        }
    }
}
