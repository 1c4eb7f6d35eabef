package org.jwtauth.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jose4j.jws.AlgorithmIdentifiers;

/** The JWS algorithms this version can sign and verify with (RFC 7518 section 3). */
public enum SigningAlgorithm {
    HS256(AlgorithmIdentifiers.HMAC_SHA256, 32),
    HS384(AlgorithmIdentifiers.HMAC_SHA384, 48),
    HS512(AlgorithmIdentifiers.HMAC_SHA512, 64);

    private final String joseName;
    private final int hashBytes;

    SigningAlgorithm(String joseName, int hashBytes) {
        this.joseName = joseName;
        this.hashBytes = hashBytes;
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

    static Optional<SigningAlgorithm> parse(String name) {
        return Arrays.stream(values()).filter(a -> a.joseName.equals(name)).findFirst();
    }

    static String allNames() {
        return Arrays.stream(values()).map(SigningAlgorithm::joseName).collect(Collectors.joining(", "));
    }
}
