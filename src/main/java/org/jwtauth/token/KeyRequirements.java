package org.jwtauth.token;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

import org.jose4j.keys.EllipticCurves;
import org.jwtauth.config.SigningAlgorithm;

/**
 * Which keys an algorithm may use: RSA of at least 2048 bits for RS and PS (RFC 7518 sections 3.3 and 3.5),
 * P-256 for ES256 and P-384 for ES384 (section 3.4), Ed25519 for EdDSA (RFC 8037 section 3.1; Ed448 is not
 * offered). A key of another kind would either fail at the first token or, worse, verify under an algorithm the
 * deployer did not choose.
 */
final class KeyRequirements {

    static final int MIN_RSA_BITS = 2048;

    private KeyRequirements() {
    }

    /** Why {@code key} cannot be used with {@code algorithm}, or null when it can. */
    static String problem(SigningAlgorithm algorithm, PublicKey key) {
        switch (algorithm.keyFamily()) {
            case RSA:
                if (!(key instanceof RSAPublicKey)) {
                    return "holds a " + describe(key) + " key, but " + algorithm.joseName() + " needs an RSA key";
                }
                int bits = ((RSAPublicKey) key).getModulus().bitLength();
                return bits < MIN_RSA_BITS ? "holds an RSA key of " + bits + " bits; at least " + MIN_RSA_BITS
                        + " are required" : null;
            case EC_P256:
                return curveProblem(algorithm, key, EllipticCurves.P_256);
            case EC_P384:
                return curveProblem(algorithm, key, EllipticCurves.P_384);
            case ED25519:
                return key.getAlgorithm().equals("EdDSA") || key.getAlgorithm().equals("Ed25519") ? null
                        : "holds a " + describe(key) + " key, but EdDSA needs an Ed25519 key";
            default:
                return algorithm.joseName() + " uses jwtauth.secret, not key files";
        }
    }

    private static String curveProblem(SigningAlgorithm algorithm, PublicKey key, String curve) {
        if (!(key instanceof ECPublicKey)) {
            return "holds a " + describe(key) + " key, but " + algorithm.joseName() + " needs an EC " + curve + " key";
        }
        String actual = EllipticCurves.getName(((ECPublicKey) key).getParams().getCurve());
        return curve.equals(actual) ? null : "holds an EC key on " + (actual == null ? "an unknown curve" : actual)
                + ", but " + algorithm.joseName() + " needs " + curve;
    }

    private static String describe(PublicKey key) {
        return key.getAlgorithm();
    }
}
