package org.jwtauth.it.hostile;

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
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import org.jose4j.json.JsonUtil;

import static org.jwtauth.testing.JoseText.b64;
import static org.jwtauth.testing.JoseText.decode;
import static org.jwtauth.testing.JoseText.mac;

/**
 * Hand-made compact JWS tokens for a deployment whose secret, issuer, audience and key id the test knows:
 * correct ones to start from, and hostile ones made by changing one thing.
 */
final class Forge {

    private final byte[] secret;
    private final String issuer;
    private final String audience;
    private final String kid;

    Forge(byte[] secret, String issuer, String audience, String kid) {
        this.secret = secret.clone();
        this.issuer = issuer;
        this.audience = audience;
        this.kid = kid;
    }

    String kid() {
        return kid;
    }

    /** The header of a correct access token. */
    Map<String, Object> header() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("alg", "HS256");
        h.put("typ", "at+jwt");
        h.put("kid", kid);
        return h;
    }

    /** The claims of a correct access token for {@code subject}, issued now. */
    Map<String, Object> claims(String subject) {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", issuer);
        c.put("aud", audience);
        c.put("sub", subject);
        c.put("iat", now);
        c.put("exp", now + 600);
        c.put("jti", "forged-" + System.nanoTime());
        c.put("sid", "forged-family");
        c.put("roles", List.of("user"));
        return c;
    }

    /** Signed with the deployment's own secret: only what the caller changed can make it unacceptable. */
    String sign(Map<String, Object> header, Map<String, Object> claims) {
        return signJson(JsonUtil.toJson(header), JsonUtil.toJson(claims));
    }

    String signJson(String headerJson, String payloadJson) {
        return hmac(headerJson, payloadJson, secret, "HmacSHA256");
    }

    static String hmac(String headerJson, String payloadJson, byte[] key, String macAlgorithm) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        return input + "." + b64(mac(input.getBytes(StandardCharsets.US_ASCII), key, macAlgorithm));
    }

    static String hmacBytes(String headerJson, byte[] payload, byte[] key) {
        String input = b64(headerJson) + "." + b64(payload);
        return input + "." + b64(mac(input.getBytes(StandardCharsets.US_ASCII), key, "HmacSHA256"));
    }

    static String rsa(String headerJson, String payloadJson, PrivateKey key) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An attacker's self-signed certificate and its private key, made with the JDK's keytool. */
    record SelfSigned(PrivateKey key, Certificate certificate) {
    }

    static SelfSigned selfSigned(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        Path store = dir.resolve("attacker.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "attacker", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=attacker.test", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        return new SelfSigned((PrivateKey) keyStore.getKey("attacker", "changeit".toCharArray()),
                keyStore.getCertificate("attacker"));
    }
}
