package org.jwtauth.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The typed reads the parsers share: trimmed text, comma-separated lists, whole numbers, true/false, ISO-8601
 * durations.
 */
final class ConfigValues {

    private final ConfigSource source;

    ConfigValues(ConfigSource source) {
        this.source = source;
    }

    /** The trimmed value; blank counts as absent. */
    Optional<String> text(String key) {
        return source.get(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    List<String> list(String key) {
        return text(key).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toList())).orElse(List.of());
    }

    int integer(String key, int defaultValue, int min, int max) {
        String value = text(key).orElse(null);
        if (value == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ConfigurationException(key, "expected a whole number from " + min + " to " + max);
    }

    /** {@code true} or {@code false}, in any case; anything else is refused rather than read as false. */
    boolean flag(String key, boolean defaultValue) {
        String value = text(key).orElse(null);
        if (value == null) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT));
        }
        throw new ConfigurationException(key, "expected true or false");
    }

    /** The ISO-8601 duration of {@code key} (or the default); {@code expectation} says what is expected instead. */
    Duration duration(String key, String defaultValue, String expectation) {
        try {
            return Duration.parse(text(key).orElse(defaultValue));
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(key, expectation);
        }
    }
}
