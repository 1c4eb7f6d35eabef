package org.jwtauth.bench;

import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import org.jwtauth.config.Settings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * java-jwt (com.auth0), the usual hand-rolled choice, verifying the same tokens with the same rules (issuer,
 * audience, expiry), as the baseline of {@link VerificationPathsBenchmark}'s first sight. It has no EdDSA.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class JavaJwtBaselineBenchmark extends PerCallBenchmark {

    @Param({"HS256", "RS256", "ES256"})
    public String algorithm;

    private JWTVerifier verifier;
    private String valid;

    @Setup(Level.Trial)
    public void setUp() {
        Settings settings = Fixtures.settings(algorithm);
        Fixtures.Signing signing = Fixtures.signing(settings, Clock.systemUTC());
        Object key = signing.keys.verificationKey(signing.keys.signingKeyId()).orElseThrow();
        Algorithm jwtAlgorithm = algorithm.equals("HS256") ? Algorithm.HMAC256(settings.secret())
                : algorithm.equals("RS256") ? Algorithm.RSA256((RSAPublicKey) key, null)
                : Algorithm.ECDSA256((ECPublicKey) key, null);
        verifier = JWT.require(jwtAlgorithm).withIssuer(settings.issuer()).withAudience(settings.audience()).build();
        valid = signing.issuer.issue("alice", List.of("user", "admin"), "family-0123456789", Map.of()).token();
        verifier.verify(valid);
    }

    @Benchmark
    public Object verify() {
        return verifier.verify(valid);
    }
}
