package org.jwtauth.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jose4j.keys.HmacKey;
import org.jwtauth.config.SigningAlgorithm;

/** One shared HMAC secret (HS256/384/512) used to sign and to verify. */
public final class HmacSigningKeys implements SigningKeys {

    private final SigningAlgorithm algorithm;
    private final HmacKey key;
    private final String keyId;

    public HmacSigningKeys(SigningAlgorithm algorithm, byte[] secret) {
        this(algorithm, secret, deriveKeyId(secret));
    }

    /** With a {@code kid} given by the caller, for a secret that already has one (e.g. a JWK's). */
    HmacSigningKeys(SigningAlgorithm algorithm, byte[] secret, String keyId) {
        this.algorithm = algorithm;
        this.key = new HmacKey(secret.clone());
        this.keyId = keyId;
    }

    /**
     * A stable {@code kid} that changes when the secret changes, without revealing anything about the secret:
     * an HMAC of a fixed label (a plain hash of a weak secret would help an offline guess).
     */
    private static String deriveKeyId(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal("jwt-servlet-auth key id".getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JRE", e);
        }
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

    @Override
    public Optional<Key> verificationKey(String candidate) {
        return keyId.equals(candidate) ? Optional.of(key) : Optional.empty();
    }
}
