package org.jwtauth.config;

/**
 * A configuration value that cannot be used. The message names the key and what it expects, never the
 * value itself (it may be a secret).
 */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;

    public ConfigurationException(String key, String expectation) {
        super(key + ": " + expectation);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
