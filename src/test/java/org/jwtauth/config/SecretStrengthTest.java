package org.jwtauth.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How a configured HMAC secret is judged (RFC 7518 section 3.2, RFC 8725 section 3.5): below the algorithm's
 * minimum estimated strength it starts with a warning naming the key; values that cannot be secrets are refused;
 * {@code jwtauth.secret.previous} follows the same rules and only with HS*.
 */
class SecretStrengthTest {

    private static final String STRONG = "hostile-suite-secret-7Qk2vX9pLm4Rt8Zw-0123456789";

    private static Settings parse(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return new SettingsParser(ConfigSource.of(map), n -> null).parse();
    }

    @Test
    void estimatedBitsWhenHexBase64OrTextThenLengthTimesTheBitsOfItsAlphabet() {
        assertEquals(128, SecretStrength.estimatedBits("0123456789abcdef0123456789abcdef"));
        assertEquals(256, SecretStrength.estimatedBits("0123456789abcdef".repeat(4)));
        assertEquals(240, SecretStrength.estimatedBits("base64:" + "Zm9vYmFy".repeat(5)));
        assertEquals(172, SecretStrength.estimatedBits("base64:" + Base64.getEncoder().encodeToString(new byte[32])));
        assertEquals(288, SecretStrength.estimatedBits(STRONG));
        assertEquals(210, SecretStrength.estimatedBits("correct horse battery staple!!!!"));
    }

    @Test
    void warningWhenBelowTheMinimumThenNamesTheKeyAndNeverTheValue() {
        String value = "0123456789abcdef0123456789abcdef";
        String warning = SecretStrength.warning(ConfigKeys.SECRET, value, 256, "HS256").orElseThrow();
        assertTrue(warning.startsWith(ConfigKeys.SECRET + " "), warning);
        assertFalse(warning.contains(value), warning);
        assertFalse(warning.contains("0123456789"), warning);
        assertTrue(SecretStrength.warning(ConfigKeys.SECRET, STRONG, 256, "HS256").isEmpty());
    }

    @Test
    void parseWhenTheSecretIsWeakButLongEnoughThenItStillStarts() {
        assertEquals(32, parse(ConfigKeys.SECRET, "0123456789abcdef0123456789abcdef").secret().length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "a-string-secret-at-least-256-bits-long",
            "A-STRING-SECRET-AT-LEAST-256-BITS-LONG", "base64:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="})
    void parseWhenTheSecretCannotBeASecretThenRefusedNamingTheKeyWithoutTheValue(String value) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(ConfigKeys.SECRET, value));
        assertEquals(ConfigKeys.SECRET, e.key());
        assertFalse(e.getMessage().contains(value), e.getMessage());
    }

    @Test
    void parseWhenAPreviousSecretIsGivenThenItIsKeptForVerificationAndJudgedLikeTheSecret() {
        String previous = "previous-secret-Hk29sLq0Zx71Vb3Nm8Rt-abcdefgh";
        Settings s = parse(ConfigKeys.SECRET, STRONG, ConfigKeys.SECRET_PREVIOUS, previous);
        assertArrayEquals(previous.getBytes(StandardCharsets.UTF_8), s.previousSecret());
        assertEquals(0, parse(ConfigKeys.SECRET, STRONG).previousSecret().length);
        ConfigurationException tooShort = assertThrows(ConfigurationException.class,
                () -> parse(ConfigKeys.SECRET, STRONG, ConfigKeys.SECRET_PREVIOUS, "short"));
        assertEquals(ConfigKeys.SECRET_PREVIOUS, tooShort.key());
    }

    @Test
    void parseWhenAPreviousSecretIsGivenWithAnAsymmetricAlgorithmThenRefusedNamingIt() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(ConfigKeys.ALGORITHM,
                "RS256", ConfigKeys.KEYS, "/nonexistent.pem", ConfigKeys.SECRET_PREVIOUS, STRONG));
        assertEquals(ConfigKeys.SECRET_PREVIOUS, e.key());
    }
}
