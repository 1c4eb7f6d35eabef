package org.jwtauth.bench;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jwtauth.token.AccessTokenIssuer;
import org.jwtauth.token.AccessTokenVerifier;
import org.jwtauth.token.InvalidTokenException;
import org.jwtauth.token.JwtPrincipal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The per-request cost of the bearer filter: {@link AccessTokenVerifier#verify} of a valid token, against what
 * hostile input costs (refused by the structural pre-check before any parsing, or parsed and refused on its
 * signature), and the cost of signing a token at login/refresh. Built exactly as the listener builds them.
 */
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class VerifierBenchmark extends PerCallBenchmark {

    @Param({"HS256", "HS512"})
    public String algorithm;

    private AccessTokenIssuer issuer;
    private AccessTokenVerifier verifier;
    private String valid;
    private String malformed;
    private String badSignature;

    @Setup(Level.Trial)
    public void setUp() throws InvalidTokenException {
        Fixtures.Signing signing = Fixtures.signing(Fixtures.settings(algorithm), Clock.systemUTC());
        issuer = signing.issuer;
        verifier = signing.verifier;
        // The default lifetime (15 minutes) outlasts a trial; the token is issued afresh for each one.
        valid = issuer.issue("alice", List.of("user", "admin"), "family-0123456789", Map.of()).token();
        malformed = malformed(valid);
        badSignature = Fixtures.withBadSignature(valid);

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
        return verifyOrRefusal(malformed);
    }

    /** A forged token: header and claims parsed, the MAC computed and compared, then refused. */
    @Benchmark
    public Object rejectBadSignature() {
        return verifyOrRefusal(badSignature);
    }

    /** The principal, or the exception that refused the token: either way a result JMH consumes. */
    private Object verifyOrRefusal(String token) {
        try {
            return verifier.verify(token);
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
