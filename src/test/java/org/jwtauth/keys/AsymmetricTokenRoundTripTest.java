package org.jwtauth.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jwtauth.config.SigningAlgorithm;
import org.jwtauth.testing.MutableClock;
import org.jwtauth.testing.TestKeys;
import org.jwtauth.token.AccessTokenIssuer;
import org.jwtauth.token.AccessTokenVerifier;
import org.jwtauth.token.InvalidTokenException;
import org.jwtauth.token.JwtPrincipal;
import org.jwtauth.token.SigningKeys;

class AsymmetricTokenRoundTripTest {

    private static final Duration LIFETIME = Duration.ofMinutes(15);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA"})
    void tokenIssuedWithEachAlgorithmVerifiesWithItsKidInTheHeader(SigningAlgorithm algorithm) throws Exception {
        AsymmetricSigningKeys keys = keys(algorithm, TestKeys.generate(algorithm.joseName()));

        String token = issuer(keys).issue("alice", List.of("user"), "family-1", Map.of()).token();

        JwtPrincipal principal = verifier(keys).verify(token);
        assertEquals("alice", principal.getName());
        assertEquals(Set.of("user"), principal.roles());
        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(token);
        assertEquals(keys.signingKeyId(), jws.getKeyIdHeaderValue());
        assertEquals(algorithm.joseName(), jws.getAlgorithmHeaderValue());
    }

    @Test
    void allZeroEs256SignatureIsRejected() throws Exception {
        AsymmetricSigningKeys keys = keys(SigningAlgorithm.ES256, TestKeys.generate("ES256"));
        String token = issuer(keys).issue("alice", List.of(), "f", Map.of()).token();
        String zeros = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + zeros;

        assertThrows(InvalidTokenException.class, () -> verifier(keys).verify(forged));
        assertFalse(RuntimeSupport.acceptsZeroEcdsaSignature(), "this JRE has CVE-2022-21449");
    }

    @Test
    void tokenSignedByThePreviousKeyVerifiesWhileThatKeyIsListedForVerification() throws Exception {
        KeyPair previous = TestKeys.generate("RS256");
        KeyPair current = TestKeys.generate("RS256");
        String oldToken = issuer(keys(SigningAlgorithm.RS256, previous)).issue("alice", List.of(), "f", Map.of())
                .token();
        Path signing = TestKeys.write(dir.resolve("current.pem"), TestKeys.privatePem(current));
        Path retired = TestKeys.write(dir.resolve("previous.pem"), TestKeys.publicPem(previous));
        AsymmetricSigningKeys rotated = AsymmetricSigningKeys.load(SigningAlgorithm.RS256, List.of(signing, retired));

        assertEquals("alice", verifier(rotated).verify(oldToken).getName());
        String newToken = issuer(rotated).issue("alice", List.of(), "f", Map.of()).token();
        assertEquals(KeyFileReader.thumbprint(current.getPublic()),
                JsonWebSignature.fromCompactSerialization(newToken).getKeyIdHeaderValue());
    }

    @Test
    void tokenWhoseKidIsNotConfiguredIsRefusedEvenIfTheKeyWouldVerifyIt() throws Exception {
        KeyPair removed = TestKeys.generate("ES256");
        String oldToken = issuer(keys(SigningAlgorithm.ES256, removed)).issue("alice", List.of(), "f", Map.of())
                .token();
        AsymmetricSigningKeys withoutIt = keys(SigningAlgorithm.ES256, TestKeys.generate("ES256"));

        assertThrows(InvalidTokenException.class, () -> verifier(withoutIt).verify(oldToken));
    }

    @Test
    void tokenSignedWithTheSameKeyUnderAnotherAlgorithmIsRefused() throws Exception {
        KeyPair pair = TestKeys.generate("RS256");
        AsymmetricSigningKeys rs256 = keys(SigningAlgorithm.RS256, pair);
        AsymmetricSigningKeys ps256 = keys(SigningAlgorithm.PS256, pair);
        String pssToken = issuer(ps256).issue("alice", List.of(), "f", Map.of()).token();

        assertThrows(InvalidTokenException.class, () -> verifier(rs256).verify(pssToken));
    }

    private AsymmetricSigningKeys keys(SigningAlgorithm algorithm, KeyPair pair) throws Exception {
        Path file = TestKeys.write(dir.resolve(algorithm + "-" + System.nanoTime() + ".pem"), TestKeys.privatePem(pair));
        return AsymmetricSigningKeys.load(algorithm, List.of(file));
    }

    private AccessTokenIssuer issuer(SigningKeys keys) {
        return new AccessTokenIssuer(keys, "https://app.example", "app", "roles", LIFETIME, clock);
    }

    private AccessTokenVerifier verifier(SigningKeys keys) {
        return AccessTokenVerifier.forOwnTokens(keys, "https://app.example", "app", "roles", LIFETIME, Duration.ofSeconds(30),
                clock);
    }
}
