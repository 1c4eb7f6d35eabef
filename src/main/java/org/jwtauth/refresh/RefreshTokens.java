package org.jwtauth.refresh;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes and hashes refresh tokens: 32 bytes from {@link SecureRandom}, base64url without padding (43 characters).
 * They are opaque random strings, never JWTs, so no access-token consumer can ever accept one (design section 5).
 * Only their SHA-256 is stored: a leaked table holds no usable token.
 */
public final class RefreshTokens {

    static final int TOKEN_BYTES = 32;
    static final int TOKEN_LENGTH = 43;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;
    private final byte[] successorKey;

    /**
     * @param successorKey key of the HMAC that derives a successor from its predecessor, so that a retry within
     *                     the retry window gets the same successor without it ever being stored
     */
    public RefreshTokens(SecureRandom random, byte[] successorKey) {
        this.random = random;
        this.successorKey = successorKey.clone();
    }

    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** A family (session) id: 128 random bits, base64url; it appears in access tokens as {@code sid}. */
    public String newFamilyId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** HMAC-SHA256(successorKey, predecessor): deterministic, unpredictable without the key. */
    public String successorOf(String predecessor) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(successorKey, "HmacSHA256"));
            return BASE64URL.encodeToString(mac.doFinal(predecessor.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JRE", e);
        }
    }

    /** The stored form: base64url SHA-256. A fast hash suffices for 256 random bits (no guessing possible). */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JRE", e);
        }
    }

    /** Whether a presented string can be one of ours at all; checked before the database is asked. */
    public static boolean isWellFormed(String token) {
        if (token == null || token.length() != TOKEN_LENGTH) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A key for {@link #successorOf} derived from the signing secret, distinct from it by a label. */
    public static byte[] deriveSuccessorKey(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal("jwt-servlet-auth refresh successor".getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JRE", e);
        }
    }
}
