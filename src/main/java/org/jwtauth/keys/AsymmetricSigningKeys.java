package org.jwtauth.keys;

import java.nio.file.Path;
import java.security.Key;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.config.SigningAlgorithm;
import org.jwtauth.log.Log;
import org.jwtauth.token.SigningKeys;

/**
 * The keys of an asymmetric algorithm (RS*, PS256, ES*, EdDSA) read from {@code jwtauth.keys}: the first private
 * key, in file order, signs; every configured public key verifies, so tokens signed by a previous key stay valid
 * while its public key is still listed (key rotation). Other private keys are used for verification only.
 */
public final class AsymmetricSigningKeys implements SigningKeys {

    private static final Log LOG = Log.of(AsymmetricSigningKeys.class);

    private final SigningAlgorithm algorithm;
    private final ConfiguredKey signing;
    private final Map<String, PublicKey> verification;
    private final String publishedJwks;

    private AsymmetricSigningKeys(SigningAlgorithm algorithm, ConfiguredKey signing, Map<String, PublicKey> keys) {
        this.algorithm = algorithm;
        this.signing = signing;
        this.verification = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        this.publishedJwks = toJwks(algorithm, keys);
    }

    /** Reads and checks the files at start-up; a {@link ConfigurationException} names the file at fault. */
    public static AsymmetricSigningKeys load(SigningAlgorithm algorithm, List<Path> files) {
        RuntimeSupport.requireAlgorithm(algorithm);
        KeyFileReader reader = new KeyFileReader(algorithm);
        Map<String, ConfiguredKey> byId = new LinkedHashMap<>();
        for (Path file : files) {
            for (ConfiguredKey key : reader.read(file)) {
                ConfiguredKey known = byId.get(key.keyId());
                if (known == null) {
                    byId.put(key.keyId(), key);
                } else if (!Arrays.equals(known.publicKey().getEncoded(), key.publicKey().getEncoded())) {
                    throw new ConfigurationException(ConfigKeys.KEYS, "file " + key.source() + " holds a key whose"
                            + " kid " + key.keyId() + " is already used by another key in " + known.source());
                } else if (known.privateKey().isEmpty() && key.privateKey().isPresent()) {
                    byId.put(key.keyId(), key); // e.g. a certificate listed before its private key
                }
            }
        }
        ConfiguredKey signing = byId.values().stream().filter(k -> k.privateKey().isPresent()).findFirst()
                .orElseThrow(() -> new ConfigurationException(ConfigKeys.KEYS, "none of the files " + files
                        + " holds a private key to sign with (a PKCS#8 PRIVATE KEY block or a JWK with \"d\")"));
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        byId.forEach((kid, key) -> keys.put(kid, key.publicKey()));
        AsymmetricSigningKeys result = new AsymmetricSigningKeys(algorithm, signing, keys);
        // Key ids and file names are public; operators need them to follow a rotation.
        LOG.info("jwt-servlet-auth signs {} with kid {} from {}; accepted kids: {}", algorithm.joseName(),
                signing.keyId(), signing.source(), keys.keySet());
        return result;
    }

    /** RFC 7517 section 5 with public members only, each with {@code kid}, {@code alg} and {@code use: sig}. */
    private static String toJwks(SigningAlgorithm algorithm, Map<String, PublicKey> keys) {
        List<PublicJsonWebKey> jwks = new ArrayList<>();
        try {
            for (Map.Entry<String, PublicKey> entry : keys.entrySet()) {
                PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(entry.getValue());
                jwk.setKeyId(entry.getKey());
                jwk.setAlgorithm(algorithm.joseName());
                jwk.setUse("sig");
                jwks.add(jwk);
            }
        } catch (JoseException e) {
            throw new IllegalStateException("cannot describe a configured public key as a JWK");
        }
        return new JsonWebKeySet(jwks).toJson(OutputControlLevel.PUBLIC_ONLY);
    }

    @Override
    public String algorithm() {
        return algorithm.joseName();
    }

    @Override
    public String signingKeyId() {
        return signing.keyId();
    }

    @Override
    public Key signingKey() {
        return signing.privateKey().orElseThrow();
    }

    @Override
    public Optional<Key> verificationKey(String keyId) {
        return keyId == null ? Optional.empty() : Optional.ofNullable(verification.get(keyId));
    }

    @Override
    public Optional<String> publishedJwks() {
        return Optional.of(publishedJwks);
    }

    /** The kids accepted, signing key first. */
    @Override
    public List<String> verificationKeyIds() {
        return List.copyOf(verification.keySet());
    }

    /**
     * The signing key's PKCS#8 encoding, from which other secrets of this deployment are derived with an HMAC
     * (so that no extra secret has to be configured). Never log it.
     */
    @Override
    public byte[] derivationSeed() {
        return signing.privateKey().orElseThrow().getEncoded();
    }

    @Override
    public String toString() {
        return "AsymmetricSigningKeys[" + algorithm.joseName() + ", signing kid=" + signing.keyId() + ", kids="
                + verification.keySet() + "]";
    }
}
