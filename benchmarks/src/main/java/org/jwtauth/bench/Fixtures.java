package org.jwtauth.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.Settings;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.keys.SigningKeysFactory;
import org.jwtauth.token.AccessTokenIssuer;
import org.jwtauth.token.AccessTokenVerifier;
import org.jwtauth.token.SigningKeys;

/** Settings built the way the tests build them: from a map, through the real parser and its validation. */
public final class Fixtures {

    /**
     * A new random HMAC secret for each JVM (so no key is ever committed): 64 bytes, enough for every HS variant
     * (HS512 needs 64). Issuer and verifier of a benchmark always live in the same JVM.
     */
    public static final String SECRET = "base64:" + Base64.getEncoder().encodeToString(randomBytes(64));

    private Fixtures() {
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    public static Settings settings(String algorithm) {
        return settings(algorithm, Map.of());
    }

    /**
     * The settings of {@code algorithm}: the secret for HS*, else a new key pair written to a JWKS file of its own
     * (jwtauth.keys), plus {@code more}. Generated for each run: no key is committed.
     */
    public static Settings settings(String algorithm, Map<String, String> more) {
        Map<String, String> values = new HashMap<>(more);
        values.put(ConfigKeys.ALGORITHM, algorithm);
        if (algorithm.startsWith("HS")) {
            values.put(ConfigKeys.SECRET, SECRET);
        } else {
            values.put(ConfigKeys.KEYS, newKeyPairJwks(algorithm).toString());
        }
        return new SettingsParser(ConfigSource.of(values), name -> null).parse();
    }

    private static Path newKeyPairJwks(String algorithm) {
        try {
            KeyPairGenerator generator;
            if (algorithm.startsWith("ES")) {
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec(algorithm.equals("ES384") ? "secp384r1" : "secp256r1"));
            } else if (algorithm.equals("EdDSA")) {
                generator = KeyPairGenerator.getInstance("Ed25519");
            } else {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
            }
            KeyPair pair = generator.generateKeyPair();
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
            jwk.setPrivateKey(pair.getPrivate());
            Path file = Files.createTempFile("jwtauth-bench-" + algorithm, ".jwks.json");
            file.toFile().deleteOnExit();
            Files.writeString(file, new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys of {@code settings} and the issuer and verifier built on them, as the listener builds them. */
    public static Signing signing(Settings settings, Clock clock) {
        return new Signing(settings, clock);
    }

    /** What {@link #signing} builds. */
    public static final class Signing {
        public final SigningKeys keys;
        public final AccessTokenIssuer issuer;
        public final AccessTokenVerifier verifier;

        private Signing(Settings settings, Clock clock) {
            keys = SigningKeysFactory.from(settings);
            issuer = new AccessTokenIssuer(keys, settings.issuer(), settings.audience(), settings.rolesClaim(),
                    settings.accessTokenLifetime(), clock);
            verifier = AccessTokenVerifier.forOwnTokens(keys, settings.issuer(), settings.audience(), settings.rolesClaim(),
                    settings.accessTokenLifetime(), settings.clockSkew(), clock);
        }
    }

    /** {@code token} with one signature character changed: well-formed, right kid, refused by the MAC. */
    public static String withBadSignature(String token) {
        int signatureStart = token.lastIndexOf('.') + 1;
        // A middle character: changing the last one may only touch padding bits of the final base64 quantum.
        int at = signatureStart + 5;
        char replacement = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + replacement + token.substring(at + 1);
    }

    public static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
