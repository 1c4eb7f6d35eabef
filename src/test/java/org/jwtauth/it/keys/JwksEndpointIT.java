package org.jwtauth.it.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jwtauth.it.support.ContainerKind;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.ItBuild;
import org.jwtauth.testing.TestKeys;

/**
 * {@code GET /.well-known/jwks.json}, mapped by the web fragment, publishes the public keys only, and another
 * JOSE implementation (Nimbus JOSE+JWT) verifies an access token of the application with nothing but that
 * document. For a shared secret (HS256) there is nothing to publish.
 */
class JwksEndpointIT {

    private static final String ISSUER = "https://app.example";

    @ParameterizedTest
    @CsvSource({"JETTY, RS256", "JETTY, PS256", "JETTY, ES256", "TOMCAT, ES384"})
    void jwksWhenPublishedThenAnIndependentLibraryVerifiesAnAccessTokenWithItAlone(ContainerKind kind, String algorithm)
            throws Exception {
        Path keys = TestKeys.write(ItBuild.newWorkDir("keys").resolve("keys.pem"),
                TestKeys.privatePem(TestKeys.generate(algorithm)),
                TestKeys.publicPem(TestKeys.generate(algorithm)));
        try (DeployedApp app = DeployedApp.deploy(kind, KeyApps.webApp(Map.of("jwtauth.algorithm", algorithm,
                "jwtauth.keys", keys.toString(), "jwtauth.issuer", ISSUER)), "/app", KeyApps.USERS)) {
            String accessToken = (String) KeyApps.login(app).get("accessToken");

            HttpResult jwks = app.http().get(app.uri("/.well-known/jwks.json"));
            assertEquals(200, jwks.status(), jwks::toString);
            assertTrue(jwks.header("Content-Type").orElse("").startsWith("application/jwk-set+json"), jwks::toString);
            assertEquals("public, max-age=300", jwks.header("Cache-Control").orElse(""));
            JWKSet set = JWKSet.parse(jwks.body());
            assertEquals(2, set.getKeys().size(), "the signing key and the older verification key");
            for (JWK jwk : set.getKeys()) {
                assertFalse(jwk.isPrivate(), "published a private key");
                assertEquals(algorithm, jwk.getAlgorithm().getName());
                assertEquals("sig", jwk.getKeyUse().identifier());
            }

            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.parse(algorithm),
                    new ImmutableJWKSet<>(set)));
            // The default audience: the issuer plus the context path (an explicit jwtauth.audience would win).
            processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(ISSUER + "/app",
                    new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("sub", "exp", "iat", "jti", "sid")));
            JWTClaimsSet claims = processor.process(accessToken, null);
            assertEquals("alice", claims.getSubject());
        }
    }

    @Test
    void jwksWhenTheDeploymentUsesASharedSecretThenNotFound() throws Exception {
        try (DeployedApp app = DeployedApp.deploy(ContainerKind.JETTY, KeyApps.webApp(Map.of(
                "jwtauth.secret", "a-test-secret-that-is-long-enough-for-hs256")), "/app", KeyApps.USERS)) {
            HttpResult jwks = app.http().get(app.uri("/.well-known/jwks.json"));

            assertEquals(404, jwks.status(), jwks::toString);
            assertFalse(jwks.body().contains("\"k\""));
        }
    }
}
