package org.jwtauth.bench;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jwtauth.config.Settings;
import org.jwtauth.keys.HmacSigningKeys;
import org.jwtauth.token.AccessTokenIssuer;
import org.jwtauth.token.AccessTokenVerifier;
import org.jwtauth.token.InvalidTokenException;
import org.jwtauth.token.JwtPrincipal;
import org.jwtauth.token.SigningKeys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-request cost of the bearer filter: {@link AccessTokenVerifier#verify} of a valid token, against what
 * hostile input costs (refused by the structural pre-check before any parsing, or parsed and refused on its
 * signature), and the cost of signing a token at login/refresh. Built exactly as the listener builds them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class VerifierBenchmark {

    @Param({"HS256", "HS512"})
    public String algorithm;

    private AccessTokenIssuer issuer;
    private AccessTokenVerifier verifier;
    private String valid;
    private String malformed;
    private String badSignature;

    @Setup(Level.Trial)
    public void setUp() throws InvalidTokenException {
        Settings settings = Fixtures.settings(algorithm);
        Clock clock = Clock.systemUTC();
        SigningKeys keys = new HmacSigningKeys(settings.algorithm(), settings.secret());
        issuer = new AccessTokenIssuer(keys, settings.issuer(), settings.audience(), settings.rolesClaim(),
                settings.accessTokenLifetime(), clock);
        verifier = AccessTokenVerifier.forOwnTokens(keys, settings.issuer(), settings.audience(), settings.rolesClaim(),
                settings.accessTokenLifetime(), settings.clockSkew(), clock);
        // The default lifetime (15 minutes) outlasts a trial; the token is issued afresh for each one.
        valid = issuer.issue("alice", List.of("user", "admin"), "family-0123456789", Map.of()).token();
        malformed = malformed(valid);
        badSignature = badSignature(valid);

        // A benchmark of the wrong path measures nothing: check each input takes the path it stands for.
        verifier.verify(valid);
        expectRefused(malformed, InvalidTokenException.Reason.MALFORMED);
        expectRefused(badSignature, InvalidTokenException.Reason.INVALID);
    }

    /**
     * Same length as a real token with one character outside base64url near its end: the pre-check must scan
     * almost all of it before refusing, its worst case.
     */
    static String malformed(String token) {
        int at = token.length() - 3;
        return token.substring(0, at) + '!' + token.substring(at + 1);
    }

    /** A well-formed token with the right kid whose signature does not match: parsed, then refused by the MAC. */
    static String badSignature(String token) {
        int signatureStart = token.lastIndexOf('.') + 1;
        // A middle character: changing the last one may only touch padding bits of the final base64 quantum.
        int at = signatureStart + 5;
        char replacement = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + replacement + token.substring(at + 1);
    }

    private void expectRefused(String token, InvalidTokenException.Reason reason) {
        try {
            verifier.verify(token);
        } catch (InvalidTokenException e) {
            if (e.reason() != reason) {
                throw new IllegalStateException("expected " + reason + " but was " + e.reason());
            }
            return;
        }
        throw new IllegalStateException("a tampered token was accepted");
    }

    /** What the filter pays on every authenticated request. */
    @Benchmark
    public JwtPrincipal verifyValid() throws InvalidTokenException {
        return verifier.verify(valid);
    }

    /** Garbage refused by the structural pre-check (TokenShape), before any base64 or JSON parsing. */
    @Benchmark
    public Object rejectMalformed() {
        try {
            return verifier.verify(malformed);
        } catch (InvalidTokenException e) {
            return e;
        }
    }

    /** A forged token: header and claims parsed, the MAC computed and compared, then refused. */
    @Benchmark
    public Object rejectBadSignature() {
        try {
            return verifier.verify(badSignature);
        } catch (InvalidTokenException e) {
            return e;
        }
    }

    /** Signing one access token (login and every refresh). */
    @Benchmark
    public Object issue() {
        return issuer.issue("alice", List.of("user", "admin"), "family-0123456789", Map.of());
    }
}
