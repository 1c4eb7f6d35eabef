package org.jwtauth.token;

import org.jose4j.jws.JsonWebSignature;

/**
 * The JOSE header of this application's access tokens, in one place: the issuer writes it and the verifier
 * recognises it byte for byte ({@code typ: at+jwt}, RFC 9068 section 2.1; the one {@code alg}; the {@code kid}).
 */
final class OwnTokenHeader {

    private OwnTokenHeader() {
    }

    static void set(JsonWebSignature jws, String algorithm, String keyId) {
        jws.setHeader("typ", AccessTokenClaims.TYPE);
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKeyIdHeaderValue(keyId);
    }

    /** The first segment of a token whose header {@link #set} wrote. */
    static String encoded(String algorithm, String keyId) {
        JsonWebSignature jws = new JsonWebSignature();
        set(jws, algorithm, keyId);
        try {
            return jws.getHeaders().getEncodedHeader();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot encode the access-token header", e);
        }
    }
}
