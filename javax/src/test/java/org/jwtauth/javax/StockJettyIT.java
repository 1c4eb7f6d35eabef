package org.jwtauth.javax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The javax JAR with no application code on stock Jetty distributions (jetty-home from Maven Central): Jetty 10
 * (Servlet 4.0) and Jetty 9.4 (Servlet 3.1, where a method Servlet 4.0 made a default is abstract). The set-up and
 * the calls are {@code src/stock/jetty-try.sh}, which a deployer can run by hand: a web.xml with context-params, a
 * login-config and a HashLoginService realm; login, the sessions list with and without a bearer token, the filter
 * on /api/*, refresh, logout, refresh after logout, a wrong password and jwtauth.js, each answered as expected.
 */
class StockJettyIT {

    private static final Path SCRIPT = Path.of("src/stock/jetty-try.sh");

    @ParameterizedTest
    @ValueSource(strings = {"10.0.25", "9.4.58.v20250814"})
    void jettyWhenTheJarIsDroppedIntoAStockDistributionThenEveryCallIsAnsweredAsExpectedAndNothingWarns(
            String version) throws Exception {
        Path work = Files.createDirectories(Path.of("target/stock-jetty"));
        Path output = work.resolve("jetty-" + version + ".out");
        ProcessBuilder run = new ProcessBuilder("bash", SCRIPT.toString(), version).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        run.environment().put("WORK", work.toAbsolutePath().toString());
        run.environment().put("PORT", String.valueOf(freePort()));
        run.environment().put("REPO", System.getProperty("jwtauth.it.mavenRepository"));
        Process process = run.start();
        boolean ended = process.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(ended, "the script did not end: " + text);
        assertEquals(0, process.exitValue(), text);
        assertTrue(text.contains("RESULT: all statuses as expected on Jetty " + version), text);
        // Between the two markers: the log's WARN/ERROR/exception lines. slf4j-api (jose4j's) finding no provider
        // in the web app is expected: the library then logs through java.util.logging.
        String warnings = text.substring(text.indexOf("--- WARN/ERROR"), text.indexOf("--- last lines"));
        List<String> unexpected = Arrays.stream(warnings.split("\n")).skip(1)
                .filter(line -> !line.contains("SLF4J") && !line.equals("(none)") && !line.isBlank())
                .collect(Collectors.toList());
        assertEquals(List.of(), unexpected, text);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
