package org.jwtauth.config;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A rough strength estimate of a configured HMAC secret: its length times log2 of the smallest alphabet it is
 * written in (hex 4 bits a character, base64 6, other text log2(95)). RFC 7518 section 3.2 asks for a key of at
 * least the hash size, and RFC 8725 section 3.5 warns that human-memorable secrets are guessed offline from any one
 * token. A value below the minimum is only warned about, since a deployment that starts today must keep starting;
 * values that cannot be secrets at all (one repeated character, examples from documentation) are refused.
 */
final class SecretStrength {

    /** Example values from documentation and tutorials (jwt.io's among them), compared ignoring case. */
    private static final Set<String> WELL_KNOWN = Set.of("a-string-secret-at-least-256-bits-long",
            "your-256-bit-secret", "your-384-bit-secret", "your-512-bit-secret", "changeit", "changeme",
            "secretsecretsecretsecretsecretsecret", "mysecretkeymysecretkeymysecretkey",
            "this-is-a-very-long-secret-key-for-hs256", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "your-secret-key-here-at-least-32-characters", "replace-me-with-a-real-secret-of-32-bytes");

    private SecretStrength() {
    }

    /** Refuses a value that cannot be a secret; {@code text} is the configured text, {@code bytes} the key. */
    static void refuseNonSecrets(String key, String text, byte[] bytes) {
        if (allEqual(bytes) || text.codePoints().distinct().count() == 1) {
            throw new ConfigurationException(key, "is one character repeated, which is no secret; generate one with"
                    + " 'openssl rand -base64 32'");
        }
        if (WELL_KNOWN.contains(text.toLowerCase(Locale.ROOT))) {
            throw new ConfigurationException(key, "is a well-known example value, which is no secret; generate one"
                    + " with 'openssl rand -base64 32'");
        }
    }

    /** A warning naming {@code key} (never the value) when the estimate is below {@code minimumBits}. */
    static Optional<String> warning(String key, String text, int minimumBits, String algorithm) {
        long bits = estimatedBits(text);
        if (bits >= minimumBits) {
            return Optional.empty();
        }
        return Optional.of(key + " looks weaker than the " + minimumBits + " bits " + algorithm + " needs (about "
                + bits + " bits, estimated from its length and alphabet); use " + minimumBits / 8
                + " random bytes, e.g. base64:$(openssl rand -base64 " + minimumBits / 8 + ")");
    }

    /** Length times log2 of the alphabet, rounded down; a {@code base64:} value counts its encoded characters. */
    static long estimatedBits(String text) {
        String body = text.startsWith("base64:") ? text.substring(7).trim().replace("=", "") : text;
        double perCharacter;
        if (body.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
            perCharacter = 4;
        } else if (body.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "+/-_".indexOf(c) >= 0))) {
            perCharacter = 6;
        } else {
            perCharacter = Math.log(95) / Math.log(2);
        }
        return (long) Math.floor(body.codePointCount(0, body.length()) * perCharacter);
    }

    private static boolean allEqual(byte[] bytes) {
        for (byte b : bytes) {
            if (b != bytes[0]) {
                return false;
            }
        }
        return bytes.length > 0;
    }
}
