package org.jwtauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Override precedence of design section 4: system property, then environment variable, then context-param. */
class ConfigSourceTest {

    private static final String KEY = "jwtauth.accessToken.lifetime";
    private static final String ENV = "JWTAUTH_ACCESSTOKEN_LIFETIME";

    private final Map<String, String> contextParams = new HashMap<>();
    private final Map<String, String> systemProperties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    private ConfigSource layered() {
        return ConfigSource.layered(ConfigSource.of(contextParams), systemProperties::get, environment::get);
    }

    @Test
    void environmentNameWhenKeyGivenThenPrefixedUpperCaseWithDotsAsUnderscores() {
        assertEquals(ENV, ConfigSource.environmentName(KEY));
        assertEquals("JWTAUTH_STORE_PASSWORD", ConfigSource.environmentName("jwtauth.store.password"));
        assertEquals("JWTAUTH_ISSUER", ConfigSource.environmentName("jwtauth.issuer"));
    }

    /** Columns: what the case shows, the context-param, the environment variable, the system property, the answer. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "only a context-param: it is used,                      PT1M,     ,     , PT1M",
            "environment and context-param: the environment wins,   PT1M, PT2M,     , PT2M",
            "all three: the system property wins,                   PT1M, PT2M, PT3M, PT3M",
            "blank higher layers: the lower layer is used,          PT1M,   '', '  ', PT1M",
            "nothing but a blank context-param: empty,               ' ',     ,     ,"})
    void getWhenSeveralLayersSetThenTheHighestNonBlankLayerWins(String description, String contextParam,
                                                               String environmentValue, String systemProperty,
                                                               String expected) {
        putUnlessNull(contextParams, KEY, contextParam);
        putUnlessNull(environment, ENV, environmentValue);
        putUnlessNull(systemProperties, KEY, systemProperty);
        assertEquals(Optional.ofNullable(expected), layered().get(KEY));
    }

    private static void putUnlessNull(Map<String, String> layer, String name, String value) {
        if (value != null) {
            layer.put(name, value);
        }
    }

    @Test
    void getWhenEnvironmentVariableUsesTheKeyItselfThenItIsIgnored() {
        contextParams.put(KEY, "PT1M");
        environment.put(KEY, "PT2M");
        assertEquals(Optional.of("PT1M"), layered().get(KEY));
    }

    @Test
    void getWhenValueHasSurroundingWhitespaceThenItIsTrimmed() {
        contextParams.put(KEY, "  PT1M \n");
        assertEquals(Optional.of("PT1M"), layered().get(KEY));
    }

    @Test
    void parseWhenEnvironmentOverridesContextParamThenSettingsUseTheOverride() {
        contextParams.put(ConfigKeys.SECRET, SettingsParserTest.SECRET);
        contextParams.put(ConfigKeys.ISSUER, "from-web-xml");
        environment.put("JWTAUTH_ISSUER", "from-env");
        systemProperties.put(ConfigKeys.CLOCK_SKEW, "PT10S");
        environment.put("JWTAUTH_CLOCKSKEW", "PT20S");
        Settings s = new SettingsParser(layered(), environment::get).parse();
        assertEquals("from-env", s.issuer());
        assertEquals(java.time.Duration.ofSeconds(10), s.clockSkew());
    }

    // The two-argument form reads the real system properties; the key below is unique to this test and removed after.
    private static final String OWN_PROPERTY = "jwtauth.test.configSourceTest.unique";

    @AfterEach
    void clearProperty() {
        System.clearProperty(OWN_PROPERTY);
    }

    @Test
    void layeredWhenNoLookupsGivenThenTheRealSystemPropertiesAreRead() {
        contextParams.put(OWN_PROPERTY, "from-context");
        System.setProperty(OWN_PROPERTY, "from-property");
        assertEquals(Optional.of("from-property"), ConfigSource.layered(ConfigSource.of(contextParams)).get(OWN_PROPERTY));
    }
}
