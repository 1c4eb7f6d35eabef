package org.jwtauth.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.config.SigningAlgorithm;

/**
 * Start-up checks that the running JRE can use an algorithm safely: Ed25519 exists only from Java 15 (JEP 339),
 * and an ECDSA implementation affected by CVE-2022-21449 (Java 15 to 17.0.2 and 18) accepts the signature
 * r = s = 0 for every message and key, which would let anyone forge an ES256/ES384 token.
 */
public final class RuntimeSupport {

    private RuntimeSupport() {
    }

    /** Refuses {@code algorithm} with a message naming {@code jwtauth.algorithm} when this JRE cannot be trusted with it. */
    public static void requireAlgorithm(SigningAlgorithm algorithm) {
        requireAlgorithm(algorithm, ConfigKeys.ALGORITHM);
    }

    /** As {@link #requireAlgorithm(SigningAlgorithm)}, naming {@code key} in the message. */
    public static void requireAlgorithm(SigningAlgorithm algorithm, String key) {
        if (algorithm.keyFamily() == SigningAlgorithm.KeyFamily.ED25519 && !KeyDecoder.supportsEd25519()) {
            throw new ConfigurationException(key, "EdDSA (Ed25519) needs Java 15 or later; this"
                    + " runtime is Java " + System.getProperty("java.version"));
        }
        boolean ecdsa = algorithm.keyFamily() == SigningAlgorithm.KeyFamily.EC_P256
                || algorithm.keyFamily() == SigningAlgorithm.KeyFamily.EC_P384;
        if (ecdsa && acceptsZeroEcdsaSignature()) {
            throw new ConfigurationException(key, algorithm.joseName() + " is refused on this"
                    + " runtime (Java " + System.getProperty("java.version") + "): its ECDSA accepts forged signatures"
                    + " (CVE-2022-21449); use Java 11, 17.0.3+, 18.0.1+ or later");
        }
    }

    /** The CVE-2022-21449 probe: a DER signature with r = 0 and s = 0 must never verify. */
    static boolean acceptsZeroEcdsaSignature() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(pair.getPublic());
            verifier.update(BigInteger.ONE.toByteArray());
            return verifier.verify(new byte[] {0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00});
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // refused outright: the fixed behaviour
        }
    }
}
