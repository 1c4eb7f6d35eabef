package org.jwtauth.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 (RFC 2104), for the values this library derives from a configured key. Internal. */
public final class Hmac {

    private static final String ALGORITHM = "HmacSHA256";

    private Hmac() {
    }

    public static byte[] sha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JRE", e);
        }
    }

    /**
     * A value derived from {@code key} for one purpose, named by {@code label}: distinct labels give independent
     * values, and none reveals the key (a plain hash of a weak secret would help an offline guess).
     */
    public static byte[] derive(byte[] key, String label) {
        return sha256(key, label.getBytes(StandardCharsets.US_ASCII));
    }
}
