package org.jwtauth.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.Settings;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.keys.HmacSigningKeys;
import org.jwtauth.token.AccessTokenIssuer;
import org.jwtauth.token.AccessTokenVerifier;
import org.jwtauth.token.SigningKeys;

/** Settings built the way the tests build them: from a map, through the real parser and its validation. */
public final class Fixtures {

    /** 64 bytes, enough for every HS variant (HS512 needs 64), and random: the example 0123…cdef is refused. */
    public static final String SECRET = "7c1f9e04b2d86a35e9f0c4a1d7b3e58f2a6c09d4e1b7f3a85c2e9d06b4f1a73e";

    private Fixtures() {
    }

    public static Settings settings(String algorithm) {
        Map<String, String> values = new HashMap<>();
        values.put(ConfigKeys.SECRET, SECRET);
        values.put(ConfigKeys.ALGORITHM, algorithm);
        return new SettingsParser(ConfigSource.of(values), name -> null).parse();
    }

    /** The HMAC keys of {@code settings} and the issuer and verifier built on them, as the listener builds them. */
    public static Signing signing(Settings settings, Clock clock) {
        return new Signing(settings, clock);
    }

    /** What {@link #signing} builds. */
    public static final class Signing {
        public final SigningKeys keys;
        public final AccessTokenIssuer issuer;
        public final AccessTokenVerifier verifier;

        private Signing(Settings settings, Clock clock) {
            keys = new HmacSigningKeys(settings.algorithm(), settings.secret());
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
