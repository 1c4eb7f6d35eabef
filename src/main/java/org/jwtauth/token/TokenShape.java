package org.jwtauth.token;

import org.jwtauth.crypto.Base64Url;

/**
 * The cheap structural check that runs before any parsing (design section 5): at most 8 KB and exactly three
 * non-empty base64url segments (RFC 7515 section 7.1; RFC 4648 section 5, unpadded) in their canonical form. A JWE
 * (five segments), padding, spaces, {@code +} and {@code /} never reach the JSON parser.
 */
public final class TokenShape {

    static final int MAX_LENGTH = 8 * 1024;

    private TokenShape() {
    }

    public static boolean isCompactJws(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return false;
        }
        int dots = 0;
        int segmentLength = 0;
        char last = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (!isBase64UrlLength(segmentLength) || !isCanonicalEnd(segmentLength, last)) {
                    return false;
                }
                dots++;
                segmentLength = 0;
            } else if (Base64Url.isAlphabet(c)) {
                segmentLength++;
                last = c;
            } else {
                return false;
            }
        }
        return dots == 2 && isBase64UrlLength(segmentLength) && isCanonicalEnd(segmentLength, last);
    }

    /**
     * RFC 4648 section 3.5: the bits of the last character that encode no data must be zero. Otherwise several
     * texts decode to the same bytes, and a signature over one text would vouch for a payload written differently.
     */
    private static boolean isCanonicalEnd(int length, char last) {
        int unusedBitsMask = length % 4 == 2 ? 0x0F : length % 4 == 3 ? 0x03 : 0;
        return (Base64Url.value(last) & unusedBitsMask) == 0;
    }

    /** Unpadded base64url never has a length of 1 modulo 4 (RFC 4648 section 5); nor is a segment empty. */
    private static boolean isBase64UrlLength(int length) {
        return length > 0 && length % 4 != 1;
    }
}
