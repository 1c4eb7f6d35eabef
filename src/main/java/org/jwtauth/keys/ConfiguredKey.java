package org.jwtauth.keys;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;

/**
 * One key read from {@code jwtauth.keys}: a public key, its private key when the file held one, its {@code kid}
 * and the file it came from (for messages; never the key material).
 */
final class ConfiguredKey {

    private final String keyId;
    private final PublicKey publicKey;
    private final PrivateKey privateKey;
    private final String source;

    ConfiguredKey(String keyId, PublicKey publicKey, PrivateKey privateKey, String source) {
        this.keyId = keyId;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.source = source;
    }

    String keyId() {
        return keyId;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    Optional<PrivateKey> privateKey() {
        return Optional.ofNullable(privateKey);
    }

    /** The file name, for start-up messages. */
    String source() {
        return source;
    }

    @Override
    public String toString() {
        return "ConfiguredKey[kid=" + keyId + ", " + publicKey.getAlgorithm() + ", from " + source + "]";
    }
}
