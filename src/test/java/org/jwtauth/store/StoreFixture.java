package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.SchemaMode;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.config.StoreSettings;
import org.jwtauth.refresh.RefreshTokenState;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.StoredRefreshToken;

/** Shared helpers: realistic hashes and tokens, and a store opened on a fresh namespace. */
final class StoreFixture {

    static final Instant NOW = Instant.parse("2026-11-29T15:00:00.123Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private StoreFixture() {
    }

    /** Like the refresh service: base64url SHA-256 of 32 random bytes, 43 characters. */
    static String newHash() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static String newId(String prefix) {
        return prefix + "-" + newHash().substring(0, 12);
    }

    static StoredRefreshToken active(String sessionId, String subject) {
        return StoredRefreshToken.active(newHash(), sessionId, subject, NOW, NOW.plus(Duration.ofDays(14)),
                NOW.plus(Duration.ofDays(90)));
    }

    static StoredRefreshToken activeExpiring(String sessionId, Instant idleExpiry, Instant sessionExpiry) {
        return StoredRefreshToken.active(newHash(), sessionId, "subject-" + sessionId, NOW.minus(Duration.ofDays(1)),
                idleExpiry, sessionExpiry);
    }

    /** Inserts {@code token} into {@code store} and returns it. */
    static StoredRefreshToken inserted(RefreshTokenStore store, StoredRefreshToken token) {
        store.insert(token);
        return token;
    }

    /** The state {@code store} holds for {@code token}, which it must hold. */
    static RefreshTokenState stateOf(RefreshTokenStore store, StoredRefreshToken token) {
        return store.findByHash(token.hash()).orElseThrow().state();
    }

    /** Store settings from these keys and values, with a test secret: for settings no scratch namespace gives. */
    static StoreSettings storeSettings(String... keyValues) {
        Map<String, String> params = new HashMap<>();
        params.put(ConfigKeys.SECRET, "0123456789abcdef0123456789abcdef-test-only");
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return new SettingsParser(ConfigSource.of(params), n -> null).parse().store();
    }

    /** A store on {@code scratch} with schema mode {@code schema}. */
    static RefreshTokenStore open(TestDatabase.Scratch scratch, SchemaMode schema) {
        return JpaRefreshTokenStores.open(scratch.settings(schema), scratch.directory);
    }

    /** Opening {@code scratch} with {@code jwtauth.store.schema=validate} through {@code opener} stops the start. */
    static ConfigurationException validateRefused(TestDatabase.Scratch scratch,
                                                  BiFunction<StoreSettings, Path, RefreshTokenStore> opener) {
        return assertThrows(ConfigurationException.class,
                () -> opener.apply(scratch.settings(SchemaMode.VALIDATE), scratch.directory));
    }

    @FunctionalInterface
    interface StoreTest {
        void run(TestDatabase.Scratch scratch, RefreshTokenStore store) throws Exception;
    }

    /** Runs {@code test} against a store with a freshly created schema, then drops everything. */
    static void withStore(TestDatabase database, StoreTest test) throws Exception {
        try (TestDatabase.Scratch scratch = database.scratch();
             RefreshTokenStore store = open(scratch, SchemaMode.CREATE)) {
            test.run(scratch, store);
        }
    }
}
