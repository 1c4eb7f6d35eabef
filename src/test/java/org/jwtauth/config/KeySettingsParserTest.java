package org.jwtauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KeySettingsParserTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void parseWhenKeysAreACommaSeparatedListOfPlainOrFilePrefixedPathsThenEachIsAKeyFile() {
        Settings settings = parse("jwtauth.algorithm", "ES256",
                "jwtauth.keys", "/etc/jwt/current.pem , file:/etc/jwt/previous.pem");

        assertEquals(SigningAlgorithm.ES256, settings.algorithm());
        assertEquals(List.of(Paths.get("/etc/jwt/current.pem"), Paths.get("/etc/jwt/previous.pem")),
                settings.keyFiles());
    }

    @Test
    void parseWhenAsymmetricAlgorithmHasNoKeysThenRefusedNamingKeys() {
        refused("jwtauth.keys", "jwtauth.algorithm", "RS256");
    }

    @Test
    void parseWhenSecretGivenWithAnAsymmetricAlgorithmThenRefusedNamingSecret() {
        refused("jwtauth.secret", "jwtauth.algorithm", "EdDSA", "jwtauth.keys", "/k.pem", "jwtauth.secret", SECRET);
    }

    @Test
    void parseWhenAlgorithmUnknownThenRefusedListingTheAcceptedOnes() {
        ConfigurationException e = refused("jwtauth.algorithm", "jwtauth.algorithm", "none");

        assertTrue(e.getMessage().contains("PS256") && e.getMessage().contains("EdDSA"), e.getMessage());
    }

    @Test
    void parseWhenOnlyTrustedIssuerAndJwksUrlGivenThenTheRestDefaultsToOurOwnSettings() {
        TrustedIssuerSettings trusted = parse("jwtauth.secret", SECRET, "jwtauth.audience", "app",
                "jwtauth.trusted.issuer", "https://idp.example",
                "jwtauth.trusted.jwksUrl", "https://idp.example/.well-known/jwks.json").trustedIssuer().orElseThrow();

        assertEquals("app", trusted.audience());
        assertEquals(List.of(SigningAlgorithm.RS256), trusted.algorithms());
        assertEquals(Duration.ofMinutes(5), trusted.refreshInterval());
        assertEquals(Duration.ofSeconds(5), trusted.timeout());
        assertEquals("roles", trusted.rolesClaim());
        assertEquals(Duration.ofHours(3), trusted.maxStaleAge(), "three cache lifetimes");
        assertFalse(trusted.refuseNonce());
    }

    @Test
    void parseWhenTrustedMaxStaleAgeIsShorterThanTheCacheLifetimeThenRefusedNamingIt() {
        refused("jwtauth.trusted.maxStaleAge", "jwtauth.secret", SECRET, "jwtauth.trusted.issuer", "https://idp.example",
                "jwtauth.trusted.jwksUrl", "https://idp.example/jwks", "jwtauth.trusted.cacheLifetime", "PT1H",
                "jwtauth.trusted.maxStaleAge", "PT59M");
    }

    @Test
    void parseWhenTrustedRefuseNonceIsNeitherTrueNorFalseThenRefusedNamingIt() {
        refused("jwtauth.trusted.refuseNonce", "jwtauth.secret", SECRET, "jwtauth.trusted.issuer",
                "https://idp.example", "jwtauth.trusted.jwksUrl", "https://idp.example/jwks",
                "jwtauth.trusted.refuseNonce", "yes");
    }

    @Test
    void parseWhenNeitherAudienceIsGivenThenTheTrustedAudienceIsOurIssuerAsBeforeTheDefaultBecamePerApplication() {
        // The other issuer cannot know our context path: its tokens keep the audience they had.
        TrustedIssuerSettings trusted = parse("jwtauth.secret", SECRET, "jwtauth.issuer", "https://api.example",
                "jwtauth.trusted.issuer", "https://idp.example",
                "jwtauth.trusted.jwksUrl", "https://idp.example/.well-known/jwks.json").trustedIssuer().orElseThrow();

        assertEquals("https://api.example", trusted.audience());
    }

    @Test
    void parseWhenTrustedIssuerHasNoJwksUrlThenRefusedNamingJwksUrl() {
        refused("jwtauth.trusted.jwksUrl", "jwtauth.secret", SECRET, "jwtauth.trusted.issuer", "https://idp");
    }

    @Test
    void parseWhenTrustedIssuerAlgorithmsIncludeASharedSecretOneThenRefusedNamingAlgorithms() {
        refused("jwtauth.trusted.algorithms", "jwtauth.secret", SECRET, "jwtauth.trusted.issuer", "https://idp",
                "jwtauth.trusted.jwksUrl", "https://idp/jwks", "jwtauth.trusted.algorithms", "RS256,HS256");
    }

    @Test
    void parseWhenJwksUrlIsNeitherHttpNorHttpsThenRefusedNamingJwksUrl() {
        refused("jwtauth.trusted.jwksUrl", "jwtauth.secret", SECRET, "jwtauth.trusted.issuer", "https://idp",
                "jwtauth.trusted.jwksUrl", "file:/etc/passwd");
    }

    private static Settings parse(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return new SettingsParser(ConfigSource.of(values), name -> null).parse();
    }

    private static ConfigurationException refused(String expectedKey, String... keyValues) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(keyValues));
        assertEquals(expectedKey, e.key());
        return e;
    }
}
