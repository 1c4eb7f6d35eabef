package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.AuthCalls.Tokens;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.ItBuild;
import org.jwtauth.it.support.Users;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;

/**
 * Where the library's lines go (design sections 1 and 13): into the container's {@code java.util.logging} when the
 * web app has no SLF4J provider (a stock Tomcat or Jetty, a legacy application), and into the application's own
 * SLF4J provider when {@code WEB-INF/lib} has one, then not into {@code java.util.logging} as well. Two web apps
 * per container: {@code /plain} with only the library's JARs, {@code /own} with slf4j-simple beside them writing
 * to a file. Each has its own user, so that a line names the web app it came from.
 */
class LogDestinationIT {

    private static final String SECRET = "log-destination-secret-0123456789-abcdef";

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends DeployedSpec {
        // Kept in a field: java.util.logging holds loggers weakly, and the handler must stay attached.
        private final Logger library = Logger.getLogger("org.jwtauth");
        private final List<LogRecord> julRecords = new ArrayList<>();
        private Path ownLog;
        private AuthCalls plain;
        private AuthCalls own;

        @Override
        protected void deploy() throws Exception {
            Handler capture = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    synchronized (julRecords) {
                        julRecords.add(record);
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            library.addHandler(capture);
            closeAfterAll(() -> library.removeHandler(capture));
            ownLog = ItBuild.newWorkDir("logs").resolve("own.log");
            plain = AuthCalls.on(deploy(webApp("julia").build(), "/plain",
                    Users.none().with("julia", "julia-pw-1", "user")));
            own = AuthCalls.on(deploy(webApp("simon")
                    .libJar(slf4jSimpleJar())
                    .file("WEB-INF/classes/simplelogger.properties",
                            "org.slf4j.simpleLogger.logFile=" + ownLog.toString().replace("\\", "/") + "\n")
                    .build(), "/own", Users.none().with("simon", "simon-pw-1", "user")));
        }

        @Test
        void startupSummaryReachesJulWhenNoSlf4jProvider() {
            List<LogRecord> lines = jul("jwt-servlet-auth started for /plain");
            assertEquals(1, lines.size(), this::julText);
            assertEquals(Level.INFO, lines.get(0).getLevel());
            assertEquals("org.jwtauth.web.JwtAuthListener", lines.get(0).getLoggerName());
        }

        @Test
        void reuseWarningReachesJulWhenNoSlf4jProvider() throws Exception {
            reuse(plain, "julia", "julia-pw-1");
            List<LogRecord> lines = jul("Refresh token reuse detected for subject julia");
            assertEquals(1, lines.size(), this::julText);
            assertEquals(Level.WARNING, lines.get(0).getLevel());
            assertEquals("org.jwtauth.refresh.RefreshTokenService", lines.get(0).getLoggerName());
        }

        @Test
        void startupSummaryReachesTheApplicationsSlf4jProviderAndNotJul() throws IOException {
            assertEquals(1, count(ownLog(), "INFO org.jwtauth.web.JwtAuthListener - jwt-servlet-auth started for /own"),
                    this::ownLogText);
            assertEquals(List.of(), jul("/own"), this::julText);
        }

        @Test
        void reuseWarningReachesTheApplicationsSlf4jProviderAndNotJul() throws Exception {
            reuse(own, "simon", "simon-pw-1");
            assertEquals(1, count(ownLog(),
                    "WARN org.jwtauth.refresh.RefreshTokenService - Refresh token reuse detected for subject simon"),
                    this::ownLogText);
            assertEquals(List.of(), jul("simon"), this::julText);
        }

        @Test
        void plainWebAppWhenRunThenNothingOfItReachesTheOtherWebAppsProvider() throws IOException {
            assertTrue(ownLog().contains("/own"), this::ownLogText);
            assertTrue(!ownLog().contains("/plain") && !ownLog().contains("julia"), this::ownLogText);
        }

        private static WebAppDirectory.Builder webApp(String user) {
            return WebAppDirectory.builder()
                    .webXml(WebXml.of(WebXml.contextParam("jwtauth.secret", SECRET)
                            + WebXml.contextParam("jwtauth.login.roles", "user")
                            + WebXml.servlet("me", MeServlet.class, "/api/me")
                            + WebXml.basicLogin("logs-" + user, "user")))
                    .classes(MeServlet.class);
        }

        /** A refresh token presented again after the concurrent-use grace: reuse, the family is revoked. */
        private static void reuse(AuthCalls auth, String user, String password) throws InterruptedException {
            Tokens first = auth.loggedIn(user, password);
            auth.refreshed(first);
            Thread.sleep(TokenLifecycleIT.AFTER_CONCURRENT_USE_GRACE.toMillis());
            TokenLifecycleIT.assertError(auth.refresh(first.access(), first.refresh()), 400, "invalid_grant");
        }

        private List<LogRecord> jul(String containing) {
            synchronized (julRecords) {
                return julRecords.stream().filter(r -> message(r).contains(containing)).collect(Collectors.toList());
            }
        }

        private String julText() {
            synchronized (julRecords) {
                return "java.util.logging records:\n" + julRecords.stream()
                        .map(r -> r.getLevel() + " " + r.getLoggerName() + " " + message(r))
                        .collect(Collectors.joining("\n"));
            }
        }

        private static String message(LogRecord record) {
            return new java.util.logging.SimpleFormatter().formatMessage(record);
        }

        private String ownLog() throws IOException {
            return Files.exists(ownLog) ? Files.readString(ownLog, StandardCharsets.UTF_8) : "";
        }

        private String ownLogText() {
            try {
                return "the application's SLF4J log " + ownLog + ":\n" + ownLog();
            } catch (IOException e) {
                return e.toString();
            }
        }

        private static long count(String text, String line) {
            return text.lines().filter(l -> l.contains(line)).count();
        }

        private static Path slf4jSimpleJar() throws URISyntaxException {
            return Path.of(org.slf4j.simple.SimpleLogger.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
        }
    }
}
