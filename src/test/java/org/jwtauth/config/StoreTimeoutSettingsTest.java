package org.jwtauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code jwtauth.store.connectTimeout}, {@code jwtauth.store.queryTimeout} and {@code jwtauth.store.poolSize} (formerly {@code maxConnections}). */
class StoreTimeoutSettingsTest {

    private static Settings parse(String... keyValues) {
        Map<String, String> params = new HashMap<>();
        params.put(ConfigKeys.SECRET, "0123456789abcdef0123456789abcdef");
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return new SettingsParser(ConfigSource.of(params), n -> null).parse();
    }

    @Test
    void timeoutsWhenNotConfiguredThenFiveSecondsEach() {
        StoreSettings store = parse().store();
        assertEquals(Duration.ofSeconds(5), store.connectTimeout());
        assertEquals(Duration.ofSeconds(5), store.queryTimeout());
    }

    @Test
    void timeoutsWhenConfiguredThenTaken() {
        StoreSettings store = parse(ConfigKeys.STORE_CONNECT_TIMEOUT, "PT2S",
                ConfigKeys.STORE_QUERY_TIMEOUT, "PT1M").store();
        assertEquals(Duration.ofSeconds(2), store.connectTimeout());
        assertEquals(Duration.ofMinutes(1), store.queryTimeout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT0.5S", "PT1.5S", "PT11M", "-PT5S", "5", "five seconds"})
    void connectTimeoutWhenNotWholeSecondsFromOneSecondToTenMinutesThenStartFailsNamingTheKey(String value) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse(ConfigKeys.STORE_CONNECT_TIMEOUT, value));
        assertEquals(ConfigKeys.STORE_CONNECT_TIMEOUT, e.key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT0.5S", "PT11M"})
    void queryTimeoutWhenOutOfRangeThenStartFailsNamingTheKey(String value) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse(ConfigKeys.STORE_QUERY_TIMEOUT, value));
        assertEquals(ConfigKeys.STORE_QUERY_TIMEOUT, e.key());
        assertTrue(e.getMessage().contains("PT1S"), e.getMessage());
    }

    @Test
    void summaryWhenStoreSettingsParsedThenBothTimeoutsAreShownForTheOperator() {
        String summary = parse(ConfigKeys.STORE_QUERY_TIMEOUT, "PT7S").summary();
        assertTrue(summary.contains("queryTimeout PT7S"), summary);
        assertTrue(summary.contains("connectTimeout PT5S"), summary);
    }

    @Test
    void poolSizeWhenNotConfiguredThenTen() {
        assertEquals(10, parse(ConfigKeys.STORE_URL, "jdbc:postgresql://db/app").store().poolSize());
    }

    @Test
    void poolSizeWhenOnlyTheFormerMaxConnectionsIsSetThenThatIsThePoolSize() {
        assertEquals(7, parse(ConfigKeys.STORE_URL, "jdbc:postgresql://db/app", ConfigKeys.STORE_MAX_CONNECTIONS, "7")
                .store().poolSize());
        assertEquals(4, parse(ConfigKeys.STORE_URL, "jdbc:postgresql://db/app", ConfigKeys.STORE_POOL_SIZE, "4")
                .store().poolSize());
    }

    @Test
    void poolSizeWhenSetTogetherWithTheFormerMaxConnectionsThenStartFailsNamingTheFormerKey() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(
                ConfigKeys.STORE_POOL_SIZE, "5", ConfigKeys.STORE_MAX_CONNECTIONS, "5"));
        assertEquals(ConfigKeys.STORE_MAX_CONNECTIONS, e.key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1001", "ten", "2.5"})
    void poolSizeWhenNotAWholeNumberFromOneToAThousandThenStartFailsNamingTheKey(String value) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse(ConfigKeys.STORE_POOL_SIZE, value));
        assertEquals(ConfigKeys.STORE_POOL_SIZE, e.key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1001", "ten", "2.5"})
    void maxConnectionsWhenNotAWholeNumberFromOneToAThousandThenStartFailsNamingTheKey(String value) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse(ConfigKeys.STORE_MAX_CONNECTIONS, value));
        assertEquals(ConfigKeys.STORE_MAX_CONNECTIONS, e.key());
    }

    @ParameterizedTest
    @ValueSource(strings = {ConfigKeys.STORE_POOL_SIZE, ConfigKeys.STORE_MAX_CONNECTIONS})
    void poolSizeWhenSetWithAJndiDataSourceThenStartFailsNamingTheKey(String key) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(
                ConfigKeys.STORE_DATA_SOURCE, "java:comp/env/jdbc/AuthDB", key, "5"));
        assertEquals(key, e.key());
    }
}
