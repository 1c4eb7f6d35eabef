package org.jwtauth.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.it.hostile.HostileApp.ALICE_PASSWORD;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.jwtauth.it.support.AuthCalls.Tokens;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.ItBuild;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.refresh.RefreshTokenService;

/**
 * Design section 5: nothing logs a token, a password or a secret at any level. The whole hostile-input suite and
 * a happy path (login, protected call, refresh, reuse, logout) run with the library's loggers at their most verbose,
 * on both paths its lines can take: through the application's own SLF4J provider (slf4j-simple in WEB-INF/lib at
 * TRACE, configured by WEB-INF/classes/simplelogger.properties to write to a file) and, with no provider in the web
 * app, through java.util.logging (the {@code org.jwtauth} logger at ALL). The containers' java.util.logging records
 * and everything printed to the console are captured as well. Then every token, password and secret the tests used
 * is searched for in all of it.
 */
class NoSecretsInLogsIT {

    /** The application's SLF4J provider, at TRACE. */
    @Nested class ThroughSlf4j {
        @Nested class Jetty extends Slf4jSpec { }
        @Nested class Tomcat extends Slf4jSpec { }
    }

    /** No SLF4J provider in the web app: java.util.logging, the library's loggers at ALL. */
    @Nested class ThroughJul {
        @Nested class Jetty extends JulSpec { }
        @Nested class Tomcat extends JulSpec { }
    }

    abstract static class Slf4jSpec extends LoggedSpec {
        private Path webAppLog;

        @Override
        protected void customise(WebAppDirectory.Builder builder) {
            webAppLog = ItBuild.newWorkDir("logs").resolve("webapp.log");
            try {
                builder.libJar(Path.of(org.slf4j.simple.SimpleLogger.class.getProtectionDomain().getCodeSource()
                        .getLocation().toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            builder.file("WEB-INF/classes/simplelogger.properties",
                    "org.slf4j.simpleLogger.defaultLogLevel=trace\n"
                            + "org.slf4j.simpleLogger.log.org.jwtauth=trace\n"
                            + "org.slf4j.simpleLogger.showDateTime=true\n"
                            + "org.slf4j.simpleLogger.logFile=" + webAppLog.toString().replace("\\", "/") + "\n");
        }

        @Override
        String libraryLog() throws IOException {
            return Files.exists(webAppLog) ? Files.readString(webAppLog, StandardCharsets.UTF_8) : "";
        }

        @Override
        String debugLineOfRefreshServlet() {
            return "DEBUG org.jwtauth.web.RefreshServlet";
        }
    }

    abstract static class JulSpec extends LoggedSpec {
        // Kept in a field: java.util.logging holds loggers weakly, and the level set here must last.
        private final Logger library = Logger.getLogger("org.jwtauth");

        @Override
        protected void deploy() throws Exception {
            Level previous = library.getLevel();
            library.setLevel(Level.ALL);
            // Registered first, so restored last: after the web app has stopped and logged its last lines.
            closeAfterAll(() -> library.setLevel(previous));
            super.deploy();
        }

        @Override
        String libraryLog() {
            return julText();
        }

        @Override
        String debugLineOfRefreshServlet() {
            return "FINE: Refresh refused";
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class LoggedSpec extends HostileInputSpec {
        private final ByteArrayOutputStream console = new ByteArrayOutputStream();
        private final List<String> julRecords = new ArrayList<>();
        private PrintStream originalOut;
        private PrintStream originalErr;
        private Handler julHandler;

        /** Where the library's own lines went, as text. */
        abstract String libraryLog() throws IOException;

        /** Text of the refused refresh's DEBUG line as that log writes it. */
        abstract String debugLineOfRefreshServlet();

        String julText() {
            synchronized (julRecords) {
                return String.join("\n", julRecords);
            }
        }

        @Override
        protected void deploy() throws Exception {
            originalOut = System.out;
            originalErr = System.err;
            System.setOut(new PrintStream(new Tee(originalOut, console), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new Tee(originalErr, console), true, StandardCharsets.UTF_8));
            SimpleFormatter formatter = new SimpleFormatter();
            julHandler = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    synchronized (julRecords) {
                        julRecords.add(formatter.format(record));
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            Logger.getLogger("").addHandler(julHandler);
            // Registered first, so closed last: after the web apps have stopped and logged their last lines.
            closeAfterAll(() -> {
                Logger.getLogger("").removeHandler(julHandler);
                System.setOut(originalOut);
                System.setErr(originalErr);
            });
            super.deploy();
        }

        @Test
        @Order(Integer.MAX_VALUE - 1)
        void happyPathWhenRunWithReuseAndLogoutThenItsTokensAreRemembered() {
            Tokens first = app.login("alice", ALICE_PASSWORD);
            assertEquals(200, app.bearer(first.access()).status());
            Tokens second = AuthCalls.tokens(app.refresh(first.access(), first.refresh()));
            app.remember(second.access(), second.refresh());
            // Reuse after the concurrent-use grace: the family is revoked and a warning is logged.
            sleepQuietly(RefreshTokenService.CONCURRENT_USE_GRACE.toMillis() + 500);
            assertEquals(400, app.refresh(first.access(), first.refresh()).status());
            Tokens third = app.login("alice", ALICE_PASSWORD);
            assertEquals(204, app.auth().logout(third.refresh()).status());
            // Logging out cut off third's access tokens, so logging out everywhere takes a new session's.
            Tokens fourth = app.login("alice", ALICE_PASSWORD);
            assertEquals(204, app.auth().logoutAllDevices(fourth.access()).status());
        }

        @Test
        @Order(Integer.MAX_VALUE)
        void logsWhenAtTheMostVerboseLevelThenTheyContainNoTokenPasswordOrSecret() throws IOException {
            String library = libraryLog();
            // The capture works: the library's start-up line, a DEBUG line and the reuse warning are there.
            assertTrue(library.contains("jwt-servlet-auth started"), () -> "no library log in " + library);
            assertTrue(library.contains(debugLineOfRefreshServlet()), () -> "no DEBUG line in " + library);
            assertTrue(library.contains("Refresh token reuse detected"), () -> "no reuse warning in " + library);

            String all = library + "\n" + console.toString(StandardCharsets.UTF_8) + "\n" + julText();
            List<String> found = new ArrayList<>();
            for (String needle : needles(app.secrets())) {
                if (all.contains(needle)) {
                    found.add(needle);
                }
            }
            assertEquals(List.of(), found, "secrets found in the logs");
        }

        /**
         * What must not appear: passwords and the secret (also base64 and base64url encoded), opaque tokens,
         * and the payload and signature segments of JWTs (their header segment is the same in every token).
         */
        private static Set<String> needles(List<String> secrets) {
            Set<String> needles = new LinkedHashSet<>();
            for (String secret : secrets) {
                for (String word : secret.split(" ")) {
                    String[] segments = word.split("\\.");
                    if (segments.length > 1) {
                        for (int i = 1; i < segments.length; i++) {
                            addIfDistinctive(needles, segments[i]);
                        }
                    } else {
                        addIfDistinctive(needles, word);
                    }
                }
            }
            byte[] key = HostileApp.SECRET.getBytes(StandardCharsets.UTF_8);
            needles.add(Base64.getEncoder().encodeToString(key));
            needles.add(Base64.getUrlEncoder().withoutPadding().encodeToString(key));
            return needles;
        }

        /** Long enough and varied enough that finding it cannot be chance ("AAAA...", "pppp..." are not). */
        private static void addIfDistinctive(Set<String> needles, String candidate) {
            if (candidate.length() >= 12 && candidate.chars().distinct().count() >= 8) {
                needles.add(candidate);
            }
        }

        private static void sleepQuietly(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Writes to the real console and to the capture. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            synchronized (second) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            synchronized (second) {
                second.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            first.flush();
        }
    }
}
