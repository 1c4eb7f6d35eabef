package org.jwtauth.bench.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jwtauth.bench.Fixtures;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.Settings;
import org.jwtauth.web.BearerTokenFilter;
import org.jwtauth.web.JwtAuthListener;

/**
 * The HTTP benchmark's server: embedded Jetty 12 (ee10) or Tomcat 11 with one small servlet mapped twice, at
 * {@code /app/api/hello} behind the library's filter and at {@code /app/open/hello} outside it, and the library's
 * listener configured by context-params as a web.xml would. It writes {@code count} valid access tokens, one per
 * line, for wrk to cycle through, then prints "ready" and serves until killed.
 *
 * <p>usage: {@code HttpBenchServer jetty|tomcat ALGORITHM PORT TOKENS_FILE COUNT [CACHE_SIZE]}
 */
public final class HttpBenchServer {

    /** What a light endpoint does: a few bytes naming the caller. */
    public static final class Hello extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write("hello " + request.getRemoteUser() + "\n");
        }
    }

    public static void main(String[] args) throws Exception {
        String container = args[0];
        String algorithm = args[1];
        int port = Integer.parseInt(args[2]);
        Path tokensFile = Path.of(args[3]);
        int count = Integer.parseInt(args[4]);
        String cacheSize = args.length > 5 ? args[5] : "10000";

        Settings settings = Fixtures.settings(algorithm, Map.of(ConfigKeys.VERIFIER_CACHE_SIZE, cacheSize));
        Map<String, String> params = new LinkedHashMap<>();
        params.put(ConfigKeys.ALGORITHM, algorithm);
        if (algorithm.startsWith("HS")) {
            params.put(ConfigKeys.SECRET, Fixtures.SECRET);
        } else {
            params.put(ConfigKeys.KEYS, settings.keyFiles().get(0).toString());
        }
        params.put(ConfigKeys.VERIFIER_CACHE_SIZE, cacheSize);
        params.put(ConfigKeys.STORE_URL, "jdbc:h2:mem:httpbench;DB_CLOSE_DELAY=-1");

        if (container.equals("jetty")) {
            jetty(port, params);
        } else {
            tomcat(port, params);
        }
        // The same keys, issuer and audience (the issuer plus /app) as the web app.
        Settings app = new org.jwtauth.config.SettingsParser(org.jwtauth.config.ConfigSource.of(params),
                name -> null).parse("/app");
        Fixtures.Signing signing = Fixtures.signing(app, Clock.systemUTC());
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(signing.issuer.issue("user" + i, List.of("user"), "session-" + i, Map.of()).token());
        }
        Files.write(tokensFile, tokens);
        System.out.println("ready");
        Thread.currentThread().join();
    }

    private static void jetty(int port, Map<String, String> params) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/app");
        params.forEach(context::setInitParameter);
        context.addEventListener(new JwtAuthListener());
        context.addFilter(new FilterHolder(new BearerTokenFilter()), "/api/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new Hello()), "/api/hello");
        context.addServlet(new ServletHolder(new Hello()), "/open/hello");
        server.setHandler(context);
        server.start();
    }

    private static void tomcat(int port, Map<String, String> params) throws Exception {
        Tomcat tomcat = new Tomcat();
        Path base = Files.createTempDirectory("jwtauth-httpbench-tomcat");
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("/app", base.toString());
        params.forEach(context::addParameter);
        context.addApplicationListener(JwtAuthListener.class.getName());
        FilterDef filter = new FilterDef();
        filter.setFilterName("jwtauth");
        filter.setFilterClass(BearerTokenFilter.class.getName());
        context.addFilterDef(filter);
        FilterMap mapping = new FilterMap();
        mapping.setFilterName("jwtauth");
        mapping.addURLPatternDecoded("/api/*");
        context.addFilterMap(mapping);
        Tomcat.addServlet(context, "behind", new Hello());
        context.addServletMappingDecoded("/api/hello", "behind");
        Tomcat.addServlet(context, "open", new Hello());
        context.addServletMappingDecoded("/open/hello", "open");
        tomcat.start();
    }
}
