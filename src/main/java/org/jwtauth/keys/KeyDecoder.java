package org.jwtauth.keys;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;

/**
 * Decodes PKCS#8 private keys (RFC 5208), SubjectPublicKeyInfo public keys (RFC 5280 section 4.1.2.7) and X.509
 * certificates with the JCA. The key type is found by trying the factories in turn, since the DER carries its
 * own algorithm identifier; Ed25519 is only tried on JREs that have it (Java 15 and later).
 */
final class KeyDecoder {

    /** JCA names; "Ed25519" accepts only Ed25519 encodings, never Ed448. */
    private static final String[] KEY_TYPES = {"RSA", "EC", "Ed25519"};

    private KeyDecoder() {
    }

    static Optional<PrivateKey> privateKey(byte[] der) {
        return firstTypeThatDecodes(factory -> factory.generatePrivate(new PKCS8EncodedKeySpec(der)));
    }

    static Optional<PublicKey> publicKey(byte[] der) {
        return firstTypeThatDecodes(factory -> factory.generatePublic(new X509EncodedKeySpec(der)));
    }

    /** One way of decoding DER with a key factory. */
    private interface Decoding<K> {
        K decode(KeyFactory factory) throws GeneralSecurityException;
    }

    private static <K> Optional<K> firstTypeThatDecodes(Decoding<K> decoding) {
        for (String type : KEY_TYPES) {
            try {
                return Optional.of(decoding.decode(factory(type)));
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this type; try the next
            }
        }
        return Optional.empty();
    }

    static Optional<PublicKey> certificateKey(byte[] der) {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return Optional.of(certificate.getPublicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether this JRE can sign and verify Ed25519 (Java 15+, JEP 339). */
    static boolean supportsEd25519() {
        try {
            KeyFactory.getInstance("Ed25519");
            return true;
        } catch (NoSuchAlgorithmException e) {
            return false;
        }
    }

    private static KeyFactory factory(String type) throws NoSuchAlgorithmException {
        return KeyFactory.getInstance(type);
    }
}
