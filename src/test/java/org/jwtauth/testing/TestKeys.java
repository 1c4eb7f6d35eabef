package org.jwtauth.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/** Key pairs for tests, made fresh in each test, and their PEM and JWKS files. */
public final class TestKeys {

    private TestKeys() {
    }

    /** A new key pair suiting the JOSE algorithm name (RS*, PS256: RSA 2048; ES256: P-256; ES384: P-384; EdDSA). */
    public static KeyPair generate(String algorithm) {
        try {
            switch (algorithm) {
                case "ES256":
                    return ec("secp256r1");
                case "ES384":
                    return ec("secp384r1");
                case "EdDSA":
                    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                default:
                    return rsa(2048);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    public static KeyPair ec(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    /** One PEM block (RFC 7468), 64 characters a line. */
    public static String pem(String label, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
    }

    public static String privatePem(KeyPair pair) {
        return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    public static String publicPem(KeyPair pair) {
        return pem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    public static Path write(Path file, String... parts) throws IOException {
        Files.writeString(file, String.join("", parts));
        return file;
    }

    /** A JWKS document of the pairs; private members included where {@code withPrivate}. */
    public static String jwks(boolean withPrivate, String kid, KeyPair... pairs) throws JoseException {
        List<PublicJsonWebKey> keys = new ArrayList<>();
        for (int i = 0; i < pairs.length; i++) {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pairs[i].getPublic());
            if (withPrivate) {
                jwk.setPrivateKey(pairs[i].getPrivate());
            }
            if (kid != null) {
                jwk.setKeyId(pairs.length == 1 ? kid : kid + i);
            }
            keys.add(jwk);
        }
        return new JsonWebKeySet(keys).toJson(withPrivate ? OutputControlLevel.INCLUDE_PRIVATE
                : OutputControlLevel.PUBLIC_ONLY);
    }

    /** A self-signed RSA certificate and its private key, made with the JDK's keytool. */
    public static CertifiedKey selfSignedRsa(Path dir) throws Exception {
        Path store = dir.resolve("cert-" + System.nanoTime() + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "k", "-keyalg", "RSA", "-keysize",
                "2048", "-dname", "CN=jwt-servlet-auth test", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed");
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        return new CertifiedKey((X509Certificate) keyStore.getCertificate("k"),
                (PrivateKey) keyStore.getKey("k", "changeit".toCharArray()));
    }

    /** A certificate and the private key it certifies. */
    public record CertifiedKey(X509Certificate certificate, PrivateKey privateKey) {
        public String certificatePem() throws GeneralSecurityException {
            return pem("CERTIFICATE", certificate.getEncoded());
        }

        public KeyPair pair() {
            return new KeyPair(certificate.getPublicKey(), privateKey);
        }
    }
}
