package org.jwtauth.keys;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * The public half of a PKCS#8 private key, so that a deployer needs only the private key file. A PKCS#8 file
 * need not carry the public key, and the JCA has no call to compute it, so it is computed here: RSA from the CRT
 * form, EC as d·G (SEC 1 section 3.2.1), Ed25519 by letting the JRE's generator expand the 32-byte seed (RFC 8032
 * section 5.1.5). Runs once at start-up; the result is checked by signing and verifying a probe.
 */
final class PublicKeyDerivation {

    /** PKCS#8 v1/v2 prefix of an Ed25519 key (RFC 8410 section 7) after the outer SEQUENCE header. */
    private static final byte[] ED25519_PKCS8_BODY_PREFIX = {0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22,
            0x04, 0x20};

    private PublicKeyDerivation() {
    }

    static Optional<PublicKey> publicKeyOf(PrivateKey key) {
        try {
            PublicKey derived;
            if (key instanceof RSAPrivateCrtKey) {
                RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
                derived = KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            } else if (key instanceof ECPrivateKey) {
                ECPrivateKey ec = (ECPrivateKey) key;
                ECPoint w = multiply(ec.getParams(), ec.getS());
                derived = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, ec.getParams()));
            } else if ("EdDSA".equals(key.getAlgorithm()) || "Ed25519".equals(key.getAlgorithm())) {
                derived = ed25519PublicKey(key.getEncoded());
            } else {
                return Optional.empty();
            }
            return matches(key, derived) ? Optional.of(derived) : Optional.empty();
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static PublicKey ed25519PublicKey(byte[] pkcs8) throws GeneralSecurityException {
        // Java writes 30 2e 02 01 00 30 05 06 03 2b 65 70 04 22 04 20 <32-byte seed>; OpenSSL does the same.
        if (pkcs8.length < 48 || pkcs8[0] != 0x30 || (pkcs8[1] & 0x80) != 0 || pkcs8[2] != 0x02 || pkcs8[3] != 0x01
                || !Arrays.equals(Arrays.copyOfRange(pkcs8, 5, 16), ED25519_PKCS8_BODY_PREFIX)) {
            throw new GeneralSecurityException("unexpected Ed25519 PKCS#8 layout");
        }
        byte[] seed = Arrays.copyOfRange(pkcs8, 16, 48);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(255, new FixedSeed(seed));
        return generator.generateKeyPair().getPublic();
    }

    /**
     * Double-and-add over the curve's prime field. Kept rather than replaced because the JCA offers no EC point
     * multiplication and a PKCS#8 file from Java's or many tools' key generators carries no public key to read
     * instead; it runs once at start-up on the deployment's own key, so its timing reaches no remote party, and
     * the probe signature below proves the result.
     */
    private static ECPoint multiply(ECParameterSpec params, BigInteger scalar) {
        BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
        BigInteger a = params.getCurve().getA();
        ECPoint result = ECPoint.POINT_INFINITY;
        ECPoint addend = params.getGenerator();
        for (int i = 0; i < scalar.bitLength(); i++) {
            if (scalar.testBit(i)) {
                result = add(result, addend, p, a);
            }
            addend = add(addend, addend, p, a);
        }
        return result;
    }

    private static ECPoint add(ECPoint s, ECPoint t, BigInteger p, BigInteger a) {
        if (s.equals(ECPoint.POINT_INFINITY)) {
            return t;
        }
        if (t.equals(ECPoint.POINT_INFINITY)) {
            return s;
        }
        BigInteger lambda;
        if (s.getAffineX().equals(t.getAffineX())) {
            if (s.getAffineY().add(t.getAffineY()).mod(p).signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            BigInteger x = s.getAffineX();
            lambda = x.pow(2).multiply(BigInteger.valueOf(3)).add(a)
                    .multiply(s.getAffineY().shiftLeft(1).modInverse(p)).mod(p);
        } else {
            lambda = t.getAffineY().subtract(s.getAffineY())
                    .multiply(t.getAffineX().subtract(s.getAffineX()).modInverse(p)).mod(p);
        }
        BigInteger x3 = lambda.pow(2).subtract(s.getAffineX()).subtract(t.getAffineX()).mod(p);
        BigInteger y3 = lambda.multiply(s.getAffineX().subtract(x3)).subtract(s.getAffineY()).mod(p);
        return new ECPoint(x3, y3);
    }

    /** Whether {@code publicKey} verifies what {@code privateKey} signs. */
    static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        String algorithm;
        switch (privateKey.getAlgorithm()) {
            case "RSA":
                algorithm = "SHA256withRSA";
                break;
            case "EC":
                algorithm = "SHA256withECDSA";
                break;
            default:
                algorithm = "Ed25519";
        }
        try {
            byte[] probe = "jwt-servlet-auth key pair probe".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Hands the generator the configured seed instead of random bytes. */
    private static final class FixedSeed extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("unexpected seed request");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
