package org.jwtauth.token;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.Settings;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.config.SigningAlgorithm;
import org.jwtauth.keys.AsymmetricSigningKeys;
import org.jwtauth.keys.HmacSigningKeys;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Google Project Wycheproof's JOSE vectors (Apache-2.0, in {@code ../shared/conformance/wycheproof/}) run through
 * the signature stage that production uses (the algorithm constraints and key resolver of an
 * {@link AccessTokenVerifier}, {@code signatureVerifies}) and through the configuration path ({@link SettingsParser}, then
 * {@link HmacSigningKeys} or {@link AsymmetricSigningKeys}/{@code KeyFileReader}). The payloads are not JWT claim
 * sets, so the claims stage is not involved.
 *
 * <p>Each test group is configured as a deployment could be configured with its algorithm and key. A group or
 * vector needing a configuration this project cannot be given (an algorithm it does not offer, JWE, a key set for
 * HS*, a key the configuration refuses) is counted as not applicable, with the reason, and never as passed.
 * Every applicable {@code invalid} vector must be rejected; every applicable {@code valid} vector accepted,
 * except those {@link #refusedByPolicy} explains; {@code acceptable} ones are only recorded. An {@code invalid}
 * vector byte-identical to a {@code valid} one of the same group contradicts it; it is still sent, and reported
 * apart. In {@code json_web_key_test.json}, whose vectors are about the keys, an {@code invalid} key refused at
 * start-up counts as rejected.
 *
 * <p>The folder is found relative to the project directory, or from the system property
 * {@value #DIRECTORY_PROPERTY}; when it is absent the tests are skipped with a message.
 */
class WycheproofConformanceTest {

    static final String DIRECTORY_PROPERTY = "jwtauth.wycheproof.dir";

    /**
     * Why a vector marked valid is refused on purpose, or null. Design section 5: a token that is not exactly three
     * non-empty segments of canonical, unpadded base64url is refused before anything is parsed. An access token's
     * payload is a JSON claims set, never empty; some vectors carry a character outside the base64url alphabet
     * that a lenient decoder skips.
     */
    static String refusedByPolicy(String token) {
        String[] segments = token.split("\\.", -1);
        if (segments.length == 3 && Arrays.stream(segments).anyMatch(String::isEmpty)) {
            return "an empty segment (the shape check requires three non-empty segments, design section 5)";
        }
        if (!token.chars().allMatch(c -> c == '.' || c == '-' || c == '_' || (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
            return "a character outside base64url (refused by the shape check, design section 5)";
        }
        return null;
    }

    private static Path directory;

    @TempDir
    Path temp;

    @BeforeAll
    static void findVectors() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
        directory = (configured != null && !configured.isEmpty() ? Paths.get(configured)
                : base.resolve("../shared/conformance/wycheproof")).toAbsolutePath().normalize();
    }

    @Test
    void signatureVectorsWhenInvalidThenRejected() throws Exception {
        run("json_web_signature_test.json", false);
    }

    @Test
    void cryptoVectorsWhenInvalidThenRejected() throws Exception {
        run("json_web_crypto_test.json", false);
    }

    @Test
    void keyVectorsWhenInvalidThenRefusedAtConfigurationOrRejected() throws Exception {
        run("json_web_key_test.json", true);
    }

    private void run(String file, boolean keyTests) throws Exception {
        Path path = directory.resolve(file);
        if (!Files.isRegularFile(path)) {
            String message = "SKIPPED: Wycheproof vectors not found at " + path + " (set -D" + DIRECTORY_PROPERTY
                    + "=<folder> to point elsewhere)";
            System.out.println(message);
            Assumptions.abort(message);
        }
        Map<String, Object> document = JsonUtil.parseJson(Files.readString(path, StandardCharsets.UTF_8));
        WycheproofTally tally = new WycheproofTally(file);
        int groupNumber = 0;
        for (Object g : list(document.get("testGroups"))) {
            runGroup(tally, map(g), ++groupNumber, keyTests);
        }
        System.out.println(tally.summary());
        assertTrue(tally.failures.isEmpty(), file + ":\n  " + String.join("\n  ", tally.failures));
        assertTrue(tally.total > 0, "no vectors read from " + file);
    }

    private void runGroup(WycheproofTally tally, Map<String, Object> group, int number, boolean keyTests)
            throws IOException {
        List<Map<String, Object>> tests = new ArrayList<>();
        list(group.get("tests")).forEach(t -> tests.add(map(t)));
        tally.total += tests.size();
        String label = "group " + number + " (" + group.get("comment") + ")";
        if (tests.stream().anyMatch(t -> t.containsKey("jwe"))) {
            tests.forEach(t -> tally.notApplicable(t, "JWE: this project accepts signed tokens only (design section"
                    + " 5) and cannot be given a decryption key"));
            return;
        }
        // The key tests ask whether a key is fit for the tokens' algorithm, so that algorithm is configured.
        String algorithmName = keyTests ? tokensAlgorithm(tests) : groupAlgorithm(group, tests);
        Optional<SigningAlgorithm> algorithm = SigningAlgorithm.parse(algorithmName);
        if (algorithm.isEmpty()) {
            tests.forEach(t -> tally.notApplicable(t, "alg " + algorithmName + " is not one of the configurable"
                    + " algorithms (" + List.of(SigningAlgorithm.values()) + ")"));
            return;
        }
        Configured configured = configure(algorithm.get(), group, number);
        if (configured.notApplicable != null) {
            tests.forEach(t -> tally.notApplicable(t, configured.notApplicable));
            return;
        }
        if (configured.refusal != null) {
            for (Map<String, Object> test : tests) {
                if (!keyTests) {
                    tally.notApplicable(test, "configuration refused: " + configured.refusal);
                } else if ("invalid".equals(test.get("result"))) {
                    tally.applicable++;
                    tally.invalidRefusedAtConfiguration++;
                    tally.refusals.computeIfAbsent(configured.refusal, r -> new ArrayList<>())
                            .add(String.valueOf(test.get("tcId")));
                } else {
                    tally.applicable++;
                    tally.failures.add("tcId " + test.get("tcId") + " (" + test.get("result") + ", "
                            + test.get("comment") + ") in " + label + ": its key was refused: " + configured.refusal);
                }
            }
            return;
        }
        // The payloads are no claim sets: only the signature stage of a verifier of our own tokens is run.
        AccessTokenVerifier verifier = AccessTokenVerifier.forOwnTokens(configured.keys, "iss", "aud", "roles",
                Duration.ofMinutes(15), Duration.ZERO, Clock.systemUTC());
        Map<Object, Object> validByJws = new HashMap<>();
        tests.stream().filter(t -> "valid".equals(t.get("result")))
                .forEach(t -> validByJws.putIfAbsent(t.get("jws"), t.get("tcId")));
        for (Map<String, Object> test : tests) {
            Object twin = "invalid".equals(test.get("result")) ? validByJws.get(test.get("jws")) : null;
            runVector(tally, test, verifier, algorithm.get(), label, twin);
        }
    }

    private static void runVector(WycheproofTally tally, Map<String, Object> test, AccessTokenVerifier verifier,
                                  SigningAlgorithm algorithm, String label, Object validTwin) {
        String result = (String) test.get("result");
        Object jws = test.get("jws");
        // A JWS in JSON serialization (RFC 7515 section 7.2) is sent as the JSON text a client would put in the header.
        String token = jws instanceof String ? (String) jws : JsonUtil.toJson(map(jws));
        String headerAlg = headerAlgorithm(token);
        if (!"invalid".equals(result) && headerAlg != null && !headerAlg.equals(algorithm.joseName())) {
            tally.notApplicable(test, "signed with " + headerAlg + ", while the group's key is configured for "
                    + algorithm.joseName() + " and exactly one algorithm is accepted");
            return;
        }
        tally.applicable++;
        boolean accepted = verifier.signatureVerifies(token);
        String id = "tcId " + test.get("tcId");
        String what = "tcId " + test.get("tcId") + " (" + result + ", " + test.get("comment") + ") in " + label;
        switch (result) {
            case "invalid":
                if (validTwin != null) {
                    tally.contradictory.add(test.get("tcId") + " (" + test.get("comment") + ", identical to valid "
                            + validTwin + ", " + (accepted ? "accepted" : "rejected") + ")");
                } else if (accepted) {
                    tally.failures.add(what + " was ACCEPTED");
                } else {
                    tally.invalidRejected++;
                }
                break;
            case "valid":
                if (accepted) {
                    tally.validAccepted++;
                } else if (refusedByPolicy(token) != null) {
                    tally.validRefusedByPolicy.put(id, refusedByPolicy(token));
                } else {
                    tally.failures.add(what + " was rejected");
                }
                break;
            default:
                if (accepted) {
                    tally.acceptableAccepted.add(String.valueOf(test.get("tcId")));
                } else {
                    tally.acceptableRejected.add(String.valueOf(test.get("tcId")));
                }
        }
    }

    /** The key's {@code alg}, else the one {@code alg} all the group's vectors name. */
    private static String groupAlgorithm(Map<String, Object> group, List<Map<String, Object>> tests) {
        List<Map<String, Object>> keys = jwks(group.get("private"));
        if (keys.size() == 1 && keys.get(0).get("alg") instanceof String) {
            return (String) keys.get(0).get("alg");
        }
        return tokensAlgorithm(tests);
    }

    /** The one {@code alg} (other than none) that the group's vectors name. */
    private static String tokensAlgorithm(List<Map<String, Object>> tests) {
        String found = null;
        for (Map<String, Object> test : tests) {
            String alg = test.get("jws") instanceof String ? headerAlgorithm((String) test.get("jws")) : null;
            if (alg != null && !alg.equalsIgnoreCase("none")) {
                if (found != null && !found.equals(alg)) {
                    return "(mixed: " + found + ", " + alg + ")";
                }
                found = alg;
            }
        }
        return found;
    }

    /** The configuration a deployment would give for this group's key, through the production parser. */
    private Configured configure(SigningAlgorithm algorithm, Map<String, Object> group, int number)
            throws IOException {
        List<Map<String, Object>> privateKeys = jwks(group.get("private"));
        Map<String, String> params = new HashMap<>();
        params.put(ConfigKeys.ALGORITHM, algorithm.joseName());
        if (algorithm.isSymmetric()) {
            if (privateKeys.size() != 1) {
                return Configured.notApplicable("a set of " + privateKeys.size() + " keys: HS* takes exactly one"
                        + " secret (jwtauth.secret), and jwtauth.keys is refused for HS*");
            }
            Map<String, Object> jwk = privateKeys.get(0);
            if (!"oct".equals(jwk.get("kty"))) {
                return Configured.notApplicable("a " + jwk.get("kty") + " key for " + algorithm.joseName());
            }
            Object alg = jwk.get("alg");
            Object use = jwk.get("use");
            if ((alg != null && !algorithm.joseName().equals(alg)) || (use != null && !"sig".equals(use))) {
                return Configured.notApplicable("an oct JWK with alg " + alg + ", use " + use + ": jwtauth.secret"
                        + " holds the key bytes only, so a JWK's alg and use cannot be configured");
            }
            byte[] secret = Base64.getUrlDecoder().decode((String) jwk.get("k"));
            params.put(ConfigKeys.SECRET, "base64:" + Base64.getEncoder().encodeToString(secret));
            try {
                Settings settings = new SettingsParser(ConfigSource.of(params), name -> null).parse();
                Object kid = jwk.get("kid");
                return Configured.keys(kid instanceof String
                        ? new HmacSigningKeys(settings.algorithm(), settings.secret(), (String) kid)
                        : new HmacSigningKeys(settings.algorithm(), settings.secret()));
            } catch (ConfigurationException e) {
                return Configured.refused(e.getMessage());
            }
        }
        Path dir = Files.createDirectories(temp.resolve("group-" + number));
        List<String> files = new ArrayList<>();
        files.add(write(dir.resolve("private.jwks"), group.get("private")));
        if (group.get("public") != null) {
            files.add(write(dir.resolve("public.jwks"), group.get("public")));
        }
        params.put(ConfigKeys.KEYS, String.join(",", files));
        try {
            Settings settings = new SettingsParser(ConfigSource.of(params), name -> null).parse();
            return Configured.keys(AsymmetricSigningKeys.load(settings.algorithm(), settings.keyFiles()));
        } catch (ConfigurationException e) {
            return Configured.refused(e.getMessage().replace(dir + File.separator, ""));
        }
    }

    /** A JWK as a one-key JWKS file (a key set as it is), as a deployer would write it. */
    private static String write(Path file, Object jwkOrSet) throws IOException {
        Map<String, Object> set = map(jwkOrSet).containsKey("keys") ? map(jwkOrSet)
                : Map.of("keys", List.of(jwkOrSet));
        Files.writeString(file, JsonUtil.toJson(set), StandardCharsets.UTF_8);
        return file.toString();
    }

    private static List<Map<String, Object>> jwks(Object jwkOrSet) {
        List<Map<String, Object>> keys = new ArrayList<>();
        if (jwkOrSet == null) {
            return keys;
        }
        Map<String, Object> value = map(jwkOrSet);
        if (value.containsKey("keys")) {
            list(value.get("keys")).forEach(k -> keys.add(map(k)));
        } else {
            keys.add(value);
        }
        return keys;
    }

    /** The header's alg, read without verifying anything, for classification only. */
    private static String headerAlgorithm(String token) {
        try {
            String header = token.substring(0, token.indexOf('.'));
            Object alg = JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(header),
                    StandardCharsets.UTF_8)).get("alg");
            return alg instanceof String ? (String) alg : null;
        } catch (JoseException | RuntimeException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    /** Either keys, or why the configuration was refused, or why no configuration can express the group. */
    private static final class Configured {
        final SigningKeys keys;
        final String refusal;
        final String notApplicable;

        private Configured(SigningKeys keys, String refusal, String notApplicable) {
            this.keys = keys;
            this.refusal = refusal;
            this.notApplicable = notApplicable;
        }

        static Configured keys(SigningKeys keys) {
            return new Configured(keys, null, null);
        }

        static Configured refused(String why) {
            return new Configured(null, why, null);
        }

        static Configured notApplicable(String why) {
            return new Configured(null, null, why);
        }
    }
}
