package org.jwtauth.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.Function;

/**
 * Resolves {@code env:NAME} and {@code file:/path} references so secrets can come from Docker/Kubernetes
 * secrets instead of web.xml. Any other value is taken literally.
 */
final class SecretReference {

    private final Function<String, String> environment;

    SecretReference(Function<String, String> environment) {
        this.environment = environment;
    }

    String resolve(String key, String value) {
        if (value.startsWith("env:")) {
            String name = value.substring(4);
            String resolved = environment.apply(name);
            if (resolved == null || resolved.isEmpty()) {
                throw new ConfigurationException(key, "refers to environment variable " + name + ", which is not set");
            }
            return resolved;
        }
        if (value.startsWith("file:")) {
            Path path = Paths.get(value.substring(5));
            try {
                // A trailing newline is an artefact of `echo ... > file`, never part of a secret.
                return stripTrailingNewlines(new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                throw new ConfigurationException(key, "refers to file " + path + ", which cannot be read");
            }
        }
        return value;
    }

    private static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }
}
