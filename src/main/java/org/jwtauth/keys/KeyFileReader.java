package org.jwtauth.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.config.SigningAlgorithm;

/**
 * Reads one file of {@code jwtauth.keys}: PEM (RFC 7468: {@code PRIVATE KEY} = PKCS#8, {@code PUBLIC KEY} = SPKI,
 * {@code CERTIFICATE} = X.509, any number of blocks) or a JWKS document (RFC 7517 section 5, recognised by its
 * leading '{'). Every key must suit the configured algorithm. Messages name the file, never key material.
 */
final class KeyFileReader {

    private final SigningAlgorithm algorithm;

    KeyFileReader(SigningAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    List<ConfiguredKey> read(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw refused(file, "cannot be read");
        }
        List<ConfiguredKey> keys = text.trim().startsWith("{") ? readJwks(file, text) : readPem(file, text);
        if (keys.isEmpty()) {
            throw refused(file, "holds no key (expected PEM PRIVATE KEY, PUBLIC KEY or CERTIFICATE blocks, or a JWKS)");
        }
        return keys;
    }

    private List<ConfiguredKey> readPem(Path file, String text) {
        List<ConfiguredKey> keys = new ArrayList<>();
        List<PemBlocks.Block> blocks;
        try {
            blocks = PemBlocks.parse(text);
        } catch (IllegalArgumentException e) {
            throw refused(file, "holds a PEM block that is not valid base64");
        }
        for (PemBlocks.Block block : blocks) {
            switch (block.label) {
                case "PRIVATE KEY":
                    PrivateKey privateKey = KeyDecoder.privateKey(block.der).orElseThrow(() -> refused(file,
                            "holds a PRIVATE KEY this JRE cannot read (RSA, EC and, on Java 15+, Ed25519 are read)"));
                    PublicKey derived = PublicKeyDerivation.publicKeyOf(privateKey).orElseThrow(() -> refused(file,
                            "holds a private key whose public key cannot be computed"));
                    keys.add(key(file, null, derived, privateKey));
                    break;
                case "PUBLIC KEY":
                    keys.add(key(file, null, KeyDecoder.publicKey(block.der).orElseThrow(() -> refused(file,
                            "holds a PUBLIC KEY this JRE cannot read")), null));
                    break;
                case "CERTIFICATE":
                    keys.add(key(file, null, KeyDecoder.certificateKey(block.der).orElseThrow(() -> refused(file,
                            "holds a CERTIFICATE that cannot be read")), null));
                    break;
                case "RSA PRIVATE KEY":
                case "EC PRIVATE KEY":
                    throw refused(file, "holds a " + block.label + " (PKCS#1/SEC 1); convert it to PKCS#8 with "
                            + "openssl pkcs8 -topk8 -nocrypt");
                case "ENCRYPTED PRIVATE KEY":
                    throw refused(file, "holds an encrypted private key; store it unencrypted with restricted "
                            + "file permissions (openssl pkcs8 -topk8 -nocrypt)");
                case "EC PARAMETERS":
                    break; // written by `openssl ecparam -genkey`; the key block carries the curve too
                default:
                    throw refused(file, "holds an unsupported PEM block: " + block.label);
            }
        }
        return keys;
    }

    private List<ConfiguredKey> readJwks(Path file, String text) {
        List<ConfiguredKey> keys = new ArrayList<>();
        JsonWebKeySet set;
        try {
            set = new JsonWebKeySet(text);
        } catch (JoseException | RuntimeException e) {
            throw refused(file, "is not a valid JWKS document (RFC 7517 section 5)");
        }
        for (JsonWebKey jwk : set.getJsonWebKeys()) {
            if (!(jwk instanceof PublicJsonWebKey)) {
                throw refused(file, "holds a symmetric key; use jwtauth.secret with HS256/384/512 instead");
            }
            if (jwk.getUse() != null && !"sig".equals(jwk.getUse())) {
                throw refused(file, "holds a key whose \"use\" is not \"sig\"");
            }
            // RFC 7517 section 4.3: key_ops, like use, can reserve a key for encryption.
            List<String> operations = jwk.getKeyOps();
            if (operations != null && !operations.contains("sign") && !operations.contains("verify")) {
                throw refused(file, "holds a key whose \"key_ops\" allow neither \"sign\" nor \"verify\"");
            }
            if (jwk.getAlgorithm() != null && !algorithm.joseName().equals(jwk.getAlgorithm())) {
                throw refused(file, "holds a key for \"alg\" " + jwk.getAlgorithm() + ", but jwtauth.algorithm is "
                        + algorithm.joseName());
            }
            PublicJsonWebKey pair = (PublicJsonWebKey) jwk;
            PrivateKey privateKey = pair.getPrivateKey();
            if (privateKey != null && !PublicKeyDerivation.matches(privateKey, pair.getPublicKey())) {
                throw refused(file, "holds a private key that does not belong to its public key");
            }
            keys.add(key(file, jwk.getKeyId(), pair.getPublicKey(), privateKey));
        }
        return keys;
    }

    private ConfiguredKey key(Path file, String keyId, PublicKey publicKey, PrivateKey privateKey) {
        String problem = KeyRequirements.problem(algorithm, publicKey);
        if (problem != null) {
            throw refused(file, problem);
        }
        String kid = Optional.ofNullable(keyId).filter(s -> !s.isEmpty()).orElseGet(() -> thumbprint(publicKey));
        return new ConfiguredKey(kid, publicKey, privateKey, file.toString());
    }

    /** RFC 7638 section 3: the base64url SHA-256 of the key's required members. */
    static String thumbprint(PublicKey publicKey) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(publicKey).calculateBase64urlEncodedThumbprint("SHA-256");
        } catch (JoseException e) {
            throw new IllegalStateException("cannot compute the thumbprint of a " + publicKey.getAlgorithm() + " key");
        }
    }

    private static ConfigurationException refused(Path file, String why) {
        return new ConfigurationException(ConfigKeys.KEYS, "file " + file + " " + why);
    }
}
