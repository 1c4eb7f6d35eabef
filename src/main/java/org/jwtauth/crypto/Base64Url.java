package org.jwtauth.crypto;

import java.util.Base64;

/** The URL-safe base64 alphabet without padding (RFC 4648 section 5), as JWS and our refresh tokens use it. Internal. */
public final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

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
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }
}
