package org.jwtauth.trusted;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.Settings;
import org.jwtauth.config.SettingsParser;

/** What building the trusted issuer's verifier says at start-up (the unit tests' SLF4J provider writes to stderr). */
class TrustedIssuersTest {

    @ParameterizedTest(name = "{0}: {1} warning(s)")
    @CsvSource({"http://127.0.0.1:8180/jwks, 1", "https://idp.example/jwks, 0"})
    void bearerVerifierWhenJwksUrlIsPlainHttpThenOneWarningNamingTheKey(String url, int warnings) {
        Settings settings = new SettingsParser(ConfigSource.of(Map.of(
                "jwtauth.secret", "0123456789abcdef0123456789abcdef",
                "jwtauth.trusted.issuer", "https://idp.example", "jwtauth.trusted.jwksUrl", url))).parse();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            TrustedIssuers.bearerVerifier(settings, token -> null, Clock.systemUTC());
        } finally {
            System.setErr(err);
        }

        String log = captured.toString(StandardCharsets.UTF_8);
        assertEquals(warnings, log.lines().filter(l -> l.contains("WARN") && l.contains("jwtauth.trusted.jwksUrl")
                && l.contains("http://")).count(), log);
    }
}
