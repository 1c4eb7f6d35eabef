package org.jwtauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Arbitrary input to the verifier (design section 5): whatever the bytes, {@link AccessTokenVerifier#verify} and
 * {@link AccessTokenVerifier#verifyAllowingExpiry} either return a principal or throw the project's own
 * {@link InvalidTokenException} with a fixed text; any other exception or error (a RuntimeException from jose4j,
 * a StackOverflowError, ...) fails the test.
 *
 * <p>In a normal test run each method replays its seed corpus under
 * {@code src/test/resources/org/jwtauth/token/AccessTokenVerifierFuzzTestInputs/<method>/}. To fuzz (one method at a
 * time; findings are written next to the seeds and replayed from then on):
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=AccessTokenVerifierFuzzTest#verifyWhenArbitraryBytesThenOnlyInvalidTokenException}.
 */
class AccessTokenVerifierFuzzTest {

    private final AccessTokenVerifier verifier = TestTokens.verifier(TestTokens.fixedAt(TestTokens.NOW));

    /** Raw input, read both as UTF-8 and as ISO-8859-1, so that any char reaches the shape check. */
    @FuzzTest(maxDuration = "10m")
    void verifyWhenArbitraryBytesThenOnlyInvalidTokenException(byte[] input) {
        check(new String(input, StandardCharsets.UTF_8));
        check(new String(input, StandardCharsets.ISO_8859_1));
    }

    /**
     * Past the shape check and the signature: the input is "header JSON, newline, payload JSON", signed with the
     * verifier's own secret, so that the fuzzer explores the JSON parser and the header and claim rules.
     * {@code $KID} in the header stands for the right key id.
     */
    @FuzzTest(maxDuration = "10m")
    void verifyWhenArbitraryJsonIsSignedThenOnlyAPrincipalOrInvalidTokenException(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String header = (newline < 0 ? text : text.substring(0, newline)).replace("$KID", TestTokens.KEYS.signingKeyId());
        String payload = newline < 0 ? "" : text.substring(newline + 1);
        check(TestTokens.sign(header, payload, TestTokens.SECRET, "HmacSHA256"));
    }

    private void check(String token) {
        try {
            verifier.verify(token);
        } catch (InvalidTokenException e) {
            assertFixedText(e);
        }
        try {
            verifier.verifyAllowingExpiry(token, Duration.ofDays(90));
        } catch (InvalidTokenException e) {
            assertFixedText(e);
        }
    }

    private static void assertFixedText(InvalidTokenException e) {
        assertEquals(e.reason().description(), e.getMessage());
        assertNull(e.getCause());
    }
}
