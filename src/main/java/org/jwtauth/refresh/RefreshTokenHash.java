package org.jwtauth.refresh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.jwtauth.crypto.Base64Url;

/**
 * The stored form of a refresh token, its SHA-256: a leaked table holds no usable token. A fast hash suffices
 * for 256 random bits, which no one can guess.
 */
public final class RefreshTokenHash {

    static final int TOKEN_LENGTH = 43;

    private RefreshTokenHash() {
    }

    /** Base64url SHA-256 of {@code token}. */
    public static String of(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64Url.encode(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JRE", e);
        }
    }

    /** Whether a presented string can be one of ours at all; checked before the database is asked. */
    public static boolean isWellFormed(String token) {
        if (token == null || token.length() != TOKEN_LENGTH) {
            return false;
        }
        return token.chars().allMatch(c -> Base64Url.isAlphabet((char) c));
    }
}
