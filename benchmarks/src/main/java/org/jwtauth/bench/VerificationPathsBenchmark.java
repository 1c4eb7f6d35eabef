package org.jwtauth.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.Settings;
import org.jwtauth.token.AccessTokenFactory;
import org.jwtauth.token.InvalidTokenException;
import org.jwtauth.token.JwtPrincipal;
import org.jwtauth.token.TokenCutOff;
import org.jwtauth.token.TokenVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The filter's three verification paths (design section 8) for each algorithm, beside baselines in the same run:
 * a cache hit; a first-seen token with the cache off (one pass: signature on the text, claims parsed once); a
 * forged signature; jose4j's own {@link JwtConsumer} as a plain user would build it; and the raw JCA signature
 * check alone (a prepared {@code Mac} or {@code Signature} per thread, no parsing at all), the floor. java-jwt is
 * in {@link JavaJwtBaselineBenchmark} (it has no EdDSA).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class VerificationPathsBenchmark extends PerCallBenchmark {

    @Param({"HS256", "RS256", "ES256", "EdDSA"})
    public String algorithm;

    private TokenVerifier cached;
    private TokenVerifier uncached;
    private JwtConsumer jose4j;
    String valid;
    String forged;
    Key verificationKey;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Settings settings = Fixtures.settings(algorithm);
        Fixtures.Signing signing = Fixtures.signing(settings, Clock.systemUTC());
        cached = AccessTokenFactory.filterVerifier(signing.verifier, settings, Clock.systemUTC(), TokenCutOff.NONE);
        uncached = AccessTokenFactory.filterVerifier(signing.verifier,
                Fixtures.settings(algorithm, Map.of(ConfigKeys.VERIFIER_CACHE_SIZE, "0")), Clock.systemUTC(),
                TokenCutOff.NONE);
        valid = signing.issuer.issue("alice", List.of("user", "admin"), "family-0123456789", Map.of()).token();
        forged = Fixtures.withBadSignature(valid);
        verificationKey = signing.keys.verificationKey(signing.keys.signingKeyId()).orElseThrow();
        jose4j = new JwtConsumerBuilder().setVerificationKey(verificationKey)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, algorithm)
                .setExpectedIssuer(settings.issuer()).setExpectedAudience(settings.audience())
                .setRequireExpirationTime().setRequireSubject().setRequireIssuedAt().build();

        // A benchmark of the wrong path measures nothing: check each input takes the path it stands for.
        cached.verify(valid);
        uncached.verify(valid);
        jose4j.process(valid);
        try {
            uncached.verify(forged);
            throw new IllegalStateException("a forged token was accepted");
        } catch (InvalidTokenException expected) {
            // refused, as it must be
        }
    }

    /** A token seen before: what most requests of a signed-in user cost. */
    @Benchmark
    public JwtPrincipal cacheHit() throws InvalidTokenException {
        return cached.verify(valid);
    }

    /** A token seen for the first time (here: the cache off), verified completely. */
    @Benchmark
    public JwtPrincipal firstSight() throws InvalidTokenException {
        return uncached.verify(valid);
    }

    /** A forged signature under our own header: refused after the signature check, before any JSON. */
    @Benchmark
    public Object forged() {
        try {
            return uncached.verify(forged);
        } catch (InvalidTokenException e) {
            return e;
        }
    }

    /** jose4j's own consumer, parsing the header and the claims and checking the same rules. */
    @Benchmark
    public Object jose4jConsumer() throws InvalidJwtException {
        return jose4j.process(valid);
    }

    /** The signature of the valid token, checked by the JCA alone: the floor of any verification. */
    @Benchmark
    public boolean rawJca(RawJca raw) throws GeneralSecurityException {
        return raw.verifies(valid);
    }

    /** The forged signature, checked by the JCA alone. */
    @Benchmark
    public boolean rawJcaForged(RawJca raw) throws GeneralSecurityException {
        return raw.verifies(forged);
    }

    /** One prepared JCA object per thread, as hand-written code that never parses anything would keep. */
    @State(Scope.Thread)
    public static class RawJca {
        private Mac mac;
        private Signature signature;

        @Setup(Level.Trial)
        public void setUp(VerificationPathsBenchmark benchmark) throws GeneralSecurityException {
            String alg = benchmark.algorithm;
            if (alg.startsWith("HS")) {
                mac = Mac.getInstance("HmacSHA" + alg.substring(2));
                mac.init(benchmark.verificationKey);
            } else {
                signature = Signature.getInstance(alg.equals("EdDSA") ? "Ed25519"
                        : alg.startsWith("ES") ? "SHA" + alg.substring(2) + "withECDSAinP1363Format"
                        : "SHA" + alg.substring(2) + "withRSA");
                signature.initVerify((java.security.PublicKey) benchmark.verificationKey);
            }
            if (!verifies(benchmark.valid) || verifies(benchmark.forged)) {
                throw new IllegalStateException("the raw check disagrees with the library");
            }
        }

        boolean verifies(String token) throws GeneralSecurityException {
            int dot = token.lastIndexOf('.');
            byte[] input = token.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
            byte[] sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (mac != null) {
                return MessageDigest.isEqual(mac.doFinal(input), sig);
            }
            signature.update(input);
            return signature.verify(sig);
        }
    }
}
