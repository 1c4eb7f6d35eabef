package org.jwtauth.keys;

import java.security.Key;
import java.util.List;
import java.util.Optional;

import org.jose4j.keys.HmacKey;
import org.jwtauth.config.SigningAlgorithm;
import org.jwtauth.crypto.Base64Url;
import org.jwtauth.crypto.Hmac;
import org.jwtauth.token.SigningKeys;

/**
 * One shared HMAC secret (HS256/384/512) used to sign and to verify, and optionally the secret before a rotation
 * ({@code jwtauth.secret.previous}), which still verifies the tokens it signed but never signs. Each is chosen by
 * its own {@code kid}. The derivation seed stays the current secret.
 */
public final class HmacSigningKeys implements SigningKeys {

    private final SigningAlgorithm algorithm;
    private final byte[] secret;
    private final HmacKey key;
    private final String keyId;
    private final HmacKey previousKey;
    private final String previousKeyId;

    public HmacSigningKeys(SigningAlgorithm algorithm, byte[] secret) {
        this(algorithm, secret, deriveKeyId(secret));
    }

    /** With the secret before a rotation, for verification only; an empty {@code previous} means none. */
    public HmacSigningKeys(SigningAlgorithm algorithm, byte[] secret, byte[] previous) {
        this(algorithm, secret, deriveKeyId(secret), previous);
    }

    /** With a {@code kid} given by the caller, for a secret that already has one (e.g. a JWK's). */
    public HmacSigningKeys(SigningAlgorithm algorithm, byte[] secret, String keyId) {
        this(algorithm, secret, keyId, new byte[0]);
    }

    private HmacSigningKeys(SigningAlgorithm algorithm, byte[] secret, String keyId, byte[] previous) {
        this.algorithm = algorithm;
        this.secret = secret.clone();
        this.key = new HmacKey(this.secret);
        this.keyId = keyId;
        this.previousKey = previous.length == 0 ? null : new HmacKey(previous.clone());
        this.previousKeyId = previous.length == 0 ? null : deriveKeyId(previous);
    }

    /**
     * A stable {@code kid} that changes when the secret changes, without revealing anything about the secret:
     * an HMAC of a fixed label (a plain hash of a weak secret would help an offline guess).
     */
    private static String deriveKeyId(byte[] secret) {
        return Base64Url.encode(Hmac.derive(secret, "jwt-servlet-auth key id")).substring(0, 16);
    }

    @Override
    public String algorithm() {
        return algorithm.joseName();
    }

    @Override
    public String signingKeyId() {
        return keyId;
    }

    @Override
    public Key signingKey() {
        return key;
    }

    /** The secret itself: it is what this deployment already keeps secret. */
    @Override
    public byte[] derivationSeed() {
        return secret.clone();
    }

    @Override
    public List<String> verificationKeyIds() {
        return previousKeyId == null ? List.of(keyId) : List.of(keyId, previousKeyId);
    }

    @Override
    public Optional<Key> verificationKey(String candidate) {
        if (keyId.equals(candidate)) {
            return Optional.of(key);
        }
        return previousKeyId != null && previousKeyId.equals(candidate) ? Optional.of(previousKey) : Optional.empty();
    }
}
