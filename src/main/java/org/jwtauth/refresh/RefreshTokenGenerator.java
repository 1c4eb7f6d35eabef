package org.jwtauth.refresh;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.jwtauth.crypto.Base64Url;
import org.jwtauth.crypto.Hmac;

/**
 * Makes refresh tokens and session ids: 32 bytes from {@link SecureRandom}, base64url without padding (43
 * characters). They are opaque random strings, never JWTs, so no access-token consumer can ever accept one
 * (design section 5). {@link RefreshTokenHash} gives the form that is stored.
 */
public final class RefreshTokenGenerator {

    static final int TOKEN_BYTES = 32;
    private static final int SESSION_ID_BYTES = 16;

    private final SecureRandom random;
    private final byte[] successorKey;

    /**
     * @param derivationSeed the signing keys' seed ({@code SigningKeys.derivationSeed()}), from which the key of
     *                       the HMAC that derives a successor from its predecessor is derived, so that a retry within
     *                       the retry window gets the same successor without it ever being stored (design section
     *                       2, step 5) and no further secret has to be configured
     */
    public RefreshTokenGenerator(SecureRandom random, byte[] derivationSeed) {
        this.random = random;
        this.successorKey = Hmac.derive(derivationSeed, "jwt-servlet-auth refresh successor");
    }

    public String newToken() {
        return randomText(TOKEN_BYTES);
    }

    /** A session id: 128 random bits, base64url; it appears in access tokens as {@code sid}. */
    public String newSessionId() {
        return randomText(SESSION_ID_BYTES);
    }

    /** HMAC-SHA256(successorKey, predecessor): deterministic, unpredictable without the key. */
    public String successorOf(String predecessor) {
        return Base64Url.encode(Hmac.sha256(successorKey, predecessor.getBytes(StandardCharsets.US_ASCII)));
    }

    private String randomText(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64Url.encode(value);
    }
}
