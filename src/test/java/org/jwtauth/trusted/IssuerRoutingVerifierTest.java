package org.jwtauth.trusted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.Settings;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.config.TrustedIssuerSettings;
import org.jwtauth.keys.HmacSigningKeys;
import org.jwtauth.testing.MutableClock;
import org.jwtauth.testing.TokenForge;
import org.jwtauth.testing.TestKeys;
import org.jwtauth.token.AccessTokenIssuer;
import org.jwtauth.token.AccessTokenVerifier;
import org.jwtauth.token.InvalidTokenException;
import org.jwtauth.token.InvalidTokenException.Reason;
import org.jwtauth.token.JwtPrincipal;

class IssuerRoutingVerifierTest {

    private static final String IDP = "https://idp.example";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
    private final KeyPair idpKey = TestKeys.generate("RS256");
    private final Settings settings = settings(Map.of());
    private final HmacSigningKeys ownKeys = new HmacSigningKeys(settings.algorithm(), settings.secret());
    private final IssuerRoutingVerifier verifier = verifier(settings);

    private static Settings settings(Map<String, String> more) {
        Map<String, String> values = new HashMap<>(Map.of(
                "jwtauth.issuer", "https://app.example", "jwtauth.audience", "app",
                "jwtauth.secret", "0123456789abcdef0123456789abcdef",
                "jwtauth.trusted.issuer", IDP, "jwtauth.trusted.jwksUrl", "https://idp.example/jwks",
                "jwtauth.trusted.rolesClaim", "groups"));
        values.putAll(more);
        return new SettingsParser(ConfigSource.of(values)).parse();
    }

    private IssuerRoutingVerifier verifier(Settings settings) {
        TrustedIssuerSettings trusted = settings.trustedIssuer().orElseThrow();
        return new IssuerRoutingVerifier(
                AccessTokenVerifier.forOwnTokens(new HmacSigningKeys(settings.algorithm(), settings.secret()),
                        "https://app.example", "app", "roles", Duration.ofMinutes(15), Duration.ofSeconds(30), clock),
                IDP, TrustedIssuers.verifier(trusted, new RemoteJwks(new StaticFetcher(), Duration.ofMinutes(5),
                        Duration.ofHours(1), Duration.ofHours(3), clock), settings, clock));
    }

    @Test
    void trustedIssuerTokenTypedJwtWithoutSidIsAccepted() throws Exception {
        JwtPrincipal principal = verifier.verify(idpToken("JWT", IDP, "app", "idp-key"));

        assertEquals("bob", principal.getName());
        assertEquals(Set.of("admin"), principal.roles());
    }

    @Test
    void ownTokensAreStillAccepted() throws Exception {
        String own = new AccessTokenIssuer(ownKeys, "https://app.example", "app", "roles", Duration.ofMinutes(15),
                clock).issue("alice", List.of("user"), "f", Map.of()).token();

        assertEquals("alice", verifier.verify(own).getName());
    }

    /** Each case differs from an accepted trusted-issuer token in one header or claim. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "unknown issuer,                         JWT,        https://elsewhere.example, app,       idp-key",
            "trusted issuer for another audience,    JWT,        " + IDP + ",       other-app, idp-key",
            "trusted issuer with an unexpected type, logout+jwt, " + IDP + ",       app,       idp-key",
            "trusted issuer with an unknown kid,     JWT,        " + IDP + ",       app,       not-published"})
    void verifyWhenTokenDiffersFromTheTrustedIssuersThenRefused(String difference, String type, String issuer,
                                                                String audience, String kid) throws Exception {
        String token = idpToken(type, issuer, audience, kid);

        assertThrows(InvalidTokenException.class, () -> verifier.verify(token));
    }

    @Test
    void verifyWhenTrustedIssuerRolesHoldANullThenInvalidTokenNotAnUncheckedException() throws Exception {
        String token = idpToken("JWT", IDP, "app", "idp-key", Arrays.asList("admin", null));

        assertEquals(Reason.INVALID, assertThrows(InvalidTokenException.class, () -> verifier.verify(token)).reason());
    }

    @Test
    void verifyWhenTrustedIssuerWritesRolesAsOneSpaceSeparatedStringThenEachIsARole() throws Exception {
        String token = idpToken("JWT", IDP, "app", "idp-key", " admin  auditor ");

        assertEquals(Set.of("admin", "auditor"), verifier.verify(token).roles());
    }

    /**
     * An OpenID Connect ID token is a JWT of the same issuer, often for the same audience (the client id): it
     * must not pass as an access token (RFC 8725 section 3.11). Claims only ID tokens carry give it away.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"at_hash, 77QmUPtjPfzWtF2AnpK9RQ", "c_hash, LDktKdoQak3Pk0cnXxCltA", "typ, ID"})
    void verifyWhenTrustedIssuerTokenCarriesAnIdTokenClaimThenRefused(String claim, String value) {
        String token = idpForge().claim(claim, value).sign(idpKey.getPrivate());

        assertEquals(Reason.INVALID, assertThrows(InvalidTokenException.class, () -> verifier.verify(token)).reason());
    }

    @Test
    void verifyWhenTrustedIssuerTokenHasTypClaimBearerThenAccepted() throws Exception {
        // Keycloak marks its access tokens so.
        assertEquals("bob", verifier.verify(idpForge().claim("typ", "Bearer").sign(idpKey.getPrivate())).getName());
    }

    @Test
    void verifyWhenTrustedIssuerTokenCarriesANonceThenAcceptedUnlessRefuseNonceIsOn() throws Exception {
        String token = idpForge().claim("nonce", "n-0S6_WzA2Mj").sign(idpKey.getPrivate());
        IssuerRoutingVerifier strict = verifier(settings(Map.of("jwtauth.trusted.refuseNonce", "true")));

        assertEquals("bob", verifier.verify(token).getName(), "some providers copy nonce into access tokens");
        assertThrows(InvalidTokenException.class, () -> strict.verify(token));
    }

    private TokenForge idpForge() {
        long now = clock.instant().getEpochSecond();
        return TokenForge.jws().header("typ", "JWT").header("alg", "RS256").header("kid", "idp-key")
                .claim("iss", IDP).claim("aud", "app").claim("sub", "bob").claim("iat", now)
                .claim("exp", now + 300);
    }

    private String idpToken(String type, String issuer, String audience, String kid) throws Exception {
        return idpToken(type, issuer, audience, kid, List.of("admin"));
    }

    private String idpToken(String type, String issuer, String audience, String kid, Object groups) {
        long now = clock.instant().getEpochSecond();
        return TokenForge.jws().header("typ", type).header("alg", "RS256").header("kid", kid).claim("iss", issuer)
                .claim("aud", audience).claim("sub", "bob").claim("iat", now).claim("exp", now + 300)
                .claim("groups", groups).sign(idpKey.getPrivate());
    }

    /** The identity provider's JWKS with its one key. */
    private final class StaticFetcher extends JwksFetcher {
        StaticFetcher() {
            super(URI.create("https://idp.example/jwks"), Duration.ofSeconds(1));
        }

        @Override
        public String fetch() throws IOException {
            try {
                return TestKeys.jwks(false, "idp-key", idpKey);
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }
}
