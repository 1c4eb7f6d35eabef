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
import java.util.OptionalInt;

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
        values.put(ConfigKeys.SECRET, SECRET);
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
        assertEquals("jwt-servlet-auth/", s.audience());
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
                ConfigKeys.ISSUER, "https://issuer.example",
                ConfigKeys.AUDIENCE, "api://orders",
                ConfigKeys.ALGORITHM, "HS384",
                ConfigKeys.SECRET, SECRET + "-and-more-bytes-for-hs384",
                ConfigKeys.ACCESS_TOKEN_LIFETIME, "PT5M",
                ConfigKeys.REFRESH_TOKEN_LIFETIME, "P1D",
                ConfigKeys.SESSION_MAX_LIFETIME, "P30D",
                ConfigKeys.RETRY_WINDOW, "PT10S",
                ConfigKeys.CLOCK_SKEW, "PT1M",
                ConfigKeys.ROLES_CLAIM, "groups",
                ConfigKeys.AUTHENTICATOR, "com.example.Users",
                ConfigKeys.LOGIN_ROLES, " admin , user ,, ",
                ConfigKeys.STORE_URL, "jdbc:h2:mem:x",
                ConfigKeys.STORE_USER, "sa",
                ConfigKeys.STORE_PASSWORD, "db-pass",
                ConfigKeys.STORE_SCHEMA, "validate",
                ConfigKeys.CLEANUP_INTERVAL, "PT10M",
                ConfigKeys.REALM, "orders"));
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
    void parseWhenAudienceNotGivenThenIssuerPlusContextPathAndTheIssuerIsTheFormerDefault() {
        Settings orders = new SettingsParser(ConfigSource.of(withSecret()), name -> null).parse("/orders");
        Settings root = parse(withSecret(ConfigKeys.ISSUER, "https://issuer.example"));
        Settings withSlash = new SettingsParser(ConfigSource.of(withSecret(ConfigKeys.ISSUER,
                "https://issuer.example/")), name -> null).parse("/orders");

        assertEquals("jwt-servlet-auth/orders", orders.audience());
        assertEquals(Optional.of("jwt-servlet-auth"), orders.formerDefaultAudience());
        assertEquals("https://issuer.example/", root.audience());
        assertEquals(Optional.of("https://issuer.example"), root.formerDefaultAudience());
        assertEquals("https://issuer.example/orders", withSlash.audience());
        assertEquals(Optional.of("https://issuer.example/"), withSlash.formerDefaultAudience());
    }

    @Test
    void parseWhenIssuerWithSlashAtTheRootContextThenAudienceIsTheIssuerAndNoFormerDefault() {
        Settings s = parse(withSecret(ConfigKeys.ISSUER, "https://issuer.example/"));

        assertEquals("https://issuer.example/", s.audience());
        assertEquals(Optional.empty(), s.formerDefaultAudience());
    }

    @Test
    void parseWhenVerifierCacheSizeGivenThenZeroTurnsItOffAndNegativeOrHugeIsRefused() {
        assertEquals(10_000, parse(withSecret()).verifierCacheSize());
        assertEquals(0, parse(withSecret(ConfigKeys.VERIFIER_CACHE_SIZE, "0")).verifierCacheSize());
        refused(withSecret(ConfigKeys.VERIFIER_CACHE_SIZE, "-1"), ConfigKeys.VERIFIER_CACHE_SIZE);
        refused(withSecret(ConfigKeys.VERIFIER_CACHE_SIZE, "1000001"), ConfigKeys.VERIFIER_CACHE_SIZE);
    }

    @Test
    void parseWhenSessionKeysAbsentThenPollEveryTenSecondsKeepClientInfoAndNoLimitPerUser() {
        SessionSettings s = parse(withSecret()).sessions();

        assertEquals(Duration.ofSeconds(10), s.revocationPollInterval());
        assertTrue(s.keepsClientInfo());
        assertEquals(OptionalInt.empty(), s.maxPerUser());
    }

    @Test
    void parseWhenSessionKeysGivenThenTakenAndOutOfRangeValuesRefusedNamingTheKey() {
        SessionSettings s = parse(withSecret(ConfigKeys.REVOCATION_POLL_INTERVAL, "PT0.5S",
                ConfigKeys.SESSION_CLIENT_INFO, "false", ConfigKeys.SESSION_MAX_PER_USER, "3")).sessions();

        assertEquals(Duration.ofMillis(500), s.revocationPollInterval());
        assertFalse(s.keepsClientInfo());
        assertEquals(OptionalInt.of(3), s.maxPerUser());
        assertEquals(OptionalInt.empty(), parse(withSecret(ConfigKeys.SESSION_MAX_PER_USER, "0")).sessions()
                .maxPerUser());
        refused(withSecret(ConfigKeys.REVOCATION_POLL_INTERVAL, "PT0.05S"), ConfigKeys.REVOCATION_POLL_INTERVAL);
        refused(withSecret(ConfigKeys.REVOCATION_POLL_INTERVAL, "PT11M"), ConfigKeys.REVOCATION_POLL_INTERVAL);
        refused(withSecret(ConfigKeys.SESSION_CLIENT_INFO, "no"), ConfigKeys.SESSION_CLIENT_INFO);
        refused(withSecret(ConfigKeys.SESSION_MAX_PER_USER, "-1"), ConfigKeys.SESSION_MAX_PER_USER);
    }

    @Test
    void parseWhenAudienceGivenThenItWinsAndNoFormerDefaultIsAccepted() {
        Settings s = new SettingsParser(ConfigSource.of(withSecret(ConfigKeys.AUDIENCE, "api://orders")),
                name -> null).parse("/orders");

        assertEquals("api://orders", s.audience());
        assertEquals(Optional.empty(), s.formerDefaultAudience());
    }

    @Test
    void parseWhenDataSourceGivenThenItIsUsed() {
        Settings s = parse(withSecret(ConfigKeys.STORE_DATA_SOURCE, "java:comp/env/jdbc/AuthDB"));
        assertEquals(Optional.of("java:comp/env/jdbc/AuthDB"), s.store().dataSource());
    }

    @Test
    void parseWhenDataSourceAndUrlBothGivenThenRefusedNamingUrl() {
        refused(withSecret(ConfigKeys.STORE_DATA_SOURCE, "java:comp/env/jdbc/AuthDB",
                ConfigKeys.STORE_URL, "jdbc:h2:mem:x"), ConfigKeys.STORE_URL);
    }

    // --- secret -------------------------------------------------------------------------------------------

    @Test
    void parseWhenSecretMissingThenRefusedNamingSecret() {
        refused(new HashMap<>(), ConfigKeys.SECRET);
    }

    /** {@code n} characters that are not one repeated character (which is refused as no secret). */
    private static String varied(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + i % 26));
        }
        return b.toString();
    }

    @Test
    void parseWhenSecretIs31BytesThenRefusedAndAt32BytesAccepted() {
        refused(withSecret(ConfigKeys.SECRET, "a".repeat(31)), ConfigKeys.SECRET);
        assertEquals(32, parse(withSecret(ConfigKeys.SECRET, varied(32))).secret().length);
    }

    @Test
    void parseWhenSecretIsMultibyteTextThenUtf8BytesAreCountedNotCharacters() {
        // 16 characters, 32 UTF-8 bytes.
        assertEquals(32, parse(withSecret(ConfigKeys.SECRET, "\u00e9\u00e8".repeat(8))).secret().length);
    }

    @ParameterizedTest(name = "{0}: {1} bytes")
    @CsvSource({"HS384, 48", "HS512, 64"})
    void parseWhenSecretShorterThanTheHashOfTheAlgorithmThenRefusedNamingSecret(String algorithm, int minimumBytes) {
        refused(withSecret(ConfigKeys.ALGORITHM, algorithm, ConfigKeys.SECRET, "b".repeat(minimumBytes - 1)),
                ConfigKeys.SECRET);
        assertEquals(minimumBytes, parse(withSecret(ConfigKeys.ALGORITHM, algorithm,
                ConfigKeys.SECRET, varied(minimumBytes))).secret().length);
    }

    @Test
    void parseWhenSecretHasBase64PrefixThenDecodedBytesAreTheKey() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7 + 200);
        }
        Settings s = parse(withSecret(ConfigKeys.SECRET, "base64:" + Base64.getEncoder().encodeToString(key)));
        assertArrayEquals(key, s.secret());
    }

    @Test
    void parseWhenBase64SecretDecodesToFewerThan32BytesThenRefused() {
        // 44 characters of text, but only 31 bytes of key.
        String value = "base64:" + Base64.getEncoder().encodeToString(new byte[31]);
        assertTrue(value.length() > 32);
        refused(withSecret(ConfigKeys.SECRET, value), ConfigKeys.SECRET);
    }

    @Test
    void parseWhenBase64SecretIsNotBase64ThenRefusedWithoutEchoingIt() {
        String value = "base64:" + SECRET + "!!";
        ConfigurationException e = refused(withSecret(ConfigKeys.SECRET, value), ConfigKeys.SECRET);
        assertFalse(e.getMessage().contains(value));
    }

    @Test
    void parseWhenKeysGivenWithHmacAlgorithmThenRefusedNamingKeys() {
        refused(withSecret(ConfigKeys.KEYS, "/etc/keys.pem"), ConfigKeys.KEYS);
    }

    // --- algorithm ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"none", "hs256", "HS1", "PS384", "ES512", "garbage"})
    void parseWhenAlgorithmUnknownOrUnsupportedThenRefusedNamingAlgorithm(String alg) {
        refused(withSecret(ConfigKeys.ALGORITHM, alg), ConfigKeys.ALGORITHM);
    }

    // --- durations ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {ConfigKeys.ACCESS_TOKEN_LIFETIME, ConfigKeys.REFRESH_TOKEN_LIFETIME,
            ConfigKeys.SESSION_MAX_LIFETIME, ConfigKeys.RETRY_WINDOW, ConfigKeys.CLOCK_SKEW,
            ConfigKeys.CLEANUP_INTERVAL})
    void parseWhenDurationIsNotIso8601ThenRefusedNamingThatKey(String key) {
        refused(withSecret(key, "15 minutes"), key);
        refused(withSecret(key, "900"), key);
        refused(withSecret(key, "P1Y"), key);
        refused(withSecret(key, "PT9999999999999999999H"), key);
    }

    @ParameterizedTest
    @ValueSource(strings = {ConfigKeys.ACCESS_TOKEN_LIFETIME, ConfigKeys.REFRESH_TOKEN_LIFETIME,
            ConfigKeys.SESSION_MAX_LIFETIME, ConfigKeys.CLEANUP_INTERVAL})
    void parseWhenLifetimeIsZeroOrNegativeThenRefusedNamingThatKey(String key) {
        refused(withSecret(key, "PT0S"), key);
        refused(withSecret(key, "-PT15M"), key);
        refused(withSecret(key, "PT0.5S"), key);
    }

    @Test
    void parseWhenLifetimesExceedTheirUpperBoundsThenRefusedNamingTheKey() {
        refused(withSecret(ConfigKeys.ACCESS_TOKEN_LIFETIME, "PT24H1S"), ConfigKeys.ACCESS_TOKEN_LIFETIME);
        refused(withSecret(ConfigKeys.SESSION_MAX_LIFETIME, "P3651D"), ConfigKeys.SESSION_MAX_LIFETIME);
        refused(withSecret(ConfigKeys.CLEANUP_INTERVAL, "P3651D"), ConfigKeys.CLEANUP_INTERVAL);
    }

    @Test
    void parseWhenRetryWindowLongerThan60SecondsThenRefused() {
        refused(withSecret(ConfigKeys.RETRY_WINDOW, "PT61S"), ConfigKeys.RETRY_WINDOW);
        refused(withSecret(ConfigKeys.RETRY_WINDOW, "PT1M0.001S"), ConfigKeys.RETRY_WINDOW);
        assertEquals(Duration.ofSeconds(60), parse(withSecret(ConfigKeys.RETRY_WINDOW, "PT60S")).retryWindow());
    }

    @Test
    void parseWhenRetryWindowNegativeThenRefused() {
        refused(withSecret(ConfigKeys.RETRY_WINDOW, "-PT1S"), ConfigKeys.RETRY_WINDOW);
    }

    @Test
    void parseWhenClockSkewNegativeOrAboveFiveMinutesThenRefused() {
        refused(withSecret(ConfigKeys.CLOCK_SKEW, "-PT1S"), ConfigKeys.CLOCK_SKEW);
        refused(withSecret(ConfigKeys.CLOCK_SKEW, "PT5M1S"), ConfigKeys.CLOCK_SKEW);
        assertEquals(Duration.ZERO, parse(withSecret(ConfigKeys.CLOCK_SKEW, "PT0S")).clockSkew());
    }

    @Test
    void parseWhenRefreshLifetimeLongerThanSessionThenRefusedNamingRefreshLifetime() {
        refused(withSecret(ConfigKeys.REFRESH_TOKEN_LIFETIME, "P31D", ConfigKeys.SESSION_MAX_LIFETIME, "P30D"),
                ConfigKeys.REFRESH_TOKEN_LIFETIME);
    }

    // --- schema -------------------------------------------------------------------------------------------

    @Test
    void parseWhenSchemaIsCreateValidateOrNoneInAnyCaseThenAccepted() {
        assertEquals(SchemaMode.CREATE, parse(withSecret(ConfigKeys.STORE_SCHEMA, "create")).store().schema());
        assertEquals(SchemaMode.VALIDATE, parse(withSecret(ConfigKeys.STORE_SCHEMA, "VALIDATE")).store().schema());
        assertEquals(SchemaMode.NONE, parse(withSecret(ConfigKeys.STORE_SCHEMA, "None")).store().schema());
    }

    @ParameterizedTest
    @ValueSource(strings = {"update", "drop-and-create", "yes"})
    void parseWhenSchemaUnknownThenRefusedNamingSchema(String value) {
        refused(withSecret(ConfigKeys.STORE_SCHEMA, value), ConfigKeys.STORE_SCHEMA);
    }

    // --- what is logged -----------------------------------------------------------------------------------

    @Test
    void summaryWhenSecretAndStorePasswordGivenThenNeitherAppears() {
        String password = "Db-Passw0rd-xyz";
        Settings s = parse(withSecret(ConfigKeys.STORE_URL, "jdbc:postgresql://db/auth",
                ConfigKeys.STORE_USER, "auth", ConfigKeys.STORE_PASSWORD, password));
        assertFalse(s.summary().contains(SECRET));
        assertFalse(s.summary().contains(password));
        assertFalse(s.toString().contains(SECRET));
        assertFalse(s.toString().contains(password));
        assertTrue(s.summary().contains("jdbc:postgresql://db/auth"), s.summary());
    }

    @Test
    void summaryWhenPasswordIsInTheJdbcUrlParametersThenItIsCutOff() {
        String password = "Db-Passw0rd-xyz";
        Settings query = parse(withSecret(ConfigKeys.STORE_URL,
                "jdbc:postgresql://db/auth?user=auth&password=" + password));
        Settings h2 = parse(withSecret(ConfigKeys.STORE_URL, "jdbc:h2:./auth;USER=sa;PASSWORD=" + password));
        assertFalse(query.summary().contains(password), query.summary());
        assertFalse(h2.summary().contains(password), h2.summary());
    }

    @Test
    void summaryWhenPasswordIsInTheJdbcUrlUserInfoThenItIsMasked() {
        String password = "Db-Passw0rd-xyz";
        Settings mysql = parse(withSecret(ConfigKeys.STORE_URL, "jdbc:mysql://auth:" + password + "@db:3306/auth",
                ConfigKeys.STORE_PASSWORD, password));
        Settings oracle = parse(withSecret(ConfigKeys.STORE_URL, "jdbc:oracle:thin:auth/" + password + "@db:1521:orcl",
                ConfigKeys.STORE_PASSWORD, password));
        assertFalse(mysql.summary().contains(password), mysql.summary());
        assertFalse(oracle.summary().contains(password), oracle.summary());
        assertTrue(mysql.summary().contains("db:3306/auth"), mysql.summary());
        assertTrue(oracle.summary().contains("db:1521:orcl"), oracle.summary());
    }

    @Test
    void summaryWhenBase64SecretThenNeitherEncodedNorDecodedSecretAppears() {
        String encoded = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
        Settings s = parse(withSecret(ConfigKeys.SECRET, "base64:" + encoded));
        assertFalse(s.summary().contains(encoded));
        assertFalse(s.summary().contains(SECRET));
    }

    @Test
    void secretWhenCallerChangesTheReturnedArrayThenTheKeyIsUnchanged() {
        Settings s = parse(withSecret());
        s.secret()[0] ^= 1;
        assertArrayEquals(SECRET.getBytes(StandardCharsets.UTF_8), s.secret());
    }

    @Test
    void parseWhenRefreshTokenCookieNotSetThenTheRefreshTokenTravelsInJsonAsBefore() {
        assertFalse(parse(withSecret()).refreshTokenCookie());
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True"})
    void parseWhenRefreshTokenCookieIsTrueInAnyCaseThenCookieModeIsOn(String value) {
        Settings s = parse(withSecret(ConfigKeys.REFRESH_TOKEN_COOKIE, value));
        assertTrue(s.refreshTokenCookie());
        assertTrue(s.summary().contains("refreshToken.cookie=true"), s.summary());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "on"})
    void parseWhenRefreshTokenCookieIsNeitherTrueNorFalseThenRefusedNamingTheKey(String value) {
        ConfigurationException e = refused(withSecret(ConfigKeys.REFRESH_TOKEN_COOKIE, value),
                ConfigKeys.REFRESH_TOKEN_COOKIE);
        assertTrue(e.getMessage().contains("true or false"), e.getMessage());
    }

    @Test
    void eventListenersWhenNotSetThenNoneAndWhenClassNamesThenEachInOrderAndInTheSummary() {
        assertEquals(List.of(), parse(withSecret()).eventListeners());
        Settings s = parse(withSecret(ConfigKeys.EVENTS_LISTENERS, " com.example.Audit , com.example.Siem$Bridge "));
        assertEquals(List.of("com.example.Audit", "com.example.Siem$Bridge"), s.eventListeners());
        assertTrue(s.summary().contains("events.listeners=com.example.Audit,com.example.Siem$Bridge"), s.summary());
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example.", "com example.Audit", "1com.Audit", "com..Audit", "com.example.Audit;x"})
    void eventListenersWhenNotAClassNameThenRefusedNamingTheKey(String value) {
        refused(withSecret(ConfigKeys.EVENTS_LISTENERS, value), ConfigKeys.EVENTS_LISTENERS);
    }
}
