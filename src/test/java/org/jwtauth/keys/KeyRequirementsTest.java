package org.jwtauth.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.SigningAlgorithm;
import org.jwtauth.testing.TestKeys;

class KeyRequirementsTest {

    @Test
    void rsaModulusWithTheRocaStructureIsRefused() throws Exception {
        Random random = new Random(7);
        BigInteger modulus = rocaPrime(random).multiply(rocaPrime(random));
        assertEquals(2048, modulus.bitLength(), "the constructed modulus has the size of a normal key");

        String problem = KeyRequirements.problem(SigningAlgorithm.PS256, rsa(modulus, BigInteger.valueOf(65537)));

        assertTrue(problem != null && problem.contains("ROCA"), problem);
    }

    @Test
    void rocaKeyIsRefusedEvenAsAnOlderVerificationKeyNamingItsFile(@TempDir Path dir) throws Exception {
        Random random = new Random(11);
        PublicKey roca = rsa(rocaPrime(random).multiply(rocaPrime(random)), BigInteger.valueOf(65537));
        Path signing = TestKeys.write(dir.resolve("signing.pem"), TestKeys.privatePem(TestKeys.generate("RS256")));
        Path old = TestKeys.write(dir.resolve("old.pem"), TestKeys.pem("PUBLIC KEY", roca.getEncoded()));

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> AsymmetricSigningKeys.load(SigningAlgorithm.RS256, List.of(signing, old)));

        assertTrue(e.getMessage().contains("old.pem") && e.getMessage().contains("ROCA"), e.getMessage());
    }

    @Test
    void generatedRsaKeysDoNotHaveTheRocaFingerprint() {
        for (int i = 0; i < 3; i++) {
            RSAPublicKey key = (RSAPublicKey) TestKeys.generate("RS256").getPublic();
            assertFalse(KeyRequirements.hasRocaFingerprint(key.getModulus()));
            assertNull(KeyRequirements.problem(SigningAlgorithm.RS256, key));
        }
    }

    /** A 1024-bit prime p = k * M + (65537^a mod M), M the primorial of 167: how the affected library made them. */
    private static BigInteger rocaPrime(Random random) {
        BigInteger primorial = BigInteger.ONE;
        for (int r = 2; r <= 167; r++) {
            if (BigInteger.valueOf(r).isProbablePrime(30)) {
                primorial = primorial.multiply(BigInteger.valueOf(r));
            }
        }
        while (true) {
            BigInteger offset = BigInteger.valueOf(65537).modPow(BigInteger.valueOf(1 + random.nextInt(1 << 20)),
                    primorial);
            BigInteger p = new BigInteger(1025 - primorial.bitLength(), random).multiply(primorial).add(offset);
            // At least 1.5 * 2^1023, so that the product of two has 2048 bits.
            if (p.bitLength() == 1024 && p.testBit(1022) && p.isProbablePrime(40)) {
                return p;
            }
        }
    }

    private static PublicKey rsa(BigInteger modulus, BigInteger exponent) throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
    }
}
