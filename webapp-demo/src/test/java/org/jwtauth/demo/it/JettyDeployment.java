package org.jwtauth.demo.it;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jetty.server.Server;
import org.jwtauth.demo.launcher.DemoJetty;

/** The WAR file on embedded Jetty 12 (ee10), set up exactly as the launcher does it. */
final class JettyDeployment implements DeployedDemo {

    private final Server server;

    private JettyDeployment(Server server) {
        this.server = server;
    }

    static JettyDeployment start(Path war, Map<String, DemoJetty.User> users) throws Exception {
        return new JettyDeployment(DemoJetty.start(war, "127.0.0.1", 0, users));
    }

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + DemoJetty.port(server) + "/");
    }

    @Override
    public void close() throws Exception {
        server.stop();
        server.destroy();
    }
}
