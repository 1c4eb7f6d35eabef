package org.jwtauth.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsParserTest {

    /** 40 bytes: long enough for HS256, distinctive enough to search for in messages. */
    static final String SECRET = "Sup3r-Secret-Value-0123456789-abcdefghij";

    static Settings parse(Map<String, String> values) {
        return new SettingsParser(ConfigSource.of(values), name -> null).parse();
    }

    static Map<String, String> withSecret(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        values.put(SettingsParser.SECRET, SECRET);
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return values;
    }

    static ConfigurationException refused(Map<String, String> values, String expectedKey) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(values));
        assertEquals(expectedKey, e.key());
        assertTrue(e.getMessage().startsWith(expectedKey + ": "), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), "message must not contain the secret");
        return e;
    }

    @Test
    void parseWhenOnlySecretGivenThenEveryOtherKeyHasItsDocumentedDefault() {
        Settings s = parse(withSecret());
        assertEquals("jwt-servlet-auth", s.issuer());
        assertEquals("jwt-servlet-auth", s.audience());
        assertEquals(SigningAlgorithm.HS256, s.algorithm());
        assertArrayEquals(SECRET.getBytes(StandardCharsets.UTF_8), s.secret());
        assertEquals(Duration.ofMinutes(15), s.accessTokenLifetime());
        assertEquals(Duration.ofDays(14), s.refreshTokenLifetime());
        assertEquals(Duration.ofDays(90), s.sessionMaxLifetime());
        assertEquals(Duration.ZERO, s.retryWindow());
        assertEquals(Duration.ofSeconds(30), s.clockSkew());
        assertEquals(Duration.ofHours(1), s.cleanupInterval());
        assertEquals("roles", s.rolesClaim());
        assertEquals("container", s.authenticator());
        assertEquals(List.of(), s.loginRoles());
        assertEquals(Optional.empty(), s.store().dataSource());
        assertEquals(Optional.empty(), s.store().url());
        assertEquals(Optional.empty(), s.store().user());
        assertEquals(Optional.empty(), s.store().password());
        assertEquals(SchemaMode.CREATE, s.store().schema());
        assertEquals(Optional.empty(), s.realm());
    }

    @Test
    void parseWhenEveryKeyGivenThenEveryValueIsUsed() {
        Settings s = parse(withSecret(
                SettingsParser.ISSUER, "https://issuer.example",
                SettingsParser.AUDIENCE, "api://orders",
                SettingsParser.ALGORITHM, "HS384",
                SettingsParser.SECRET, SECRET + "-and-more-bytes-for-hs384",
                SettingsParser.ACCESS_TOKEN_LIFETIME, "PT5M",
                SettingsParser.REFRESH_TOKEN_LIFETIME, "P1D",
                SettingsParser.SESSION_MAX_LIFETIME, "P30D",
                SettingsParser.RETRY_WINDOW, "PT10S",
                SettingsParser.CLOCK_SKEW, "PT1M",
                SettingsParser.ROLES_CLAIM, "groups",
                SettingsParser.AUTHENTICATOR, "com.example.Users",
                SettingsParser.LOGIN_ROLES, " admin , user ,, ",
                SettingsParser.STORE_URL, "jdbc:h2:mem:x",
                SettingsParser.STORE_USER, "sa",
                SettingsParser.STORE_PASSWORD, "db-pass",
                SettingsParser.STORE_SCHEMA, "validate",
                SettingsParser.CLEANUP_INTERVAL, "PT10M",
                SettingsParser.REALM, "orders"));
        assertEquals("https://issuer.example", s.issuer());
        assertEquals("api://orders", s.audience());
        assertEquals(SigningAlgorithm.HS384, s.algorithm());
        assertEquals(Duration.ofMinutes(5), s.accessTokenLifetime());
        assertEquals(Duration.ofDays(1), s.refreshTokenLifetime());
        assertEquals(Duration.ofDays(30), s.sessionMaxLifetime());
        assertEquals(Duration.ofSeconds(10), s.retryWindow());
        assertEquals(Duration.ofMinutes(1), s.clockSkew());
        assertEquals(Duration.ofMinutes(10), s.cleanupInterval());
        assertEquals("groups", s.rolesClaim());
        assertEquals("com.example.Users", s.authenticator());
        assertEquals(List.of("admin", "user"), s.loginRoles());
        assertEquals(Optional.of("jdbc:h2:mem:x"), s.store().url());
        assertEquals(Optional.of("sa"), s.store().user());
        assertEquals(Optional.of("db-pass"), s.store().password());
        assertEquals(SchemaMode.VALIDATE, s.store().schema());
        assertEquals(Optional.of("orders"), s.realm());
    }

    @Test
    void parseWhenIssuerGivenWithoutAudienceThenAudienceIsTheIssuer() {
        assertEquals("https://issuer.example",
                parse(withSecret(SettingsParser.ISSUER, "https://issuer.example")).audience());
    }

    @Test
    void parseWhenDataSourceGivenThenItIsUsed() {
        Settings s = parse(withSecret(SettingsParser.STORE_DATA_SOURCE, "java:comp/env/jdbc/AuthDB"));
        assertEquals(Optional.of("java:comp/env/jdbc/AuthDB"), s.store().dataSource());
    }

    @Test
    void parseWhenDataSourceAndUrlBothGivenThenRefusedNamingUrl() {
        refused(withSecret(SettingsParser.STORE_DATA_SOURCE, "java:comp/env/jdbc/AuthDB",
                SettingsParser.STORE_URL, "jdbc:h2:mem:x"), SettingsParser.STORE_URL);
    }

    // --- secret -------------------------------------------------------------------------------------------

    @Test
    void parseWhenSecretMissingThenRefusedNamingSecret() {
        refused(new HashMap<>(), SettingsParser.SECRET);
    }

    @Test
    void parseWhenSecretIs31BytesThenRefusedAndAt32BytesAccepted() {
        refused(withSecret(SettingsParser.SECRET, "a".repeat(31)), SettingsParser.SECRET);
        assertEquals(32, parse(withSecret(SettingsParser.SECRET, "a".repeat(32))).secret().length);
    }

    @Test
    void parseWhenSecretIsMultibyteTextThenUtf8BytesAreCountedNotCharacters() {
        // 16 characters, 32 UTF-8 bytes.
        assertEquals(32, parse(withSecret(SettingsParser.SECRET, "\u00e9".repeat(16))).secret().length);
    }

    @ParameterizedTest(name = "{0}: {1} bytes")
    @CsvSource({"HS384, 48", "HS512, 64"})
    void parseWhenSecretShorterThanTheHashOfTheAlgorithmThenRefusedNamingSecret(String algorithm, int minimumBytes) {
        refused(withSecret(SettingsParser.ALGORITHM, algorithm, SettingsParser.SECRET, "b".repeat(minimumBytes - 1)),
                SettingsParser.SECRET);
        assertEquals(minimumBytes, parse(withSecret(SettingsParser.ALGORITHM, algorithm,
                SettingsParser.SECRET, "b".repeat(minimumBytes))).secret().length);
    }

    @Test
    void parseWhenSecretHasBase64PrefixThenDecodedBytesAreTheKey() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7 + 200);
        }
        Settings s = parse(withSecret(SettingsParser.SECRET, "base64:" + Base64.getEncoder().encodeToString(key)));
        assertArrayEquals(key, s.secret());
    }

    @Test
    void parseWhenBase64SecretDecodesToFewerThan32BytesThenRefused() {
        // 44 characters of text, but only 31 bytes of key.
        String value = "base64:" + Base64.getEncoder().encodeToString(new byte[31]);
        assertTrue(value.length() > 32);
        refused(withSecret(SettingsParser.SECRET, value), SettingsParser.SECRET);
    }

    @Test
    void parseWhenBase64SecretIsNotBase64ThenRefusedWithoutEchoingIt() {
        String value = "base64:" + SECRET + "!!";
        ConfigurationException e = refused(withSecret(SettingsParser.SECRET, value), SettingsParser.SECRET);
        assertFalse(e.getMessage().contains(value));
    }

    @Test
    void parseWhenKeysGivenWithHmacAlgorithmThenRefusedNamingKeys() {
        refused(withSecret(SettingsParser.KEYS, "/etc/keys.pem"), SettingsParser.KEYS);
    }

    // --- algorithm ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"none", "hs256", "HS1", "PS384", "ES512", "garbage"})
    void parseWhenAlgorithmUnknownOrUnsupportedThenRefusedNamingAlgorithm(String alg) {
        refused(withSecret(SettingsParser.ALGORITHM, alg), SettingsParser.ALGORITHM);
    }

    // --- durations ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {SettingsParser.ACCESS_TOKEN_LIFETIME, SettingsParser.REFRESH_TOKEN_LIFETIME,
            SettingsParser.SESSION_MAX_LIFETIME, SettingsParser.RETRY_WINDOW, SettingsParser.CLOCK_SKEW,
            SettingsParser.CLEANUP_INTERVAL})
    void parseWhenDurationIsNotIso8601ThenRefusedNamingThatKey(String key) {
        refused(withSecret(key, "15 minutes"), key);
        refused(withSecret(key, "900"), key);
        refused(withSecret(key, "P1Y"), key);
        refused(withSecret(key, "PT9999999999999999999H"), key);
    }

    @ParameterizedTest
    @ValueSource(strings = {SettingsParser.ACCESS_TOKEN_LIFETIME, SettingsParser.REFRESH_TOKEN_LIFETIME,
            SettingsParser.SESSION_MAX_LIFETIME, SettingsParser.CLEANUP_INTERVAL})
    void parseWhenLifetimeIsZeroOrNegativeThenRefusedNamingThatKey(String key) {
        refused(withSecret(key, "PT0S"), key);
        refused(withSecret(key, "-PT15M"), key);
        refused(withSecret(key, "PT0.5S"), key);
    }

    @Test
    void parseWhenLifetimesExceedTheirUpperBoundsThenRefusedNamingTheKey() {
        refused(withSecret(SettingsParser.ACCESS_TOKEN_LIFETIME, "PT24H1S"), SettingsParser.ACCESS_TOKEN_LIFETIME);
        refused(withSecret(SettingsParser.SESSION_MAX_LIFETIME, "P3651D"), SettingsParser.SESSION_MAX_LIFETIME);
        refused(withSecret(SettingsParser.CLEANUP_INTERVAL, "P3651D"), SettingsParser.CLEANUP_INTERVAL);
    }

    @Test
    void parseWhenRetryWindowLongerThan60SecondsThenRefused() {
        refused(withSecret(SettingsParser.RETRY_WINDOW, "PT61S"), SettingsParser.RETRY_WINDOW);
        refused(withSecret(SettingsParser.RETRY_WINDOW, "PT1M0.001S"), SettingsParser.RETRY_WINDOW);
        assertEquals(Duration.ofSeconds(60), parse(withSecret(SettingsParser.RETRY_WINDOW, "PT60S")).retryWindow());
    }

    @Test
    void parseWhenRetryWindowNegativeThenRefused() {
        refused(withSecret(SettingsParser.RETRY_WINDOW, "-PT1S"), SettingsParser.RETRY_WINDOW);
    }

    @Test
    void parseWhenClockSkewNegativeOrAboveFiveMinutesThenRefused() {
        refused(withSecret(SettingsParser.CLOCK_SKEW, "-PT1S"), SettingsParser.CLOCK_SKEW);
        refused(withSecret(SettingsParser.CLOCK_SKEW, "PT5M1S"), SettingsParser.CLOCK_SKEW);
        assertEquals(Duration.ZERO, parse(withSecret(SettingsParser.CLOCK_SKEW, "PT0S")).clockSkew());
    }

    @Test
    void parseWhenRefreshLifetimeLongerThanSessionThenRefusedNamingRefreshLifetime() {
        refused(withSecret(SettingsParser.REFRESH_TOKEN_LIFETIME, "P31D", SettingsParser.SESSION_MAX_LIFETIME, "P30D"),
                SettingsParser.REFRESH_TOKEN_LIFETIME);
    }

    // --- schema -------------------------------------------------------------------------------------------

    @Test
    void parseWhenSchemaIsCreateValidateOrNoneInAnyCaseThenAccepted() {
        assertEquals(SchemaMode.CREATE, parse(withSecret(SettingsParser.STORE_SCHEMA, "create")).store().schema());
        assertEquals(SchemaMode.VALIDATE, parse(withSecret(SettingsParser.STORE_SCHEMA, "VALIDATE")).store().schema());
        assertEquals(SchemaMode.NONE, parse(withSecret(SettingsParser.STORE_SCHEMA, "None")).store().schema());
    }

    @ParameterizedTest
    @ValueSource(strings = {"update", "drop-and-create", "yes"})
    void parseWhenSchemaUnknownThenRefusedNamingSchema(String value) {
        refused(withSecret(SettingsParser.STORE_SCHEMA, value), SettingsParser.STORE_SCHEMA);
    }

    // --- what is logged -----------------------------------------------------------------------------------

    @Test
    void summaryWhenSecretAndStorePasswordGivenThenNeitherAppears() {
        String password = "Db-Passw0rd-xyz";
        Settings s = parse(withSecret(SettingsParser.STORE_URL, "jdbc:postgresql://db/auth",
                SettingsParser.STORE_USER, "auth", SettingsParser.STORE_PASSWORD, password));
        assertFalse(s.summary().contains(SECRET));
        assertFalse(s.summary().contains(password));
        assertFalse(s.toString().contains(SECRET));
        assertFalse(s.toString().contains(password));
        assertTrue(s.summary().contains("jdbc:postgresql://db/auth"), s.summary());
    }

    @Test
    void summaryWhenPasswordIsInTheJdbcUrlParametersThenItIsCutOff() {
        String password = "Db-Passw0rd-xyz";
        Settings query = parse(withSecret(SettingsParser.STORE_URL,
                "jdbc:postgresql://db/auth?user=auth&password=" + password));
        Settings h2 = parse(withSecret(SettingsParser.STORE_URL, "jdbc:h2:./auth;USER=sa;PASSWORD=" + password));
        assertFalse(query.summary().contains(password), query.summary());
        assertFalse(h2.summary().contains(password), h2.summary());
    }

    @Test
    void summaryWhenPasswordIsInTheJdbcUrlUserInfoThenItIsMasked() {
        String password = "Db-Passw0rd-xyz";
        Settings mysql = parse(withSecret(SettingsParser.STORE_URL, "jdbc:mysql://auth:" + password + "@db:3306/auth",
                SettingsParser.STORE_PASSWORD, password));
        Settings oracle = parse(withSecret(SettingsParser.STORE_URL, "jdbc:oracle:thin:auth/" + password + "@db:1521:orcl",
                SettingsParser.STORE_PASSWORD, password));
        assertFalse(mysql.summary().contains(password), mysql.summary());
        assertFalse(oracle.summary().contains(password), oracle.summary());
        assertTrue(mysql.summary().contains("db:3306/auth"), mysql.summary());
        assertTrue(oracle.summary().contains("db:1521:orcl"), oracle.summary());
    }

    @Test
    void summaryWhenBase64SecretThenNeitherEncodedNorDecodedSecretAppears() {
        String encoded = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
        Settings s = parse(withSecret(SettingsParser.SECRET, "base64:" + encoded));
        assertFalse(s.summary().contains(encoded));
        assertFalse(s.summary().contains(SECRET));
    }

    @Test
    void secretWhenCallerChangesTheReturnedArrayThenTheKeyIsUnchanged() {
        Settings s = parse(withSecret());
        s.secret()[0] ^= 1;
        assertArrayEquals(SECRET.getBytes(StandardCharsets.UTF_8), s.secret());
    }
}
