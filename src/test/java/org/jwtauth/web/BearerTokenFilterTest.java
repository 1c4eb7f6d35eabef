package org.jwtauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.jose4j.json.JsonUtil;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.Settings;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.keys.HmacSigningKeys;
import org.jwtauth.token.AccessTokenIssuer;
import org.jwtauth.token.AccessTokenVerifier;
import org.junit.jupiter.api.Test;

/** The filter end to end with servlet doubles: whether the chain runs, and the status and challenge otherwise. */
class BearerTokenFilterTest {

    private static final String REALM = "orders";
    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

    private final Settings settings = new SettingsParser(ConfigSource.of(Map.of(
            ConfigKeys.SECRET, "filter-test-secret-0123456789-abcdefghijkl")), n -> null).parse();
    private final HmacSigningKeys keys = new HmacSigningKeys(settings.algorithm(), settings.secret());
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final AccessTokenIssuer issuer = new AccessTokenIssuer(keys, settings.issuer(), settings.audience(),
            settings.rolesClaim(), settings.accessTokenLifetime(), clock);
    private final AccessTokenVerifier verifier = AccessTokenVerifier.forOwnTokens(keys, settings.issuer(), settings.audience(),
            settings.rolesClaim(), settings.accessTokenLifetime(), settings.clockSkew(), clock);

    private final Fakes.Response response = new Fakes.Response();
    private final Fakes.Chain chain = new Fakes.Chain();

    private BearerTokenFilter filter(String... initParams) throws ServletException {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < initParams.length; i += 2) {
            params.put(initParams[i], initParams[i + 1]);
        }
        BearerTokenFilter f = new BearerTokenFilter(verifier, REALM);
        f.init(Fakes.filterConfig(params, Fakes.context(new HashMap<>())));
        return f;
    }

    private String token(String... roles) {
        return issuer.issue("alice", List.of(roles), "family-1", Map.of()).token();
    }

    private void run(BearerTokenFilter f, Fakes.Request request) throws Exception {
        f.doFilter(request.proxy(), response.proxy(), chain);
    }

    private void assertRejected(int status, String expectedChallenge) throws Exception {
        assertFalse(chain.ran(), "the chain must not run");
        assertEquals(status, response.status);
        assertEquals(expectedChallenge, response.header("WWW-Authenticate"));
    }

    @Test
    void doFilterWhenValidTokenThenChainRunsWithTheCallerVisibleThroughTheServletApi() throws Exception {
        run(filter(), new Fakes.Request().header("Authorization", "Bearer " + token("user")));
        assertTrue(chain.ran());
        HttpServletRequest seen = (HttpServletRequest) chain.request;
        assertEquals("alice", seen.getUserPrincipal().getName());
        assertEquals("alice", seen.getRemoteUser());
        assertEquals("Bearer", seen.getAuthType());
        assertTrue(seen.isUserInRole("user"));
        assertFalse(seen.isUserInRole("admin"));
        assertTrue(seen.isUserInRole("**"));
        assertFalse(seen.isUserInRole(null));
        assertEquals(200, response.status);
    }

    @Test
    void doFilterWhenTheVerifierFailsUnexpectedlyThen401InvalidTokenNotA500() throws Exception {
        BearerTokenFilter failing = new BearerTokenFilter(token -> {
            throw new IllegalStateException("a bug in a verifier or cut-off");
        }, REALM);
        failing.init(Fakes.filterConfig(new HashMap<>(), Fakes.context(new HashMap<>())));

        run(failing, new Fakes.Request().header("Authorization", "Bearer " + token("user")));

        assertFalse(chain.ran(), "fails closed");
        assertEquals(401, response.status);
        assertTrue(response.header("WWW-Authenticate").contains("error=\"invalid_token\""), response.header(
                "WWW-Authenticate"));
        assertFalse(response.bodyText().contains("bug"), "no exception text in the answer");
    }

    @Test
    void doFilterWhenNoAuthorizationHeaderThen401ChallengeWithoutErrorCode() throws Exception {
        run(filter(), new Fakes.Request());
        assertRejected(401, "Bearer realm=\"orders\"");
        assertEquals(0, response.body.size());
    }

    @Test
    void doFilterWhenBasicSchemeThen401ChallengeWithoutErrorCode() throws Exception {
        run(filter(), new Fakes.Request().header("Authorization", "Basic dXNlcjpwYXNz"));
        assertRejected(401, "Bearer realm=\"orders\"");
    }

    @Test
    void doFilterWhenTwoAuthorizationHeadersThen400InvalidRequest() throws Exception {
        String t = token();
        run(filter(), new Fakes.Request().header("Authorization", "Bearer " + t).header("Authorization", "Bearer " + t));
        assertFalse(chain.ran());
        assertEquals(400, response.status);
        assertTrue(response.header("WWW-Authenticate").startsWith("Bearer realm=\"orders\", error=\"invalid_request\""));
        assertEquals("invalid_request", JsonUtil.parseJson(response.bodyText()).get("error"));
    }

    @Test
    void doFilterWhenTokenInQueryThen400EvenWithAValidHeader() throws Exception {
        run(filter(), new Fakes.Request().query("access_token=x").header("Authorization", "Bearer " + token()));
        assertFalse(chain.ran());
        assertEquals(400, response.status);
    }

    @Test
    void doFilterWhenTokenSignedWithAnotherKeyThen401InvalidToken() throws Exception {
        HmacSigningKeys other = new HmacSigningKeys(settings.algorithm(),
                "some-other-secret-0123456789-abcdefghijkl".getBytes());
        String forged = new AccessTokenIssuer(other, settings.issuer(), settings.audience(), settings.rolesClaim(),
                settings.accessTokenLifetime(), clock).issue("alice", List.of("admin"), "f", Map.of()).token();
        run(filter(), new Fakes.Request().header("Authorization", "Bearer " + forged));
        assertRejected(401, "Bearer realm=\"orders\", error=\"invalid_token\", "
                + "error_description=\"The access token is invalid\"");
        Map<String, Object> body = JsonUtil.parseJson(response.bodyText());
        assertEquals("invalid_token", body.get("error"));
        assertFalse(response.bodyText().contains(forged));
    }

    @Test
    void doFilterWhenTokenExpiredThen401WithExpiredDescription() throws Exception {
        String old = new AccessTokenIssuer(keys, settings.issuer(), settings.audience(), settings.rolesClaim(),
                settings.accessTokenLifetime(), Clock.fixed(NOW.minus(Duration.ofHours(1)), ZoneOffset.UTC))
                .issue("alice", List.of(), "f", Map.of()).token();
        run(filter(), new Fakes.Request().header("Authorization", "Bearer " + old));
        assertRejected(401, "Bearer realm=\"orders\", error=\"invalid_token\", "
                + "error_description=\"The access token expired\"");
    }

    @Test
    void doFilterWhenTokenIsNotAJwtThen401Malformed() throws Exception {
        run(filter(), new Fakes.Request().header("Authorization", "Bearer abc"));
        assertRejected(401, "Bearer realm=\"orders\", error=\"invalid_token\", "
                + "error_description=\"The access token is malformed\"");
    }

    @Test
    void doFilterWhenRequiredRoleMissingThen403InsufficientScope() throws Exception {
        run(filter("roles", "admin"), new Fakes.Request().header("Authorization", "Bearer " + token("user")));
        assertFalse(chain.ran());
        assertEquals(403, response.status);
        assertTrue(response.header("WWW-Authenticate").startsWith("Bearer realm=\"orders\", error=\"insufficient_scope\""));
    }

    @Test
    void doFilterWhenOneOfTheRequiredRolesPresentThenChainRuns() throws Exception {
        run(filter("roles", "admin,user"), new Fakes.Request().header("Authorization", "Bearer " + token("user")));
        assertTrue(chain.ran());
    }

    @Test
    void doFilterWhenPathExcludedThenChainRunsWithoutAToken() throws Exception {
        run(filter("exclude", "/api/public"), new Fakes.Request().path("/api", "/public/info"));
        assertTrue(chain.ran());
        assertNull(((HttpServletRequest) chain.request).getUserPrincipal());
    }

    @Test
    void doFilterWhenPathOnlyResemblesExcludedPrefixThenTokenIsRequired() throws Exception {
        run(filter("exclude", "/api/public"), new Fakes.Request().path("/api", "/publicity"));
        assertRejected(401, "Bearer realm=\"orders\"");
    }

    private static Fakes.Request preflight() {
        return new Fakes.Request().method("OPTIONS").header("Origin", "https://spa.example.test")
                .header("Access-Control-Request-Method", "DELETE");
    }

    @Test
    void doFilterWhenCorsPreflightThenChainRunsWithoutAToken() throws Exception {
        run(filter(), preflight());
        assertTrue(chain.ran());
        assertNull(((HttpServletRequest) chain.request).getUserPrincipal());
    }

    @Test
    void doFilterWhenOptionsIsNotAPreflightThenTokenIsRequired() throws Exception {
        run(filter(), new Fakes.Request().method("OPTIONS"));
        assertRejected(401, "Bearer realm=\"orders\"");
    }

    @Test
    void doFilterWhenOptionsHasAnOriginButNoRequestedMethodThenTokenIsRequired() throws Exception {
        run(filter(), new Fakes.Request().method("OPTIONS").header("Origin", "https://spa.example.test"));
        assertRejected(401, "Bearer realm=\"orders\"");
    }

    @Test
    void doFilterWhenIncludedWithoutATokenThenTheIncludedResourceDoesNotRunAndNothingIsWritten() throws Exception {
        run(filter(), new Fakes.Request().included("/api", "/orders"));
        assertFalse(chain.ran(), "the included resource must not run");
        assertEquals(200, response.status);
        assertNull(response.header("WWW-Authenticate"));
    }

    @Test
    void doFilterWhenIncludedPreflightThenTokenIsStillRequired() throws Exception {
        Fakes.Request request = preflight().included("/api", "/orders");
        run(filter(), request);
        assertFalse(chain.ran(), "a preflight's include must not run unauthenticated");
    }

    @Test
    void doFilterWhenIncludedPathIsExcludedThenTheIncludedResourceRuns() throws Exception {
        run(filter("exclude", "/api/public"), new Fakes.Request().included("/api", "/public/info"));
        assertTrue(chain.ran());
    }

    @Test
    void doFilterWhenTheRequestWasAlreadyAuthenticatedThenTheTokenIsNotVerifiedAgain() throws Exception {
        run(filter(), new Fakes.Request().header("Authorization", "Bearer " + token("user")));
        HttpServletRequest authenticated = (HttpServletRequest) chain.request;
        Fakes.Chain forwarded = new Fakes.Chain();
        // A verifier that refuses every token: only a filter that verifies again would refuse the forward.
        BearerTokenFilter refusing = new BearerTokenFilter(t -> {
            throw new org.jwtauth.token.InvalidTokenException(org.jwtauth.token.InvalidTokenException.Reason.INVALID);
        }, REALM);
        refusing.init(Fakes.filterConfig(new HashMap<>(), Fakes.context(new HashMap<>())));

        refusing.doFilter(authenticated, response.proxy(), forwarded);

        assertTrue(forwarded.ran());
        assertSame(authenticated, forwarded.request);
    }

    @Test
    void doFilterWhenAlreadyAuthenticatedButLackingThisFiltersRoleThenForbidden() throws Exception {
        run(filter(), new Fakes.Request().header("Authorization", "Bearer " + token("user")));
        HttpServletRequest authenticated = (HttpServletRequest) chain.request;
        Fakes.Chain forwarded = new Fakes.Chain();

        filter("roles", "admin").doFilter(authenticated, response.proxy(), forwarded);

        assertFalse(forwarded.ran());
        assertEquals(403, response.status);
    }

    @Test
    void doFilterWhenOptionalAndNoTokenThenChainRunsUnauthenticated() throws Exception {
        Fakes.Request request = new Fakes.Request();
        run(filter("optional", "true"), request);
        assertTrue(chain.ran());
        assertNull(((HttpServletRequest) chain.request).getUserPrincipal());
        assertEquals(200, response.status);
    }

    @Test
    void doFilterWhenOptionalAndBadTokenThenStillRejected() throws Exception {
        run(filter("optional", "true"), new Fakes.Request().header("Authorization", "Bearer abc.def.ghi"));
        assertFalse(chain.ran());
        assertEquals(401, response.status);
    }

    @Test
    void initWhenOptionalIsGarbageThenServletExceptionNamingOptional() {
        ServletException e = assertThrows(ServletException.class, () -> filter("optional", "yes"));
        assertTrue(e.getMessage().contains("optional"), e.getMessage());
    }

    @Test
    void initWhenListenerHasNotRunThenServletException() {
        ServletException e = assertThrows(ServletException.class, () -> new BearerTokenFilter()
                .init(Fakes.filterConfig(Map.of(), Fakes.context(new HashMap<>()))));
        assertTrue(e.getMessage().contains("not initialised"), e.getMessage());
    }

    @Test
    void initWhenTheListenerFailedThenServletExceptionSaysWhatFailed() {
        Map<String, Object> attributes = new HashMap<>(Map.of(JwtAuthComponents.ATTRIBUTE, StartupFailure.of(
                new ConfigurationException(ConfigKeys.SECRET, "is shorter than 256 bits, the minimum for HS256"))));
        ServletException e = assertThrows(ServletException.class, () -> new BearerTokenFilter()
                .init(Fakes.filterConfig(Map.of(), Fakes.context(attributes))));
        assertEquals("jwt-servlet-auth did not start: jwtauth.secret: is shorter than 256 bits, the minimum for HS256",
                e.getMessage());
    }

    @Test
    void initWhenTheListenerFailedUnexpectedlyThenServletExceptionNamesOnlyTheFailuresType() {
        Map<String, Object> attributes = new HashMap<>(Map.of(JwtAuthComponents.ATTRIBUTE,
                StartupFailure.of(new IllegalStateException("jdbc:postgresql://db/app?password=hunter2"))));
        ServletException e = assertThrows(ServletException.class, () -> new BearerTokenFilter()
                .init(Fakes.filterConfig(Map.of(), Fakes.context(attributes))));
        assertTrue(e.getMessage().contains("java.lang.IllegalStateException"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void doFilterPassesTheOriginalResponseToTheChain() throws Exception {
        // The filter wraps only the request; the same request object is passed on when it does not authenticate.
        HttpServletRequest proxy = preflight().proxy();
        filter().doFilter(proxy, response.proxy(), chain);
        assertSame(proxy, chain.request);
    }
}
