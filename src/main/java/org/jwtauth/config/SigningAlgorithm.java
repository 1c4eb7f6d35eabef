package org.jwtauth.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jose4j.jws.AlgorithmIdentifiers;

/** The JWS algorithms this version can sign and verify with (RFC 7518 section 3, RFC 8037 section 3.1). */
public enum SigningAlgorithm {
    HS256(AlgorithmIdentifiers.HMAC_SHA256, 32, KeyFamily.HMAC),
    HS384(AlgorithmIdentifiers.HMAC_SHA384, 48, KeyFamily.HMAC),
    HS512(AlgorithmIdentifiers.HMAC_SHA512, 64, KeyFamily.HMAC),
    RS256(AlgorithmIdentifiers.RSA_USING_SHA256, 32, KeyFamily.RSA),
    RS384(AlgorithmIdentifiers.RSA_USING_SHA384, 48, KeyFamily.RSA),
    RS512(AlgorithmIdentifiers.RSA_USING_SHA512, 64, KeyFamily.RSA),
    PS256(AlgorithmIdentifiers.RSA_PSS_USING_SHA256, 32, KeyFamily.RSA),
    ES256(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, 32, KeyFamily.EC_P256),
    ES384(AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384, 48, KeyFamily.EC_P384),
    EdDSA(AlgorithmIdentifiers.EDDSA, 64, KeyFamily.ED25519);

    /** The kind of key an algorithm signs with (RFC 7518 section 3.1, RFC 8037 section 3.1). */
    public enum KeyFamily {
        HMAC, RSA, EC_P256, EC_P384, ED25519
    }

    private final String joseName;
    private final int hashBytes;
    private final KeyFamily keyFamily;

    SigningAlgorithm(String joseName, int hashBytes, KeyFamily keyFamily) {
        this.joseName = joseName;
        this.hashBytes = hashBytes;
        this.keyFamily = keyFamily;
    }

    public KeyFamily keyFamily() {
        return keyFamily;
    }

    /** HS*: one shared secret signs and verifies; everything else signs with a private key. */
    public boolean isSymmetric() {
        return keyFamily == KeyFamily.HMAC;
    }

    /** The {@code alg} header value. */
    public String joseName() {
        return joseName;
    }

    /**
     * RFC 7518 section 3.2: "A key of the same size as the hash output ... or larger MUST be used". The
     * design's floor is 256 bits for every HS variant; we also honour the larger floor of HS384/HS512.
     */
    public int minimumKeyBytes() {
        return Math.max(32, hashBytes);
    }

    public static Optional<SigningAlgorithm> parse(String name) {
        return Arrays.stream(values()).filter(a -> a.joseName.equals(name)).findFirst();
    }

    static String allNames() {
        return Arrays.stream(values()).map(SigningAlgorithm::joseName).collect(Collectors.joining(", "));
    }
}
