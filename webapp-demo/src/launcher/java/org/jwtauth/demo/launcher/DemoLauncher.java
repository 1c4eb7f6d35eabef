package org.jwtauth.demo.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.jetty.server.Server;

/**
 * Runs the built demo WAR on embedded Jetty 12 with a "demo" realm of two users and the refresh-token database
 * in a data folder that survives restarts. Options: {@code --port N} (8080), {@code --host H} (127.0.0.1; use
 * 0.0.0.0 to try the page from a phone on the same network), {@code --data DIR}, {@code --war FILE}.
 */
public final class DemoLauncher {

    private static final String SECRET_KEY = "jwtauth.secret";
    private static final String STORE_URL_KEY = "jwtauth.store.url";

    private DemoLauncher() {
    }

    public static void main(String[] args) throws Exception {
        // Jetty's start-up chatter would bury the banner; the library's own messages are shown at INFO (also
        // under "mvn -q", whose simple logger reads these per-logger levels when a logger is created).
        defaultProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        defaultProperty("org.slf4j.simpleLogger.log.org.jwtauth", "info");
        defaultProperty("org.slf4j.simpleLogger.showDateTime", "true");
        defaultProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(Options.USAGE);
            return;
        }
        if (!Files.isRegularFile(options.war())) {
            System.err.println("No WAR file at " + options.war() + ": build it first (mvn -f webapp-demo/pom.xml package)");
            System.exit(1);
        }
        DemoData data = new DemoData(options.data());
        data.create();
        String secretNote = configureSecret(data);
        String storeNote = configureStore(data);
        Map<String, DemoJetty.User> users = data.users();

        Server server;
        try {
            server = DemoJetty.start(options.war(), options.host(), options.port(), users);
        } catch (Exception e) {
            System.err.println("The demo could not start: " + e);
            System.err.println("See the log above for the cause (a jwtauth.* setting names itself there).");
            System.exit(1);
            return;
        }
        printBanner(options, data, secretNote, storeNote, users, DemoJetty.port(server));
        server.join();
    }

    /**
     * The library reads the HMAC secret from -Djwtauth.secret, else JWTAUTH_SECRET, else web.xml's
     * env:JWTAUTH_DEMO_SECRET. When none is given, a demo-only secret is generated once into the data folder and
     * passed as a file: reference, so the value itself never sits in a system property.
     */
    private static String configureSecret(DemoData data) throws java.io.IOException {
        if (isSet(System.getProperty(SECRET_KEY))) {
            return "given with -D" + SECRET_KEY;
        }
        if (isSet(System.getenv("JWTAUTH_SECRET"))) {
            return "given in the environment variable JWTAUTH_SECRET";
        }
        if (isSet(System.getenv("JWTAUTH_DEMO_SECRET"))) {
            return "given in the environment variable JWTAUTH_DEMO_SECRET (web.xml: env:JWTAUTH_DEMO_SECRET)";
        }
        boolean created = data.ensureSecret();
        System.setProperty(SECRET_KEY, "file:" + data.secretFile());
        return (created ? "none given: generated a demo-only HMAC secret into " : "none given: using the demo-only HMAC secret in ")
                + data.secretFile() + " (mode 600)" + DemoData.permissionWarning(data.secretFile());
    }

    private static String configureStore(DemoData data) {
        if (isSet(System.getProperty(STORE_URL_KEY)) || isSet(System.getenv("JWTAUTH_STORE_URL"))) {
            return "as given in " + STORE_URL_KEY;
        }
        System.setProperty(STORE_URL_KEY, data.databaseUrl());
        return "embedded H2 in " + data.dir().resolve(DemoData.DATABASE + ".mv.db");
    }

    private static void printBanner(Options options, DemoData data, String secretNote, String storeNote,
                                    Map<String, DemoJetty.User> users, int port) {
        String host = options.host().equals("0.0.0.0") ? "localhost" : options.host();
        String base = "http://" + host + ":" + port;
        Map.Entry<String, DemoJetty.User> first = users.entrySet().iterator().next();
        String userLines = users.entrySet().stream()
                .map(user -> "            " + user.getKey() + " / " + user.getValue().password()
                        + "   roles: " + String.join(", ", user.getValue().roles()))
                .collect(Collectors.joining("\n"));
        // A shell script to paste: %% is a literal % for formatted(), \\ a backslash for the text block.
        String banner = """

                jwt-servlet-auth demo is running on embedded Jetty 12 (ee10). Stop it with Ctrl+C.

                  Page:     %s/
                  WAR:      %s
                  Data:     %s
                  Tokens:   %s
                  Secret:   %s
                  Users:    realm "%s" from %s%s
                %s

                Try it with curl (bash; the demo runs in cookie mode, so the refresh token is in the cookie jar jar.txt):

                  BASE=%s
                  RESP=$(curl -s -c jar.txt -X POST "$BASE/auth/login" -H 'Content-Type: application/json' -d '{"username":"%s","password":"%s"}'); echo "$RESP"
                  ACCESS=$(printf '%%s' "$RESP" | sed -n 's/.*"accessToken" *: *"\\([^"]*\\)".*/\\1/p')
                  curl -s "$BASE/api/me" -H "Authorization: Bearer $ACCESS"; echo
                  curl -s -b jar.txt -c jar.txt -X POST "$BASE/auth/refresh" -H "Authorization: Bearer $ACCESS" -H 'Content-Type: application/json' -d '{}'; echo
                """.formatted(base, options.war().toAbsolutePath(), data.dir(), storeNote, secretNote,
                DemoJetty.REALM, data.usersFile(), DemoData.permissionWarning(data.usersFile()), userLines,
                base, first.getKey(), first.getValue().password());
        System.out.println(banner);
        System.out.flush();
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** The command-line options. */
    record Options(int port, String host, Path data, Path war, boolean help) {

        static final String USAGE = "Options: --port N (default 8080)  --host ADDRESS (default 127.0.0.1)"
                + "  --data DIR (default webapp-demo/data)  --war FILE (default webapp-demo/target/jwt-servlet-auth-demo.war)";

        static Options parse(String[] args) {
            int port = 8080;
            String host = "127.0.0.1";
            Path data = Paths.get(System.getProperty("demo.defaultData", "data"));
            Path war = Paths.get(System.getProperty("demo.war", "target/jwt-servlet-auth-demo.war"));
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.isBlank()) {
                    continue;
                }
                switch (arg) {
                    case "--help", "-h" -> help = true;
                    case "--port" -> port = port(value(args, ++i, arg));
                    case "--host" -> host = value(args, ++i, arg);
                    case "--data" -> data = Paths.get(value(args, ++i, arg));
                    case "--war" -> war = Paths.get(value(args, ++i, arg));
                    default -> throw new IllegalArgumentException("Unknown option: " + arg);
                }
            }
            return new Options(port, host, data, war, help);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].isBlank()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int port(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw new IllegalArgumentException("--port expects a number from 0 to 65535, not " + value);
        }
    }
}
