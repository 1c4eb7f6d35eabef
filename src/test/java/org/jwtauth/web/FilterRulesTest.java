package org.jwtauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jwtauth.config.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The filter's init-params: exclude, optional, roles (design section 4). */
class FilterRulesTest {

    private static FilterRules rules(String... keyValues) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return FilterRules.from(Fakes.filterConfig(params, Fakes.context(Map.of())));
    }

    private static boolean excluded(FilterRules rules, String servletPath, String pathInfo) {
        return rules.isExcluded(new Fakes.Request().path(servletPath, pathInfo).proxy());
    }

    @Test
    void fromWhenNoInitParamsThenNothingExcludedNotOptionalAndNoRoleRequired() {
        FilterRules r = rules();
        assertFalse(excluded(r, "/api", "/public"));
        assertFalse(r.isOptional());
        assertTrue(r.permits(Set.of()));
    }

    /** Servlet path and path info; an empty path info is none (a servlet mapped to the path itself). */
    @ParameterizedTest
    @CsvSource({"/api, /public", "/api, /public/", "/api, /public/docs/index.html", "/api/public,"})
    void isExcludedWhenPathEqualsPrefixOrIsBelowItThenTrue(String servletPath, String pathInfo) {
        assertTrue(excluded(rules("exclude", "/api/public"), servletPath, pathInfo));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/publicity", "/public-keys", "/pub", "/orders"})
    void isExcludedWhenPathOnlySharesTheTextPrefixThenFalse(String pathInfo) {
        assertFalse(excluded(rules("exclude", "/api/public"), "/api", pathInfo));
    }

    @Test
    void isExcludedWhenPrefixEndsWithSlashThenItsSubPathsAreExcluded() {
        FilterRules r = rules("exclude", "/api/public/");
        assertTrue(excluded(r, "/api", "/public/x"));
        assertFalse(excluded(r, "/api", "/publicity"));
    }

    @Test
    void isExcludedWithSeveralCommaSeparatedPrefixesThenEachCounts() {
        FilterRules r = rules("exclude", " /api/public , /api/health,");
        assertTrue(excluded(r, "/api", "/public/a"));
        assertTrue(excluded(r, "/api", "/health"));
        assertFalse(excluded(r, "/api", "/orders"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"api/public", "/api/public,health", "*.html"})
    void fromWhenExcludePrefixDoesNotStartWithSlashThenRefusedNamingExclude(String value) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> rules("exclude", value));
        assertEquals("exclude", e.key());
        assertTrue(e.getMessage().startsWith("exclude: "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", " True "})
    void fromWhenOptionalTrueThenOptional(String value) {
        assertTrue(rules("optional", value).isOptional());
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "", "  "})
    void fromWhenOptionalFalseOrBlankThenNotOptional(String value) {
        assertFalse(rules("optional", value).isOptional());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "on", "truee", "maybe"})
    void fromWhenOptionalIsGarbageThenRefusedNamingOptional(String value) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> rules("optional", value));
        assertEquals("optional", e.key());
        assertTrue(e.getMessage().startsWith("optional: "));
    }

    @Test
    void permitsWhenCallerHasAnyOfTheRequiredRolesThenTrue() {
        FilterRules r = rules("roles", "admin, auditor");
        assertTrue(r.permits(Set.of("auditor")));
        assertTrue(r.permits(Set.of("user", "admin")));
    }

    @Test
    void permitsWhenCallerHasNoneOfTheRequiredRolesThenFalse() {
        FilterRules r = rules("roles", "admin,auditor");
        assertFalse(r.permits(Set.of()));
        assertFalse(r.permits(Set.of("user", "Admin")));
    }
}
