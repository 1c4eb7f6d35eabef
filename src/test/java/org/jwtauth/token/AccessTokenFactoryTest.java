package org.jwtauth.token;

import static org.jwtauth.token.TestTokens.NOW;
import static org.jwtauth.token.TestTokens.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.Settings;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.keys.HmacSigningKeys;
import org.jwtauth.testing.TokenForge;

/**
 * The audiences the two verifiers of our own tokens accept: the filter's only the current one; the refresh
 * endpoint's also the former default (the issuer), so sessions from before the per-application default refresh.
 */
class AccessTokenFactoryTest {

    private final Clock clock = TestTokens.fixedAt(NOW);

    private static Settings settings(Map<String, String> values) {
        return new SettingsParser(ConfigSource.of(values), name -> null).parse("/orders");
    }

    private static String tokenFor(Settings settings, HmacSigningKeys keys, String audience) {
        return TokenForge.hs256(SECRET).header("kid", keys.signingKeyId())
                .accessToken(settings.issuer(), audience, "alice", NOW, 600).sign();
    }

    @Test
    void refreshVerifierWhenTokenHasTheFormerDefaultAudienceThenAcceptedWhereTheFilterVerifierRefusesIt()
            throws Exception {
        Settings settings = settings(Map.of("jwtauth.secret", new String(SECRET, StandardCharsets.UTF_8)));
        HmacSigningKeys keys = new HmacSigningKeys(settings.algorithm(), settings.secret());
        String former = tokenFor(settings, keys, "jwt-servlet-auth");
        String current = tokenFor(settings, keys, "jwt-servlet-auth/orders");

        AccessTokenVerifier filter = AccessTokenFactory.verifier(settings, keys, clock);
        AccessTokenVerifier refresh = AccessTokenFactory.refreshVerifier(settings, keys, clock);

        assertEquals("alice", refresh.verifyAllowingExpiry(former, Duration.ZERO).getName());
        assertEquals("alice", refresh.verifyAllowingExpiry(current, Duration.ZERO).getName());
        assertEquals("alice", filter.verify(current).getName());
        assertEquals(InvalidTokenException.Reason.INVALID,
                assertThrows(InvalidTokenException.class, () -> filter.verify(former)).reason());
    }

    @Test
    void refreshVerifierWhenAudienceIsConfiguredThenTheIssuerAsAudienceIsRefused() {
        Settings settings = settings(Map.of("jwtauth.secret", new String(SECRET, StandardCharsets.UTF_8),
                "jwtauth.audience", "api://orders"));
        HmacSigningKeys keys = new HmacSigningKeys(settings.algorithm(), settings.secret());

        AccessTokenVerifier refresh = AccessTokenFactory.refreshVerifier(settings, keys, clock);

        assertThrows(InvalidTokenException.class,
                () -> refresh.verifyAllowingExpiry(tokenFor(settings, keys, "jwt-servlet-auth"), Duration.ZERO));
    }
}
