package org.jwtauth.it.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.ContainerKind;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.testing.TestKeys;
import org.jwtauth.testing.TokenForge;

/**
 * Tokens of a second issuer (an identity provider whose JWKS a local HTTP server plays) are accepted by the filter:
 * keys are fetched from the configured URL, fetched again when the provider rotates its key, never more often than
 * the refresh interval, and never from a URL the token names. The refresh endpoint accepts only our own tokens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustedIssuerIT {

    private static final String IDP = "https://idp.test";
    private static final long INTERVAL_MILLIS = 3000;

    private final AtomicReference<String> jwks = new AtomicReference<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final AtomicInteger otherRequests = new AtomicInteger();
    private HttpServer idp;
    private DeployedApp app;

    @BeforeAll
    void start() throws Exception {
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/jwks", exchange -> {
            jwksFetches.incrementAndGet();
            byte[] body = jwks.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        idp.createContext("/", exchange -> {
            otherRequests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        idp.start();
        String jwksUrl = "http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks";
        app = DeployedApp.deploy(ContainerKind.JETTY, KeyApps.webApp(Map.of(
                "jwtauth.secret", "a-test-secret-that-is-long-enough-for-hs256",
                "jwtauth.trusted.issuer", IDP, "jwtauth.trusted.jwksUrl", jwksUrl,
                "jwtauth.trusted.algorithms", "RS256,ES256", "jwtauth.trusted.rolesClaim", "groups",
                "jwtauth.trusted.refreshInterval", "PT" + INTERVAL_MILLIS / 1000 + "S")), "/app", KeyApps.USERS);
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        idp.stop(0);
    }

    @Test
    void trustedIssuerWhenTheProviderRotatesItsKeyThenItsTokensAreAcceptedWithRateLimitedRefetches() throws Exception {
        KeyPair first = TestKeys.generate("RS256");
        jwks.set(TestKeys.jwks(false, "k1", first));
        // Other tests of this class may have fetched a moment ago: start outside the refetch interval.
        Thread.sleep(INTERVAL_MILLIS + 300);
        int fetchesBefore = jwksFetches.get();

        HttpResult accepted = KeyApps.whoAmI(app, token(first, "RS256", "k1", IDP, null));
        assertEquals(200, accepted.status(), accepted::toString);
        KeyApps.assertCaller(accepted, "bob", true, false);
        assertEquals(fetchesBefore + 1, jwksFetches.get());

        // The provider rotates to an EC key; once the interval has passed, the new kid triggers one refetch.
        KeyPair second = TestKeys.generate("ES256");
        jwks.set(TestKeys.jwks(false, "k2", second));
        Thread.sleep(INTERVAL_MILLIS + 300);
        assertEquals(200, KeyApps.whoAmI(app, token(second, "ES256", "k2", IDP, null)).status());
        assertEquals(fetchesBefore + 2, jwksFetches.get());

        // Two tokens with an unknown kid after the interval: one fetch, not two; a jku in the token is ignored.
        Thread.sleep(INTERVAL_MILLIS + 300);
        String jku = "http://127.0.0.1:" + idp.getAddress().getPort() + "/attacker-keys";
        assertEquals(401, KeyApps.whoAmI(app, token(second, "ES256", "k9", IDP, jku)).status());
        assertEquals(401, KeyApps.whoAmI(app, token(second, "ES256", "k9", IDP, jku)).status());
        assertEquals(fetchesBefore + 3, jwksFetches.get());
        assertEquals(0, otherRequests.get());
    }

    @Test
    void refreshWhenTheAccessTokenIsFromTheTrustedIssuerThenRefused() throws Exception {
        KeyPair key = TestKeys.generate("RS256");
        jwks.set(TestKeys.jwks(false, "r1", key));
        Map<String, Object> own = KeyApps.login(app);

        HttpResult result = AuthCalls.on(app).refresh(token(key, "RS256", "r1", IDP, null),
                (String) own.get("refreshToken"));

        assertEquals(400, result.status(), result::toString);
    }

    @Test
    void requestWhenTheTokenIsFromAnUnknownIssuerThenInvalidToken() throws Exception {
        KeyPair key = TestKeys.generate("RS256");

        HttpResult result = KeyApps.whoAmI(app, token(key, "RS256", "k1", "https://other.test", null));

        assertEquals(401, result.status());
        assertTrue(result.header("WWW-Authenticate").orElse("").contains("invalid_token"));
    }

    @Test
    void requestWhenTheTrustedIssuersRolesHoldANullThenInvalidTokenNotAServerError() throws Exception {
        KeyPair key = TestKeys.generate("RS256");
        jwks.set(TestKeys.jwks(false, "n1", key));
        long now = Instant.now().getEpochSecond();
        String token = TokenForge.jws().header("typ", "JWT").header("alg", "RS256").header("kid", "n1")
                .claim("iss", IDP).claim("aud", "jwt-servlet-auth").claim("sub", "bob").claim("iat", now)
                .claim("exp", now + 300).claim("groups", Arrays.asList("admin", null)).sign(key.getPrivate());

        HttpResult result = KeyApps.whoAmI(app, token);

        assertEquals(401, result.status(), result::toString);
        assertTrue(result.header("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""),
                result::toString);
    }

    /** A token as a provider would issue it: typ JWT, audience this application, groups as roles. */
    private static String token(KeyPair key, String algorithm, String kid, String issuer, String jku) {
        long now = Instant.now().getEpochSecond();
        TokenForge forge = TokenForge.jws().header("typ", "JWT").header("alg", algorithm).header("kid", kid)
                .claim("iss", issuer).claim("aud", "jwt-servlet-auth").claim("sub", "bob").claim("iat", now)
                .claim("exp", now + 300).claim("groups", List.of("user"));
        return (jku == null ? forge : forge.header("jku", jku)).sign(key.getPrivate());
    }
}
