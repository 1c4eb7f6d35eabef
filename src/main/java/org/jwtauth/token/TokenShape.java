package org.jwtauth.token;

/**
 * The cheap structural check that runs before any parsing (design section 5): at most 8 KB and exactly three
 * non-empty base64url segments (RFC 7515 section 7.1; RFC 4648 section 5, unpadded). A JWE (five segments),
 * padding, spaces, {@code +} and {@code /} never reach the JSON parser.
 */
final class TokenShape {

    static final int MAX_LENGTH = 8 * 1024;

    private TokenShape() {
    }

    static boolean isCompactJws(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return false;
        }
        int dots = 0;
        int segmentLength = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (!isBase64UrlLength(segmentLength)) {
                    return false;
                }
                dots++;
                segmentLength = 0;
            } else if (isBase64Url(c)) {
                segmentLength++;
            } else {
                return false;
            }
        }
        return dots == 2 && isBase64UrlLength(segmentLength);
    }

    /** Unpadded base64url never has a length of 1 modulo 4 (RFC 4648 section 5); nor is a segment empty. */
    private static boolean isBase64UrlLength(int length) {
        return length > 0 && length % 4 != 1;
    }

    private static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
