package org.jwtauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KeySettingsParserTest {

    @Test
    void keysAreACommaSeparatedListOfPlainOrFilePrefixedPaths() {
        Settings settings = parse(Map.of("jwtauth.algorithm", "ES256",
                "jwtauth.keys", "/etc/jwt/current.pem , file:/etc/jwt/previous.pem"));

        assertEquals(SigningAlgorithm.ES256, settings.algorithm());
        assertEquals(List.of(Paths.get("/etc/jwt/current.pem"), Paths.get("/etc/jwt/previous.pem")),
                settings.keyFiles());
    }

    @Test
    void asymmetricAlgorithmWithoutKeysIsRefusedNamingJwtauthKeys() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse(Map.of("jwtauth.algorithm", "RS256")));

        assertEquals("jwtauth.keys", e.key());
    }

    @Test
    void secretWithAnAsymmetricAlgorithmIsRefused() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(Map.of(
                "jwtauth.algorithm", "EdDSA", "jwtauth.keys", "/k.pem",
                "jwtauth.secret", "0123456789abcdef0123456789abcdef")));

        assertEquals("jwtauth.secret", e.key());
    }

    @Test
    void unknownAlgorithmIsRefusedListingTheAcceptedOnes() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse(Map.of("jwtauth.algorithm", "none")));

        assertTrue(e.getMessage().contains("PS256") && e.getMessage().contains("EdDSA"), e.getMessage());
    }

    @Test
    void trustedIssuerTakesDefaultsFromOurOwnSettings() {
        Map<String, String> values = new HashMap<>(Map.of("jwtauth.secret", "0123456789abcdef0123456789abcdef",
                "jwtauth.audience", "app", "jwtauth.trusted.issuer", "https://idp.example",
                "jwtauth.trusted.jwksUrl", "https://idp.example/.well-known/jwks.json"));

        TrustedIssuerSettings trusted = parse(values).trustedIssuer().orElseThrow();

        assertEquals("app", trusted.audience());
        assertEquals(List.of(SigningAlgorithm.RS256), trusted.algorithms());
        assertEquals(Duration.ofMinutes(5), trusted.refreshInterval());
        assertEquals(Duration.ofSeconds(5), trusted.timeout());
        assertEquals("roles", trusted.rolesClaim());
    }

    @Test
    void trustedIssuerWithoutJwksUrlIsRefused() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(Map.of(
                "jwtauth.secret", "0123456789abcdef0123456789abcdef", "jwtauth.trusted.issuer", "https://idp")));

        assertEquals("jwtauth.trusted.jwksUrl", e.key());
    }

    @Test
    void trustedIssuerMayNotUseASharedSecretAlgorithm() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(Map.of(
                "jwtauth.secret", "0123456789abcdef0123456789abcdef", "jwtauth.trusted.issuer", "https://idp",
                "jwtauth.trusted.jwksUrl", "https://idp/jwks", "jwtauth.trusted.algorithms", "RS256,HS256")));

        assertEquals("jwtauth.trusted.algorithms", e.key());
    }

    @Test
    void jwksUrlMustBeHttpOrHttps() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(Map.of(
                "jwtauth.secret", "0123456789abcdef0123456789abcdef", "jwtauth.trusted.issuer", "https://idp",
                "jwtauth.trusted.jwksUrl", "file:/etc/passwd")));

        assertEquals("jwtauth.trusted.jwksUrl", e.key());
    }

    private static Settings parse(Map<String, String> values) {
        return new SettingsParser(ConfigSource.of(values), name -> null).parse();
    }
}
