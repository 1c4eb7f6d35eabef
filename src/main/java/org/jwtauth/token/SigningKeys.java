package org.jwtauth.token;

import java.security.Key;
import java.util.List;
import java.util.Optional;

/**
 * The keys a deployment signs with and accepts. Verification picks a key by the token's {@code kid} among
 * these configured keys only; nothing in a token ({@code jku}, {@code x5u}, {@code jwk}, {@code x5c}) can add
 * one (RFC 8725 section 3.10).
 */
public interface SigningKeys {

    /** The single JWS {@code alg} accepted and written (RFC 8725 section 3.1). */
    String algorithm();

    String signingKeyId();

    Key signingKey();

    /** The verification key with this {@code kid}, if it is one of ours. */
    Optional<Key> verificationKey(String keyId);

    /** Every {@code kid} {@link #verificationKey} knows, the signing key's first. */
    List<String> verificationKeyIds();

    /**
     * Key material from which this deployment derives its other secrets with an HMAC (the refresh retry window's
     * successor key), so that no further secret has to be configured: the HMAC secret, or the signing private
     * key's encoding. Rotating the signing key changes what is derived. Never log it.
     */
    byte[] derivationSeed();

    /**
     * The public keys as a JWKS document (RFC 7517 section 5) for {@code /.well-known/jwks.json}; empty for a
     * shared secret, which must never be published.
     */
    default Optional<String> publishedJwks() {
        return Optional.empty();
    }
}
