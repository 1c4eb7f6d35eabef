package org.jwtauth.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.jwtauth.config.SigningAlgorithm;

/** A rotated HS* secret: the previous one verifies by its own {@code kid}, never signs, seeds nothing. */
class HmacSigningKeysTest {

    private static final byte[] CURRENT = "current-secret-Hk29sLq0Zx71Vb3Nm8Rt-abcdefgh".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PREVIOUS = "previous-secret-Pq41mZ8xW2cV7bN0-zyxwvuts".getBytes(StandardCharsets.UTF_8);

    @Test
    void verificationKeyWhenTheTokenNamesThePreviousSecretsKidThenThePreviousKeyButSigningStaysCurrent() {
        HmacSigningKeys before = new HmacSigningKeys(SigningAlgorithm.HS256, PREVIOUS);
        HmacSigningKeys after = new HmacSigningKeys(SigningAlgorithm.HS256, CURRENT, PREVIOUS);

        assertNotEquals(before.signingKeyId(), after.signingKeyId());
        assertArrayEquals(before.signingKey().getEncoded(),
                after.verificationKey(before.signingKeyId()).orElseThrow().getEncoded());
        assertArrayEquals(CURRENT, after.signingKey().getEncoded());
        assertArrayEquals(CURRENT, after.derivationSeed(), "the retry window's successor key stays the current");
        assertTrue(after.verificationKey("unknown").isEmpty());
        assertEquals(new HmacSigningKeys(SigningAlgorithm.HS256, CURRENT).signingKeyId(), after.signingKeyId());
    }

    @Test
    void verificationKeyWhenNoPreviousSecretThenOnlyTheCurrentKid() {
        HmacSigningKeys keys = new HmacSigningKeys(SigningAlgorithm.HS256, CURRENT, new byte[0]);
        assertTrue(keys.verificationKey(new HmacSigningKeys(SigningAlgorithm.HS256, PREVIOUS).signingKeyId())
                .isEmpty());
    }
}
