package org.jwtauth.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code env:NAME}, {@code file:/path} and {@code base64:} secret values (design section 4). */
class SettingsParserSecretSourcesTest {

    static final String SECRET = "File-Or-Env-Secret-0123456789-abcdefghij";

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();

    private Settings parse(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return new SettingsParser(ConfigSource.of(values), environment::get).parse();
    }

    private ConfigurationException refused(String expectedKey, String... keyValues) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(keyValues));
        assertEquals(expectedKey, e.key());
        assertTrue(e.getMessage().startsWith(expectedKey + ": "), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        return e;
    }

    @Test
    void parseWhenSecretIsEnvReferenceThenTheVariableIsRead() {
        environment.put("APP_JWT_SECRET", SECRET);
        Settings s = parse(ConfigKeys.SECRET, "env:APP_JWT_SECRET");
        assertArrayEquals(SECRET.getBytes(StandardCharsets.UTF_8), s.secret());
    }

    @Test
    void parseWhenEnvReferenceNamesAMissingVariableThenRefusedNamingKeyAndVariable() {
        ConfigurationException e = refused(ConfigKeys.SECRET, ConfigKeys.SECRET, "env:NO_SUCH_VARIABLE");
        assertTrue(e.getMessage().contains("NO_SUCH_VARIABLE"), e.getMessage());
    }

    @Test
    void parseWhenEnvReferenceNamesAnEmptyVariableThenRefused() {
        environment.put("EMPTY_SECRET", "");
        refused(ConfigKeys.SECRET, ConfigKeys.SECRET, "env:EMPTY_SECRET");
    }

    @Test
    void parseWhenSecretIsFileReferenceThenTrailingNewlineIsStripped() throws Exception {
        Path file = dir.resolve("jwt-secret");
        Files.write(file, (SECRET + "\n").getBytes(StandardCharsets.UTF_8));
        Settings s = parse(ConfigKeys.SECRET, "file:" + file);
        assertArrayEquals(SECRET.getBytes(StandardCharsets.UTF_8), s.secret());
    }

    @Test
    void parseWhenSecretFileEndsWithCrLfThenBothAreStripped() throws Exception {
        Path file = dir.resolve("jwt-secret");
        Files.write(file, (SECRET + "\r\n").getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(SECRET.getBytes(StandardCharsets.UTF_8),
                parse(ConfigKeys.SECRET, "file:" + file).secret());
    }

    @Test
    void parseWhenSecretFileHoldsBase64ValueThenItIsDecoded() throws Exception {
        byte[] key = new byte[48];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (255 - i);
        }
        Path file = dir.resolve("jwt-secret");
        Files.write(file, ("base64:" + Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(key, parse(ConfigKeys.SECRET, "file:" + file).secret());
    }

    @Test
    void parseWhenSecretFileIsMissingThenRefusedNamingSecret() {
        refused(ConfigKeys.SECRET, ConfigKeys.SECRET, "file:" + dir.resolve("absent"));
    }

    @Test
    void parseWhenSecretFileIsADirectoryThenRefusedNamingSecret() {
        refused(ConfigKeys.SECRET, ConfigKeys.SECRET, "file:" + dir);
    }

    @Test
    void parseWhenSecretFileIsShortThenRefusedWithoutQuotingItsContent() throws Exception {
        Path file = dir.resolve("short");
        String shortSecret = "Short-Secret-Value";
        Files.write(file, shortSecret.getBytes(StandardCharsets.UTF_8));
        ConfigurationException e = refused(ConfigKeys.SECRET, ConfigKeys.SECRET, "file:" + file);
        assertFalse(e.getMessage().contains(shortSecret));
    }

    @Test
    void parseWhenSecretIsLiteralThenPrefixlessValueIsTakenAsIs() {
        assertArrayEquals(SECRET.getBytes(StandardCharsets.UTF_8), parse(ConfigKeys.SECRET, SECRET).secret());
    }

    @Test
    void parseWhenStorePasswordIsEnvOrFileReferenceThenResolved() throws Exception {
        environment.put("DB_PASSWORD", "from-env");
        Path file = dir.resolve("db-password");
        Files.write(file, "from-file\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of("from-env"),
                parse(ConfigKeys.SECRET, SECRET, ConfigKeys.STORE_PASSWORD, "env:DB_PASSWORD").store().password());
        assertEquals(Optional.of("from-file"),
                parse(ConfigKeys.SECRET, SECRET, ConfigKeys.STORE_PASSWORD, "file:" + file).store().password());
    }

    @Test
    void parseWhenStorePasswordReferenceCannotBeResolvedThenRefusedNamingStorePassword() {
        refused(ConfigKeys.STORE_PASSWORD, ConfigKeys.SECRET, SECRET,
                ConfigKeys.STORE_PASSWORD, "env:NO_DB_PASSWORD");
        refused(ConfigKeys.STORE_PASSWORD, ConfigKeys.SECRET, SECRET,
                ConfigKeys.STORE_PASSWORD, "file:" + dir.resolve("absent"));
    }

    @Test
    void summaryWhenSecretsComeFromEnvAndFileThenNeitherValueAppears() throws Exception {
        environment.put("APP_JWT_SECRET", SECRET);
        Path file = dir.resolve("db-password");
        Files.write(file, "Db-Passw0rd-from-file".getBytes(StandardCharsets.UTF_8));
        Settings s = parse(ConfigKeys.SECRET, "env:APP_JWT_SECRET", ConfigKeys.STORE_PASSWORD, "file:" + file,
                ConfigKeys.STORE_URL, "jdbc:h2:mem:auth");
        assertFalse(s.summary().contains(SECRET));
        assertFalse(s.summary().contains("Db-Passw0rd-from-file"));
    }
}
