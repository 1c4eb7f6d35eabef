package org.jwtauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.Settings;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.events.AuthEvent;
import org.jwtauth.keys.HmacSigningKeys;
import org.jwtauth.token.AccessTokenFactory;
import org.jwtauth.token.AccessTokenIssuer;
import org.jwtauth.token.AccessTokenVerifier;
import org.jwtauth.token.TokenVerifier;

/** The filter's {@code TOKEN_REJECTED} events: one per refused token, with its reason; none otherwise. */
class BearerTokenFilterEventsTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

    private final Settings settings = new SettingsParser(ConfigSource.of(Map.of(
            ConfigKeys.SECRET, "filter-events-secret-0123456789-abcdefghijkl")), n -> null).parse();
    private final HmacSigningKeys keys = new HmacSigningKeys(settings.algorithm(), settings.secret());
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final AccessTokenVerifier verifier = AccessTokenVerifier.forOwnTokens(keys, settings.issuer(),
            settings.audience(), settings.rolesClaim(), settings.accessTokenLifetime(), settings.clockSkew(), clock);
    private final List<AuthEvent> events = new ArrayList<>();

    private String token(Clock at, String... roles) {
        return new AccessTokenIssuer(keys, settings.issuer(), settings.audience(), settings.rolesClaim(),
                settings.accessTokenLifetime(), at).issue("alice", List.of(roles), "family-1", Map.of()).token();
    }

    /** The events of one request, as "TYPE REASON subject session address". */
    private List<String> eventsOf(Fakes.Request request, String... initParams) throws Exception {
        return eventsOf(verifier, request, initParams);
    }

    private List<String> eventsOf(TokenVerifier verifier, Fakes.Request request, String... initParams)
            throws Exception {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < initParams.length; i += 2) {
            params.put(initParams[i], initParams[i + 1]);
        }
        BearerTokenFilter filter = new BearerTokenFilter(verifier, "orders", events::add);
        filter.init(Fakes.filterConfig(params, Fakes.context(new HashMap<>())));
        filter.doFilter(request.proxy(), new Fakes.Response().proxy(), new Fakes.Chain());
        List<String> seen = new ArrayList<>();
        for (AuthEvent e : events) {
            seen.add(e.type() + " " + e.reason().map(Enum::name).orElse("-") + " " + e.subject().orElse("-") + " "
                    + e.sessionId().orElse("-") + " " + e.clientAddress().orElse("-"));
        }
        return seen;
    }

    @Test
    void doFilterWhenValidTokenOrNoTokenThenNoEvent() throws Exception {
        assertEquals(List.of(), eventsOf(new Fakes.Request().header("Authorization", "Bearer " + token(clock))));
        assertEquals(List.of(), eventsOf(new Fakes.Request()));
    }

    @Test
    void doFilterWhenNotAJwtOrTwoHeadersThenMalformedWithoutSubject() throws Exception {
        assertEquals(List.of("TOKEN_REJECTED MALFORMED - - 192.0.2.7"),
                eventsOf(new Fakes.Request().header("Authorization", "Bearer abc")));
        events.clear();
        String t = token(clock);
        assertEquals(List.of("TOKEN_REJECTED MALFORMED - - 192.0.2.7"), eventsOf(new Fakes.Request()
                .header("Authorization", "Bearer " + t).header("Authorization", "Bearer " + t)));
    }

    @Test
    void doFilterWhenExpiredThenExpiredWithoutSubjectSinceTheTokenIsNotTrusted() throws Exception {
        String old = token(Clock.fixed(NOW.minus(Duration.ofHours(1)), ZoneOffset.UTC));
        assertEquals(List.of("TOKEN_REJECTED EXPIRED - - 192.0.2.7"),
                eventsOf(new Fakes.Request().header("Authorization", "Bearer " + old)));
    }

    @Test
    void doFilterWhenTheRequiredRoleIsMissingThenInsufficientRoleWithTheVerifiedSubjectAndSession() throws Exception {
        assertEquals(List.of("TOKEN_REJECTED INSUFFICIENT_ROLE alice family-1 192.0.2.7"),
                eventsOf(new Fakes.Request().header("Authorization", "Bearer " + token(clock, "user")),
                        "roles", "admin"));
    }

    @Test
    void doFilterWhenTheTokensSessionIsCutOffThenCutOffWithTheVerifiedSubjectAndSession() throws Exception {
        TokenVerifier cuttingOff = AccessTokenFactory.filterVerifier(verifier, settings, clock,
                principal -> "family-1".equals(principal.sessionId()));
        String t = token(clock);
        assertEquals(List.of("TOKEN_REJECTED CUT_OFF alice family-1 192.0.2.7"),
                eventsOf(cuttingOff, new Fakes.Request().header("Authorization", "Bearer " + t)));
        events.clear();
        // The second time from the verified-token cache: refused and reported alike.
        assertEquals(List.of("TOKEN_REJECTED CUT_OFF alice family-1 192.0.2.7"),
                eventsOf(cuttingOff, new Fakes.Request().header("Authorization", "Bearer " + t)));
    }
}
