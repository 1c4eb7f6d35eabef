package org.jwtauth.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where raw configuration strings come from. The web layer adapts context-params to this; tests pass maps.
 */
@FunctionalInterface
public interface ConfigSource {

    /** The raw value for {@code key}, or empty; blank values count as absent. */
    Optional<String> get(String key);

    static ConfigSource of(Map<String, String> values) {
        return of(values::get);
    }

    static ConfigSource of(Function<String, String> lookup) {
        return key -> Optional.ofNullable(lookup.apply(key)).filter(v -> !isBlank(v));
    }

    /**
     * The precedence of the design, section 4: a Java system property of the same name wins, then the
     * environment variable {@code JWTAUTH_} + upper-case key with '.' as '_', then {@code contextParams}.
     */
    static ConfigSource layered(ConfigSource contextParams, Function<String, String> systemProperties,
                                Function<String, String> environment) {
        return key -> {
            String value = systemProperties.apply(key);
            if (isBlank(value)) {
                value = environment.apply(environmentName(key));
            }
            if (isBlank(value)) {
                value = contextParams.get(key).orElse(null);
            }
            return isBlank(value) ? Optional.empty() : Optional.of(value.trim());
        };
    }

    static ConfigSource layered(ConfigSource contextParams) {
        return layered(contextParams, System::getProperty, System::getenv);
    }

    /** {@code jwtauth.accessToken.lifetime} becomes {@code JWTAUTH_ACCESSTOKEN_LIFETIME}. */
    static String environmentName(String key) {
        String rest = key.startsWith("jwtauth.") ? key.substring("jwtauth.".length()) : key;
        return "JWTAUTH_" + rest.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static boolean isBlank(String s) {
        return s == null || s.trim().isEmpty();
    }
}
