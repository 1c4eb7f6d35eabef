package org.jwtauth.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.jwtauth.config.SchemaMode;
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

    @FunctionalInterface
    interface StoreTest {
        void run(TestDatabase.Scratch scratch, RefreshTokenStore store) throws Exception;
    }

    /** Runs {@code test} against a store with a freshly created schema, then drops everything. */
    static void withStore(TestDatabase database, StoreTest test) throws Exception {
        try (TestDatabase.Scratch scratch = database.scratch();
             RefreshTokenStore store = JpaRefreshTokenStores.open(scratch.settings(SchemaMode.CREATE),
                     scratch.directory)) {
            test.run(scratch, store);
        }
    }
}
