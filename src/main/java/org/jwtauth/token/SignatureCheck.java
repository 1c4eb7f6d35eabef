package org.jwtauth.token;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.crypto.Mac;

import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.jose4j.lang.JoseException;

/**
 * Checks a JWS signature (RFC 7515 section 5.2, step 8) over the signing input with one fixed key and algorithm,
 * chosen beforehand from a header that is exactly ours, so no header is parsed for it.
 */
abstract class SignatureCheck {

    abstract boolean verifies(byte[] signingInput, byte[] signature);

    static SignatureCheck of(String algorithm, Key key) {
        return algorithm.startsWith("HS") ? new HmacCheck("HmacSHA" + algorithm.substring(2), key)
                : new JoseCheck(algorithm, key);
    }

    /**
     * HMAC (RFC 7518 section 3.2) with initialised {@link Mac}s reused from a queue: {@code Mac.getInstance} and
     * {@code init} cost more than the HMAC of a token. Not a ThreadLocal, which would stay behind in the
     * container's threads after undeploy. The comparison is in constant time.
     */
    private static final class HmacCheck extends SignatureCheck {
        private final String jcaName;
        private final Key key;
        private final Queue<Mac> idle = new ConcurrentLinkedQueue<>();

        HmacCheck(String jcaName, Key key) {
            this.jcaName = jcaName;
            this.key = key;
            idle.add(newMac());
        }

        @Override
        boolean verifies(byte[] signingInput, byte[] signature) {
            Mac mac = idle.poll();
            if (mac == null) {
                mac = newMac();
            }
            try {
                return MessageDigest.isEqual(mac.doFinal(signingInput), signature);
            } finally {
                idle.offer(mac);
            }
        }

        private Mac newMac() {
            try {
                Mac mac = Mac.getInstance(jcaName);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(jcaName + " is not available", e);
            }
        }
    }

    /** RSA, RSA-PSS, ECDSA and EdDSA through jose4j's algorithm objects (which convert ECDSA's R||S to DER). */
    private static final class JoseCheck extends SignatureCheck {
        private final JsonWebSignatureAlgorithm algorithm;
        private final Key key;
        private final ProviderContext providers = new ProviderContext();

        JoseCheck(String algorithm, Key key) {
            try {
                this.algorithm = AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory()
                        .getAlgorithm(algorithm);
            } catch (JoseException e) {
                throw new IllegalStateException(algorithm + " is not available", e);
            }
            this.key = key;
        }

        @Override
        boolean verifies(byte[] signingInput, byte[] signature) {
            try {
                return algorithm.verifySignature(signature, key, signingInput, providers);
            } catch (JoseException | RuntimeException e) {
                return false;
            }
        }
    }
}
