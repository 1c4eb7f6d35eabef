package org.jwtauth.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.SigningAlgorithm;
import org.jwtauth.testing.TestKeys;

class AsymmetricSigningKeysTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA"})
    void privateKeyAloneSignsWithItsThumbprintAsKidAndPublishesOnlyThePublicKey(SigningAlgorithm algorithm)
            throws Exception {
        KeyPair pair = TestKeys.generate(algorithm.joseName());
        Path file = TestKeys.write(dir.resolve("signing.pem"), TestKeys.privatePem(pair));

        AsymmetricSigningKeys keys = AsymmetricSigningKeys.load(algorithm, List.of(file));

        String thumbprint = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic())
                .calculateBase64urlEncodedThumbprint("SHA-256");
        assertEquals(thumbprint, keys.signingKeyId());
        assertEquals(pair.getPublic(), keys.verificationKey(thumbprint).orElseThrow());
        List<?> published = (List<?>) JsonUtil.parseJson(keys.publishedJwks().orElseThrow()).get("keys");
        assertEquals(1, published.size());
        Map<?, ?> jwk = (Map<?, ?>) published.get(0);
        assertEquals(thumbprint, jwk.get("kid"));
        assertEquals(algorithm.joseName(), jwk.get("alg"));
        assertEquals("sig", jwk.get("use"));
        for (String privateMember : List.of("d", "p", "q", "dp", "dq", "qi")) {
            assertFalse(jwk.containsKey(privateMember), privateMember);
        }
    }

    private static ConfigurationException refused(SigningAlgorithm algorithm, Path... files) {
        return assertThrows(ConfigurationException.class, () -> AsymmetricSigningKeys.load(algorithm, List.of(files)));
    }

    @Test
    void rsaKeyUnder2048BitsIsRefusedNamingTheFile() throws Exception {
        Path file = TestKeys.write(dir.resolve("weak.pem"), TestKeys.privatePem(TestKeys.rsa(1024)));

        ConfigurationException e = refused(SigningAlgorithm.RS256, file);

        assertEquals("jwtauth.keys", e.key());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("1024"), e.getMessage());
    }

    @Test
    void ecKeyWithRs256IsRefusedNamingTheFile() throws Exception {
        Path file = TestKeys.write(dir.resolve("ec.pem"), TestKeys.privatePem(TestKeys.generate("ES256")));

        ConfigurationException e = refused(SigningAlgorithm.RS256, file);

        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("RSA"), e.getMessage());
    }

    @Test
    void p384KeyWithEs256IsRefused() throws Exception {
        Path file = TestKeys.write(dir.resolve("p384.pem"), TestKeys.privatePem(TestKeys.generate("ES384")));

        ConfigurationException e = refused(SigningAlgorithm.ES256, file);

        assertTrue(e.getMessage().contains("P-256"), e.getMessage());
    }

    @Test
    void olderVerificationKeyOfTheWrongTypeIsRefusedToo() throws Exception {
        Path signing = TestKeys.write(dir.resolve("new.pem"), TestKeys.privatePem(TestKeys.generate("RS256")));
        Path old = TestKeys.write(dir.resolve("old.pem"), TestKeys.publicPem(TestKeys.generate("EdDSA")));

        ConfigurationException e = refused(SigningAlgorithm.RS256, signing, old);

        assertTrue(e.getMessage().contains(old.toString()), e.getMessage());
    }

    @Test
    void onlyPublicKeysAreRefusedForWantOfAPrivateKey() throws Exception {
        Path file = TestKeys.write(dir.resolve("public.pem"), TestKeys.publicPem(TestKeys.generate("ES256")));

        ConfigurationException e = refused(SigningAlgorithm.ES256, file);

        assertTrue(e.getMessage().contains("private key") && e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void missingFileIsRefusedNamingIt() {
        Path file = dir.resolve("absent.pem");

        ConfigurationException e = refused(SigningAlgorithm.ES256, file);

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void pkcs1PrivateKeyIsRefusedWithAConversionHintAndNoKeyMaterial() throws Exception {
        KeyPair pair = TestKeys.generate("RS256");
        String body = TestKeys.pem("RSA PRIVATE KEY", pair.getPrivate().getEncoded());
        Path file = TestKeys.write(dir.resolve("pkcs1.pem"), body);

        ConfigurationException e = refused(SigningAlgorithm.RS256, file);

        assertTrue(e.getMessage().contains("openssl pkcs8"), e.getMessage());
        String material = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()).substring(0, 40);
        assertFalse(e.getMessage().contains(material.substring(0, 20)));
    }

    @Test
    void certificateWorksAsAnOlderVerificationKey() throws Exception {
        TestKeys.CertifiedKey old = TestKeys.selfSignedRsa(dir);
        KeyPair current = TestKeys.generate("RS256");
        Path signing = TestKeys.write(dir.resolve("current.pem"), TestKeys.privatePem(current));
        Path retired = TestKeys.write(dir.resolve("old-cert.pem"), old.certificatePem());

        AsymmetricSigningKeys keys = AsymmetricSigningKeys.load(SigningAlgorithm.RS256, List.of(signing, retired));

        String oldKid = KeyFileReader.thumbprint(old.certificate().getPublicKey());
        assertEquals(List.of(keys.signingKeyId(), oldKid), keys.verificationKeyIds());
        assertEquals(old.certificate().getPublicKey(), keys.verificationKey(oldKid).orElseThrow());
    }

    @Test
    void privateKeyAndItsCertificateInOneFileAreOneKey() throws Exception {
        TestKeys.CertifiedKey key = TestKeys.selfSignedRsa(dir);
        Path file = TestKeys.write(dir.resolve("both.pem"), key.certificatePem(),
                TestKeys.pem("PRIVATE KEY", key.privateKey().getEncoded()));

        AsymmetricSigningKeys keys = AsymmetricSigningKeys.load(SigningAlgorithm.RS256, List.of(file));

        assertEquals(List.of(KeyFileReader.thumbprint(key.certificate().getPublicKey())), keys.verificationKeyIds());
    }

    @Test
    void laterPrivateKeysOnlyVerify() throws Exception {
        KeyPair first = TestKeys.generate("ES256");
        KeyPair second = TestKeys.generate("ES256");
        Path a = TestKeys.write(dir.resolve("a.pem"), TestKeys.privatePem(first));
        Path b = TestKeys.write(dir.resolve("b.pem"), TestKeys.privatePem(second));

        AsymmetricSigningKeys keys = AsymmetricSigningKeys.load(SigningAlgorithm.ES256, List.of(a, b));

        assertEquals(first.getPrivate(), keys.signingKey());
        assertTrue(keys.verificationKey(KeyFileReader.thumbprint(second.getPublic())).isPresent());
    }

    @Test
    void jwksFileKeepsItsKidsAndItsFirstPrivateKeySigns() throws Exception {
        KeyPair pair = TestKeys.generate("ES384");
        Path file = TestKeys.write(dir.resolve("keys.json"), TestKeys.jwks(true, "2026-11", pair));

        AsymmetricSigningKeys keys = AsymmetricSigningKeys.load(SigningAlgorithm.ES384, List.of(file));

        assertEquals("2026-11", keys.signingKeyId());
        assertEquals(pair.getPrivate(), keys.signingKey());
        assertFalse(keys.publishedJwks().orElseThrow().contains("\"d\""));
    }

    @Test
    void jwksWithoutPrivateKeyIsRefused() throws Exception {
        Path file = TestKeys.write(dir.resolve("keys.json"), TestKeys.jwks(false, "k", TestKeys.generate("RS256")));

        refused(SigningAlgorithm.RS256, file);
    }

    @Test
    void twoDifferentKeysWithOneKidAreRefused() throws Exception {
        Path a = TestKeys.write(dir.resolve("a.json"), TestKeys.jwks(true, "same", TestKeys.generate("RS256")));
        Path b = TestKeys.write(dir.resolve("b.json"), TestKeys.jwks(false, "same", TestKeys.generate("RS256")));

        ConfigurationException e = refused(SigningAlgorithm.RS256, a, b);

        assertTrue(e.getMessage().contains("same"), e.getMessage());
    }

    @Test
    void jwkWhoseKeyOpsReserveItForEncryptionIsRefused() throws Exception {
        Path file = TestKeys.write(dir.resolve("enc.json"), jwksWithKeyOps(List.of("encrypt", "decrypt")));

        ConfigurationException e = refused(SigningAlgorithm.ES256, file);

        assertTrue(e.getMessage().contains("key_ops"), e.getMessage());
    }

    @Test
    void jwkWhoseKeyOpsAllowSigningIsAccepted() throws Exception {
        Path file = TestKeys.write(dir.resolve("sig.json"), jwksWithKeyOps(List.of("sign", "verify")));

        assertEquals("k1", AsymmetricSigningKeys.load(SigningAlgorithm.ES256, List.of(file)).signingKeyId());
    }

    private static String jwksWithKeyOps(List<String> operations) throws Exception {
        KeyPair pair = TestKeys.generate("ES256");
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
        jwk.setPrivateKey(pair.getPrivate());
        jwk.setKeyId("k1");
        jwk.setKeyOps(operations);
        return new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
    }
}
