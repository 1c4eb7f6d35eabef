package org.jwtauth.crypto;

import java.util.Arrays;
import java.util.Base64;

/** The URL-safe base64 alphabet without padding (RFC 4648 section 5), as JWS and our refresh tokens use it. Internal. */
public final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    /**
     * The value of each ASCII character, -1 outside the alphabet: one load per character where a chain of range
     * tests mispredicts on random text, and the structural check of every token runs it over ~400 characters.
     * Never written after class initialisation.
     */
    private static final byte[] VALUES = new byte[128];

    static {
        Arrays.fill(VALUES, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = (byte) i;
        }
    }

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    public static boolean isAlphabet(char c) {
        return value(c) >= 0;
    }

    /** The six bits {@code c} stands for, or -1 when it is not in the alphabet. */
    public static int value(char c) {
        return c < VALUES.length ? VALUES[c] : -1;
    }
}
