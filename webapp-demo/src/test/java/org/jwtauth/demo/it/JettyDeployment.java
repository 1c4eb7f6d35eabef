package org.jwtauth.demo.it;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.server.Server;
import org.jwtauth.demo.launcher.DemoJetty;

/**
 * The WAR file on embedded Jetty 12 (ee10), set up exactly as the launcher does it, plus a request log that counts
 * the answers the server gave, so that browser tests can check what the server saw (refreshes, say).
 */
final class JettyDeployment implements DeployedDemo {

    private final Server server;
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();

    private JettyDeployment(Server server) {
        this.server = server;
        server.setRequestLog((request, response) -> answers.computeIfAbsent(
                key(request.getMethod(), request.getHttpURI().getPath(), response.getStatus()),
                k -> new AtomicInteger()).incrementAndGet());
    }

    static JettyDeployment start(Path war, Map<String, DemoJetty.User> users) throws Exception {
        return new JettyDeployment(DemoJetty.start(war, "127.0.0.1", 0, users));
    }

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + DemoJetty.port(server) + "/");
    }

    /** The same server under another name: another origin and another site for the browser. */
    URI otherOrigin() {
        return URI.create("http://localhost:" + DemoJetty.port(server) + "/");
    }

    /** How many requests {@code method path} the server has answered with {@code status} so far. */
    int answered(String method, String path, int status) {
        AtomicInteger n = answers.get(key(method, path, status));
        return n == null ? 0 : n.get();
    }

    /** How many requests {@code method path} the server has answered, whatever the status. */
    int answered(String method, String path) {
        String prefix = method + " " + path + " ";
        return answers.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    private static String key(String method, String path, int status) {
        return method + " " + path + " " + status;
    }

    @Override
    public void close() throws Exception {
        server.stop();
        server.destroy();
    }
}
