package org.jwtauth.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.Settings;
import org.jwtauth.config.SettingsParser;

/** Settings built the way the tests build them: from a map, through the real parser and its validation. */
public final class Fixtures {

    /** 64 bytes: long enough for every HS variant (HS512 needs at least 64). */
    public static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private Fixtures() {
    }

    public static Settings settings(String algorithm) {
        Map<String, String> values = new HashMap<>();
        values.put(ConfigKeys.SECRET, SECRET);
        values.put(ConfigKeys.ALGORITHM, algorithm);
        return new SettingsParser(ConfigSource.of(values), name -> null).parse();
    }

    public static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
