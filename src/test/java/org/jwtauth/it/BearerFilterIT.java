package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.jose4j.json.JsonUtil;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jwtauth.config.SigningAlgorithm;
import org.jwtauth.it.support.ContainerKind;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.Users;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;
import org.jwtauth.keys.HmacSigningKeys;
import org.jwtauth.token.JwtPrincipal;

/**
 * The bearer filter in a deployed web app, in both containers (design sections 3 to 5): what a protected resource
 * sees for a valid token, the exact RFC 6750 answers for every kind of bad request or token, the filter's
 * init-params, and that a rejected request never reaches the application.
 *
 * <p>The fragment's filter {@code jwtauth} (on {@code /api/*}) is redeclared by name in web.xml to add
 * {@code exclude=/api/public} (Servlet spec 8.2.3: init-params merge, web.xml wins); two more instances of the
 * filter class guard {@code /admin-api/*} ({@code roles}) and {@code /optional/*} ({@code optional}).
 */
class BearerFilterIT {

    static final String SECRET = "bearer-filter-it-secret-0123456789-abcdefghij";
    static final String OTHER_SECRET = "another-deployment-secret-0123456789-abcdefgh";
    static final String ISSUER = "https://auth.example.test/it";
    static final String AUDIENCE = "it-orders-api";
    static final String REALM = "orders";
    /** Access-token lifetime, seconds; the clock skew is the default 30 s. */
    static final long LIFETIME = 300;

    static final String CHALLENGE = "Bearer realm=\"" + REALM + "\"";
    static final String MALFORMED_DESCRIPTION =
            "The request must carry exactly one Authorization header with a Bearer token, and no token in the URL";
    static final String INSUFFICIENT_SCOPE_DESCRIPTION =
            "The access token does not grant a role this resource requires";
    static final String INVALID = "The access token is invalid";
    static final String EXPIRED = "The access token expired";
    static final String MALFORMED = "The access token is malformed";

    private static final Users USERS = Users.none()
            .with("alice", "alice-secret", "user", "admin")
            .with("bob", "bob-secret", "user");

    @Nested
    class Jetty extends Spec {
        Jetty() {
            super(ContainerKind.JETTY);
        }
    }

    @Nested
    class Tomcat extends Spec {
        Tomcat() {
            super(ContainerKind.TOMCAT);
        }
    }

    static String webXml() {
        return WebXml.of(WebXml.contextParam("jwtauth.secret", SECRET)
                + WebXml.contextParam("jwtauth.issuer", ISSUER)
                + WebXml.contextParam("jwtauth.audience", AUDIENCE)
                + WebXml.contextParam("jwtauth.realm", REALM)
                + WebXml.contextParam("jwtauth.accessToken.lifetime", "PT" + LIFETIME + "S")
                + WebXml.contextParam("jwtauth.login.roles", "user,admin")
                // Same name as the fragment's filter: class and mapping come from the fragment.
                + filter("jwtauth", null, null, "exclude", "/api/public")
                + filter("jwtauth-admin", "org.jwtauth.web.BearerTokenFilter", "/admin-api/*",
                        "roles", "admin, superuser")
                + filter("jwtauth-optional", "org.jwtauth.web.BearerTokenFilter", "/optional/*",
                        "optional", "true")
                + WebXml.servlet("whoami", WhoAmIServlet.class, "/api/*", "/admin-api/*", "/optional/*")
                + WebXml.servlet("reached", ReachedServlet.class, "/public/reached")
                + "<servlet><servlet-name>async</servlet-name><servlet-class>" + AsyncWhoAmIServlet.class.getName()
                + "</servlet-class><async-supported>true</async-supported></servlet>\n"
                + "<servlet-mapping><servlet-name>async</servlet-name><url-pattern>/api/async</url-pattern>"
                + "</servlet-mapping>\n"
                + WebXml.basicLogin("it-users", "user", "admin"));
    }

    private static String filter(String name, String filterClass, String urlPattern, String... initParams) {
        StringBuilder xml = new StringBuilder("<filter><filter-name>").append(name).append("</filter-name>");
        if (filterClass != null) {
            xml.append("<filter-class>").append(filterClass).append("</filter-class>");
        }
        for (int i = 0; i < initParams.length; i += 2) {
            xml.append("<init-param><param-name>").append(initParams[i]).append("</param-name><param-value>")
                    .append(initParams[i + 1]).append("</param-value></init-param>");
        }
        xml.append("</filter>\n");
        if (urlPattern != null) {
            xml.append("<filter-mapping><filter-name>").append(name).append("</filter-name><url-pattern>")
                    .append(urlPattern).append("</url-pattern></filter-mapping>\n");
        }
        return xml.toString();
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Spec {
        private final ContainerKind kind;
        private DeployedApp app;

        Spec(ContainerKind kind) {
            this.kind = kind;
        }

        @BeforeAll
        void deploy() throws Exception {
            WebAppDirectory webApp = WebAppDirectory.builder()
                    .webXml(webXml())
                    .classes(WhoAmIServlet.class, ReachedServlet.class, AsyncWhoAmIServlet.class)
                    .build();
            app = DeployedApp.deploy(kind, webApp, "/orders", USERS);
        }

        @AfterAll
        void stop() throws Exception {
            if (app != null) {
                app.close();
            }
        }

        // ---- valid tokens

        @Test
        void validTokenReachesTheAppWhichSeesTheCallerThroughTheServletApi() {
            String id = newId();
            HttpResult result = get("/api/whoami", id, bearer(token(c -> { })));

            assertEquals(200, result.status(), result::toString);
            Map<String, Object> json = result.json();
            assertEquals("alice", json.get("principal"), result::toString);
            assertEquals(JwtPrincipal.class.getName(), json.get("principalClass"), result::toString);
            assertEquals("alice", json.get("remoteUser"), result::toString);
            assertEquals("Bearer", json.get("authType"), result::toString);
            assertEquals(Map.of("user", true, "admin", false, "nobody", false, "**", true), json.get("inRole"),
                    result::toString);
            assertEquals("sales", json.get("department"), result::toString);
            assertEquals("family-1", json.get("sid"), result::toString);
            assertReached(id);
        }

        @Test
        void tokenIssuedByTheLoginEndpointIsAcceptedWithTheRealmRoles() {
            Map<String, Object> tokens = login("alice", "alice-secret");
            String id = newId();
            HttpResult result = get("/admin-api/whoami", id, bearer((String) tokens.get("accessToken")));

            assertEquals(200, result.status(), result::toString);
            Map<String, Object> json = result.json();
            assertEquals("alice", json.get("principal"), result::toString);
            assertEquals(Map.of("user", true, "admin", true, "nobody", false, "**", true), json.get("inRole"),
                    result::toString);
            assertReached(id);
        }

        @Test
        void schemeNameIsCaseInsensitive() {
            String id = newId();
            HttpResult result = get("/api/whoami", id, "Authorization", "bearer " + token(c -> { }));

            assertEquals(200, result.status(), result::toString);
            assertReached(id);
        }

        @Test
        void mediaTypeSpellingsOfTheAccessTokenTypeAreAccepted() {
            // RFC 9068 section 4 and RFC 7515 section 4.1.9: "application/at+jwt", compared case-insensitively.
            for (String typ : List.of("application/at+jwt", "AT+JWT")) {
                String id = newId();
                HttpResult result = get("/api/whoami", id, bearer(token(c -> { }, h -> h.setHeader("typ", typ))));

                assertEquals(200, result.status(), () -> typ + ": " + result);
                assertReached(id);
            }
        }

        @Test
        void tokenExpiredWithinTheClockSkewIsStillAccepted() {
            long now = now();
            String id = newId();
            HttpResult result = get("/api/whoami", id, bearer(token(c -> {
                c.setIssuedAt(NumericDate.fromSeconds(now - LIFETIME + 5));
                c.setExpirationTime(NumericDate.fromSeconds(now - 5));
            })));

            assertEquals(200, result.status(), result::toString);
            assertReached(id);
        }

        @Test
        void asyncResourceBehindTheRedeclaredFilterSeesTheCaller() {
            // The web.xml redeclaration of the fragment's filter must keep the fragment's async-supported.
            String id = newId();
            HttpResult result = get("/api/async?mode=complete", id, bearer(token(c -> { })));

            assertEquals(200, result.status(), result::toString);
            assertEquals("alice", result.json().get("principal"), result::toString);
            assertReached(id);
        }

        @Test
        void asyncContextRequestShowsTheCaller() {
            HttpResult result = get("/api/async?mode=complete", newId(), bearer(token(c -> { })));

            assertEquals(200, result.status(), result::toString);
            assertEquals("alice", result.json().get("asyncContextPrincipal"), result::toString);
        }

        @Test
        void asyncDispatchTargetSeesTheCaller() {
            HttpResult result = get("/api/async?mode=dispatch", newId(), bearer(token(c -> { })));

            assertEquals(200, result.status(), result::toString);
            assertEquals("alice", result.json().get("principal"), result::toString);
            assertEquals("Bearer", result.json().get("authType"), result::toString);
        }

        @Test
        void asyncResourceIsProtected() {
            String id = newId();
            HttpResult result = get("/api/async?mode=complete", id);

            assertChallengeWithoutError(result);
            assertNotReached(id);
        }

        // ---- no bearer token: challenge without an error code (RFC 6750 section 3.1)

        @Test
        void requestWithoutAuthorizationGetsAChallengeWithoutErrorCode() {
            String id = newId();
            HttpResult result = get("/api/whoami", id);

            assertChallengeWithoutError(result);
            assertNotReached(id);
        }

        @Test
        void basicSchemeGetsAChallengeWithoutErrorCode() {
            String id = newId();
            String basic = Base64.getEncoder().encodeToString("alice:alice-secret".getBytes(StandardCharsets.UTF_8));
            HttpResult result = get("/api/whoami", id, "Authorization", "Basic " + basic);

            assertChallengeWithoutError(result);
            assertNotReached(id);
        }

        @Test
        void emptyAuthorizationHeaderIsInvalidRequest() {
            String id = newId();
            HttpResult result = raw("/api/whoami", id, "Authorization:");

            assertInvalidRequest(result);
            assertNotReached(id);
        }

        // ---- malformed requests: 400 invalid_request

        @Test
        void bearerWithoutTokenIsInvalidRequest() {
            for (String header : List.of("Authorization: Bearer", "Authorization: Bearer ", "Authorization: Bearer   ")) {
                String id = newId();
                HttpResult result = raw("/api/whoami", id, header);

                assertInvalidRequest(result);
                assertNotReached(id);
            }
        }

        @Test
        void bearerHeaderWithMoreThanOneTokenIsInvalidRequest() {
            String token = token(c -> { });
            for (String value : List.of(token + " " + token, token + ", Bearer " + token, token + ",")) {
                String id = newId();
                HttpResult result = get("/api/whoami", id, "Authorization", "Bearer " + value);

                assertInvalidRequest(result);
                assertNotReached(id);
            }
        }

        @Test
        void twoAuthorizationHeadersAreInvalidRequest() {
            String id = newId();
            String token = token(c -> { });
            HttpResult result = raw("/api/whoami", id, "Authorization: Bearer " + token,
                    "Authorization: Bearer " + token);

            assertInvalidRequest(result);
            assertNotReached(id);
        }

        @Test
        void bearerAndBasicAuthorizationHeadersAreInvalidRequest() {
            String id = newId();
            HttpResult result = raw("/api/whoami", id, "Authorization: Basic YWxpY2U6YWxpY2Utc2VjcmV0",
                    "Authorization: Bearer " + token(c -> { }));

            assertInvalidRequest(result);
            assertNotReached(id);
        }

        @Test
        void tokenAlsoInTheQueryIsInvalidRequest() {
            String id = newId();
            String token = token(c -> { });
            HttpResult result = get("/api/whoami?access_token=" + token, id, bearer(token));

            assertInvalidRequest(result);
            assertNotReached(id);
        }

        @Test
        void tokenInTheQueryUnderAPercentEncodedNameIsInvalidRequest() {
            String id = newId();
            HttpResult result = get("/api/whoami?access%5Ftoken=" + token(c -> { }), id);

            assertInvalidRequest(result);
            assertNotReached(id);
        }

        @Test
        void tokenOnlyInTheQueryIsInvalidRequest() {
            String id = newId();
            HttpResult result = get("/api/whoami?format=json&access_token=" + token(c -> { }), id);

            assertInvalidRequest(result);
            assertNotReached(id);
        }

        // ---- bad tokens: 401 invalid_token

        @Test
        void tokenSignedWithAnotherKeyIsInvalidToken() {
            // The kid is ours, only the signature differs.
            assertInvalidToken(token(c -> { }, h -> h.setKey(new HmacKey(bytes(OTHER_SECRET)))), INVALID);
        }

        @Test
        void tokenWithUnknownKidIsInvalidToken() {
            assertInvalidToken(token(c -> { }, h -> h.setKeyIdHeaderValue("someone-elses-kid")), INVALID);
            assertInvalidToken(token(c -> { }, h -> removeHeader(h, "kid")), INVALID);
        }

        @Test
        void unsignedTokenWithAlgNoneIsInvalidToken() {
            String header = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + kid() + "\"}");
            String payload = b64(claims(c -> { }).toJson());
            // RFC 7519 section 6.1: an unsecured JWT ends with an empty signature segment.
            assertInvalidToken(header + "." + payload + ".", MALFORMED);
            // A non-empty signature with alg none must not be accepted either.
            String signed = token(c -> { });
            assertInvalidToken(header + "." + payload + "." + signed.substring(signed.lastIndexOf('.') + 1),
                    INVALID);
        }

        @Test
        void tokenWithAnotherHmacAlgorithmIsInvalidToken() {
            byte[] key = bytes(SECRET + SECRET);
            assertInvalidToken(token(c -> { }, h -> {
                h.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA512);
                h.setKey(new HmacKey(key));
            }), INVALID);
        }

        @Test
        void tokenExpiredBeyondTheClockSkewIsInvalidTokenWithTheExpiredDescription() {
            long now = now();
            assertInvalidToken(token(c -> {
                c.setIssuedAt(NumericDate.fromSeconds(now - LIFETIME - 60));
                c.setExpirationTime(NumericDate.fromSeconds(now - 60));
            }), EXPIRED);
        }

        @Test
        void tokenNotYetValidBeyondTheClockSkewIsInvalidToken() {
            long now = now();
            assertInvalidToken(token(c -> c.setNotBefore(NumericDate.fromSeconds(now + 120))), INVALID);
        }

        @Test
        void tokenIssuedInTheFutureBeyondTheClockSkewIsInvalidToken() {
            long now = now();
            assertInvalidToken(token(c -> {
                c.setIssuedAt(NumericDate.fromSeconds(now + 120));
                c.setExpirationTime(NumericDate.fromSeconds(now + 120 + LIFETIME));
            }), INVALID);
        }

        @Test
        void tokenValidForLongerThanTheConfiguredLifetimeIsInvalidToken() {
            long now = now();
            assertInvalidToken(token(c -> c.setExpirationTime(NumericDate.fromSeconds(now + 365L * 24 * 3600))),
                    INVALID);
        }

        @Test
        void tokenWithoutExpiryIsInvalidToken() {
            assertInvalidToken(token(c -> c.unsetClaim("exp")), INVALID);
        }

        @Test
        void tokenFromAnotherIssuerIsInvalidToken() {
            assertInvalidToken(token(c -> c.setIssuer("https://evil.example.test")), INVALID);
            assertInvalidToken(token(c -> c.unsetClaim("iss")), INVALID);
        }

        @Test
        void tokenForAnotherAudienceIsInvalidToken() {
            assertInvalidToken(token(c -> c.setAudience("another-api")), INVALID);
            assertInvalidToken(token(c -> c.unsetClaim("aud")), INVALID);
        }

        @Test
        void tokenOfAnotherTypeIsInvalidToken() {
            // RFC 9068 section 4: an ID token or any other JWT signed with the same key is not an access token.
            assertInvalidToken(token(c -> { }, h -> h.setHeader("typ", "JWT")), INVALID);
            assertInvalidToken(token(c -> { }, h -> removeHeader(h, "typ")), INVALID);
        }

        @Test
        void tokenWithoutSubjectIsInvalidToken() {
            assertInvalidToken(token(c -> c.unsetClaim("sub")), INVALID);
            assertInvalidToken(token(c -> c.setSubject("")), INVALID);
        }

        @Test
        void garbageTokenIsInvalidToken() {
            assertInvalidToken("not-a-jwt", MALFORMED);
            // One character is no possible base64url segment (RFC 4648 section 5): refused before parsing.
            assertInvalidToken("a.b.c", MALFORMED);
            // Base64url that decodes ("a" three times) but is no JWS.
            assertInvalidToken("YQ.YQ.YQ", INVALID);
            // Nor is a segment whose unused trailing bits are set (RFC 4648 section 3.5).
            assertInvalidToken("ab.cd.ef", MALFORMED);
            assertInvalidToken("a.b.c.d.e", MALFORMED);
        }

        @Test
        void tokenWithoutJwtIdIsInvalidToken() {
            // Design section 5: jti is required.
            assertInvalidToken(token(c -> c.unsetClaim("jti")), INVALID);
        }

        @Test
        void tokenWithClaimsOfTheWrongTypeIsInvalidToken() {
            assertInvalidToken(token(c -> c.setClaim("sub", 42)), INVALID);
            assertInvalidToken(token(c -> c.setClaim("roles", "user")), INVALID);
            assertInvalidToken(token(c -> c.setClaim("roles", List.of(1, 2))), INVALID);
            assertInvalidToken(token(c -> c.setClaim("roles", java.util.Arrays.asList("user", null))), INVALID);
            assertInvalidToken(token(c -> c.setClaim("exp", "tomorrow")), INVALID);
            assertInvalidToken(token(c -> c.setClaim("iat", List.of(1))), INVALID);
        }

        @Test
        void tokenWithOverflowingTimesIsInvalidToken() {
            // 1e300 reads as Long.MAX_VALUE; exp - iat must not overflow into an accepted validity.
            assertInvalidToken(signed(claims(c -> { }).toJson().replaceFirst("\"exp\":\\d+", "\"exp\":1e300"),
                    h -> { }), INVALID);
            assertInvalidToken(token(c -> c.setClaim("iat", Long.MIN_VALUE)), INVALID);
        }

        @Test
        void nestedTokenIsInvalidToken() {
            // RFC 8725 section 2.7: a JWS whose payload is another JWS (cty JWT) is not an access token we issued.
            String inner = token(c -> { });
            assertInvalidToken(signed(inner, h -> h.setContentTypeHeaderValue("JWT")), INVALID);
        }

        @Test
        void tokenWithUnknownCriticalHeaderIsInvalidToken() {
            assertInvalidToken(token(c -> { }, h -> {
                h.setHeader("x-policy", "strict");
                h.setCriticalHeaderNames("x-policy");
            }), INVALID);
        }

        @Test
        void tokenWithKeyMaterialInItsHeaderIsVerifiedWithTheConfiguredKeyOnly() {
            // RFC 8725 section 3.10: jwk / jku in the token never choose the key.
            byte[] attackerKey = bytes(OTHER_SECRET);
            String jwk = "{\"kty\":\"oct\",\"k\":\"" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(attackerKey) + "\"}";
            assertInvalidToken(token(c -> { }, h -> {
                h.getHeaders().setJwkHeaderValue("jwk", jwkOf(jwk));
                h.setHeader("jku", "https://evil.example.test/jwks.json");
                h.setKey(new HmacKey(attackerKey));
            }), INVALID);
        }

        @Test
        void hostileTokenTextIsInvalidTokenNeverAServerError() {
            String sig = "c2lnbmF0dXJl";
            assertInvalidToken(b64("not json") + "." + b64("{}") + "." + sig, INVALID);
            assertInvalidToken(b64("[]") + "." + b64("{}") + "." + sig, INVALID);
            assertInvalidToken(b64("{\"alg\":\"HS256\",\"kid\":{\"$ref\":1}}") + "." + b64("{}") + "." + sig,
                    INVALID);
            String deep = "[".repeat(2500) + "]".repeat(2500);
            assertInvalidToken(signed(deep, h -> { }), INVALID);
            assertInvalidToken(b64("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":" + deep + "}")
                    + "." + b64("{}") + "." + sig, INVALID);
        }

        @Test
        void tokenOutsideTheBase64UrlAlphabetIsMalformed() {
            String token = token(c -> { });
            // Legal RFC 6750 b64token characters, but not base64url (RFC 7515 section 7.1).
            assertInvalidToken(token.replace('-', '+').replace('_', '/') + "+/", MALFORMED);
            assertInvalidToken(token + "==", MALFORMED);
        }

        @Test
        void authorizationHeaderWithNonAsciiBytesIsRejectedWithoutReachingTheApp() {
            String id = newId();
            HttpResult result = raw("/api/whoami", id, "Authorization: Bearer \u00e9t\u00e9");

            assertEquals(400, result.status(), result::toString);
            assertNotReached(id);
        }

        @Test
        void headRequestsGetTheSameAnswersWithoutBody() {
            String id = newId();
            HttpResult none = app.http().send("HEAD", app.uri("/api/whoami"), null, ReachedServlet.HEADER, id);
            assertEquals(401, none.status(), none::toString);
            assertEquals(List.of(CHALLENGE), none.headers("WWW-Authenticate"), none::toString);

            HttpResult bad = app.http().send("HEAD", app.uri("/api/whoami"), null, ReachedServlet.HEADER, id,
                    "Authorization", "Bearer " + token(c -> c.setIssuer("other")));
            assertEquals(401, bad.status(), bad::toString);
            assertEquals(List.of(CHALLENGE + ", error=\"invalid_token\", error_description=\"" + INVALID + "\""),
                    bad.headers("WWW-Authenticate"), bad::toString);
            assertEquals("", bad.body(), bad::toString);
            assertNotReached(id);
        }

        @Test
        void refreshTokenUsedAsBearerTokenIsInvalidToken() {
            String refreshToken = (String) login("bob", "bob-secret").get("refreshToken");
            assertEquals(43, refreshToken.length(), refreshToken);

            assertInvalidToken(refreshToken, MALFORMED);
        }

        @Test
        void tokenTooLargeForTheContainersHeaderLimitIsRefusedByTheContainer() {
            // The library refuses tokens over 8 KB before parsing (design section 5), but both containers limit
            // the whole request head to 8 KB by default, so such a token never reaches the filter: the container
            // answers itself.
            String token = token(c -> c.setClaim("padding", "x".repeat(6200)));
            assertTrue(token.length() > 8192, () -> "token length " + token.length());
            String id = newId();
            HttpResult result = get("/api/whoami", id, bearer(token));

            assertEquals(kind == ContainerKind.JETTY ? 431 : 400, result.status(), result::toString);
            assertNotReached(id);
        }

        @Test
        void largeTokenThatFitsTheContainersHeaderLimitIsVerified() {
            String valid = token(c -> c.setClaim("padding", "x".repeat(5200)));
            assertTrue(valid.length() > 6800 && valid.length() < 7700, () -> "token length " + valid.length());
            String id = newId();
            HttpResult result = get("/api/whoami", id, bearer(valid));
            assertEquals(200, result.status(), result::toString);
            assertReached(id);

            assertInvalidToken(token(c -> c.setClaim("padding", "x".repeat(5200)),
                    h -> h.setKey(new HmacKey(bytes(OTHER_SECRET)))), INVALID);
        }

        // ---- filter init-params

        @Test
        void validTokenLackingTheRequiredRoleIsInsufficientScope() {
            String id = newId();
            HttpResult result = get("/admin-api/whoami", id,
                    bearer(token(c -> c.setStringListClaim("roles", "user"))));

            assertEquals(403, result.status(), result::toString);
            assertEquals(List.of(CHALLENGE + ", error=\"insufficient_scope\", error_description=\""
                    + INSUFFICIENT_SCOPE_DESCRIPTION + "\""), result.headers("WWW-Authenticate"), result::toString);
            assertErrorBody(result, "insufficient_scope", INSUFFICIENT_SCOPE_DESCRIPTION);
            assertNotReached(id);
        }

        @Test
        void tokenWithoutRolesClaimIsInsufficientScopeWhereARoleIsRequired() {
            String id = newId();
            HttpResult result = get("/admin-api/whoami", id, bearer(token(c -> c.unsetClaim("roles"))));

            assertEquals(403, result.status(), result::toString);
            assertErrorBody(result, "insufficient_scope", INSUFFICIENT_SCOPE_DESCRIPTION);
            assertNotReached(id);
        }

        @Test
        void tokenWithOneOfTheRequiredRolesReachesTheRoleProtectedApp() {
            String id = newId();
            HttpResult result = get("/admin-api/whoami", id,
                    bearer(token(c -> c.setStringListClaim("roles", "superuser"))));

            assertEquals(200, result.status(), result::toString);
            assertReached(id);
        }

        @Test
        void badTokenOnRoleProtectedPathIsInvalidTokenNotInsufficientScope() {
            String id = newId();
            HttpResult result = get("/admin-api/whoami", id, bearer(token(c -> c.setIssuer("other"))));

            assertInvalidTokenResult(result, INVALID);
            assertNotReached(id);
        }

        @Test
        void optionsPassesWithoutToken() {
            String id = newId();
            HttpResult result = app.http().options(app.uri("/api/whoami"), ReachedServlet.HEADER, id,
                    "Origin", "https://spa.example.test", "Access-Control-Request-Method", "GET");

            assertEquals(200, result.status(), result::toString);
            assertEquals(List.of(), result.headers("WWW-Authenticate"), result::toString);
            assertReached(id);
        }

        @Test
        void excludedPathPassesWithoutToken() {
            String id = newId();
            HttpResult result = get("/api/public/catalogue", id);

            assertEquals(200, result.status(), result::toString);
            assertEquals(null, result.json().get("principal"), result::toString);
            assertReached(id);

            String exact = newId();
            assertEquals(200, get("/api/public", exact).status());
            assertReached(exact);
        }

        @Test
        void pathThatOnlySharesAPrefixWithAnExcludedPathIsProtected() {
            String id = newId();
            HttpResult result = get("/api/publicity", id);

            assertChallengeWithoutError(result);
            assertNotReached(id);
        }

        @Test
        void pathThatLeavesTheExcludedPrefixAfterNormalisationIsProtected() {
            // The filter decides on the path the container maps (servlet path + path info), so no spelling of a
            // protected path can pass as excluded; each container either refuses the URI or it is challenged.
            for (String path : List.of("/api/public/../whoami", "/api/public/%2e%2e/whoami",
                    "/api/public/%2E%2E/whoami", "/api/public/..;/whoami", "/api/public;x=1/../whoami",
                    "/api/public/.%2e/whoami", "/api/public/./../whoami", "/api/public%2f..%2fwhoami")) {
                String id = newId();
                HttpResult result = app.raw().send("GET", app.baseUri().getRawPath() + path.substring(1), null,
                        ReachedServlet.HEADER + ": " + id);

                assertTrue(List.of(400, 401, 404).contains(result.status()), () -> path + " -> " + result);
                if (result.status() == 401) {
                    assertEquals(List.of(CHALLENGE), result.headers("WWW-Authenticate"), () -> path + " -> " + result);
                }
                assertNotReached(id);
            }
        }

        @Test
        void optionalFilterLetsARequestWithoutTokenPassUnauthenticated() {
            String id = newId();
            HttpResult result = get("/optional/whoami", id);

            assertEquals(200, result.status(), result::toString);
            Map<String, Object> json = result.json();
            assertEquals(null, json.get("principal"), result::toString);
            assertEquals(null, json.get("remoteUser"), result::toString);
            assertEquals(null, json.get("authType"), result::toString);
            assertEquals(Map.of("user", false, "admin", false, "nobody", false, "**", false), json.get("inRole"),
                    result::toString);
            assertReached(id);
        }

        @Test
        void optionalFilterAuthenticatesAValidToken() {
            String id = newId();
            HttpResult result = get("/optional/whoami", id, bearer(token(c -> { })));

            assertEquals(200, result.status(), result::toString);
            assertEquals("alice", result.json().get("principal"), result::toString);
            assertReached(id);
        }

        @Test
        void optionalFilterTreatsAnotherSchemeAsNoToken() {
            String id = newId();
            HttpResult result = get("/optional/whoami", id, "Authorization", "DPoP " + token(c -> { }));

            assertEquals(200, result.status(), result::toString);
            assertEquals(null, result.json().get("principal"), result::toString);
            assertReached(id);

            // Basic credentials are the container's business: the filter lets them pass. (Jetty, seeing the
            // web app's BASIC login-config, authenticates them lazily even without a security constraint;
            // Tomcat does not.) Either way the caller is not a bearer-token caller.
            String basicId = newId();
            HttpResult basic = get("/optional/whoami", basicId, "Authorization", "Basic YWxpY2U6YWxpY2Utc2VjcmV0");

            assertEquals(200, basic.status(), basic::toString);
            assertTrue(!"Bearer".equals(basic.json().get("authType")), basic::toString);
            assertTrue(!JwtPrincipal.class.getName().equals(basic.json().get("principalClass")), basic::toString);
            assertReached(basicId);
        }

        @Test
        void optionalFilterStillRejectsABadToken() {
            String id = newId();
            HttpResult result = get("/optional/whoami", id, bearer(token(c -> c.setAudience("another-api"))));

            assertInvalidTokenResult(result, INVALID);
            assertNotReached(id);
        }

        @Test
        void optionalFilterStillRejectsAMalformedRequest() {
            String id = newId();
            HttpResult result = raw("/optional/whoami", id, "Authorization: Bearer");

            assertInvalidRequest(result);
            assertNotReached(id);
        }

        // ---- helpers

        private HttpResult get(String path, String id, String... headers) {
            String[] all = new String[headers.length + 2];
            all[0] = ReachedServlet.HEADER;
            all[1] = id;
            System.arraycopy(headers, 0, all, 2, headers.length);
            return app.http().get(app.uri(path), all);
        }

        private HttpResult raw(String path, String id, String... headerLines) {
            String[] all = new String[headerLines.length + 1];
            all[0] = ReachedServlet.HEADER + ": " + id;
            System.arraycopy(headerLines, 0, all, 1, headerLines.length);
            return app.raw().send("GET", app.uri(path).getRawPath(), null, all);
        }

        private Map<String, Object> login(String username, String password) {
            HttpResult result = app.http().postJson(app.uri("/auth/login"),
                    "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
            assertEquals(200, result.status(), result::toString);
            return result.json();
        }

        private void assertInvalidToken(String token, String description) {
            String id = newId();
            HttpResult result = get("/api/whoami", id, bearer(token));

            assertInvalidTokenResult(result, description);
            assertNotReached(id);
        }

        private void assertChallengeWithoutError(HttpResult result) {
            assertEquals(401, result.status(), result::toString);
            assertEquals(List.of(CHALLENGE), result.headers("WWW-Authenticate"), result::toString);
            assertEquals("", result.body(), result::toString);
            assertEquals(List.of("no-store"), result.headers("Cache-Control"), result::toString);
        }

        private void assertInvalidRequest(HttpResult result) {
            assertEquals(400, result.status(), result::toString);
            assertEquals(List.of(CHALLENGE + ", error=\"invalid_request\", error_description=\""
                    + MALFORMED_DESCRIPTION + "\""), result.headers("WWW-Authenticate"), result::toString);
            assertErrorBody(result, "invalid_request", MALFORMED_DESCRIPTION);
        }

        private void assertNotReached(String id) {
            assertEquals("false", app.http().get(app.uri("/public/reached?id=" + id)).body(),
                    () -> "the application was reached by request " + id);
        }

        private void assertReached(String id) {
            assertEquals("true", app.http().get(app.uri("/public/reached?id=" + id)).body(),
                    () -> "the application was not reached by request " + id);
        }
    }

    static void assertInvalidTokenResult(HttpResult result, String description) {
        assertEquals(401, result.status(), result::toString);
        assertEquals(List.of(CHALLENGE + ", error=\"invalid_token\", error_description=\"" + description + "\""),
                result.headers("WWW-Authenticate"), result::toString);
        assertErrorBody(result, "invalid_token", description);
    }

    static void assertErrorBody(HttpResult result, String error, String description) {
        assertTrue(result.header("Content-Type").orElse("").startsWith("application/json"), result::toString);
        assertEquals(Map.of("error", error, "error_description", description), result.json(), result::toString);
        assertEquals(List.of("no-store"), result.headers("Cache-Control"), result::toString);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    static byte[] bytes(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The kid the deployment computes from its secret. */
    static String kid() {
        return new HmacSigningKeys(SigningAlgorithm.HS256, bytes(SECRET)).signingKeyId();
    }

    /** The claims a valid access token for alice carries, then {@code changes}. */
    static JwtClaims claims(Consumer<JwtClaims> changes) {
        long now = now();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject("alice");
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + LIFETIME));
        claims.setGeneratedJwtId();
        claims.setClaim("sid", "family-1");
        claims.setStringListClaim("roles", "user");
        claims.setClaim("department", "sales");
        changes.accept(claims);
        return claims;
    }

    /** Drops a JOSE header parameter entirely (not the same as a null value). */
    static void removeHeader(JsonWebSignature jws, String name) {
        try {
            Map<String, Object> header = JsonUtil.parseJson(jws.getHeaders().getFullHeaderAsJsonString());
            header.remove(name);
            jws.getHeaders().setFullHeaderAsJsonString(JsonUtil.toJson(header));
        } catch (JoseException e) {
            throw new AssertionError(e);
        }
    }

    static org.jose4j.jwk.JsonWebKey jwkOf(String json) {
        try {
            return org.jose4j.jwk.JsonWebKey.Factory.newJwk(json);
        } catch (JoseException e) {
            throw new AssertionError(e);
        }
    }

    static String token(Consumer<JwtClaims> claimChanges) {
        return token(claimChanges, h -> { });
    }

    /** A token signed like the deployment signs (HS256, its secret and kid, typ at+jwt), then changed. */
    static String token(Consumer<JwtClaims> claimChanges, Consumer<JsonWebSignature> headerChanges) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setHeader("typ", "at+jwt");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue(kid());
        jws.setKey(new HmacKey(bytes(SECRET)));
        jws.setPayload(claims(claimChanges).toJson());
        headerChanges.accept(jws);
        return serialise(jws);
    }

    /** Any payload, signed like the deployment signs, then changed. */
    static String signed(String payload, Consumer<JsonWebSignature> headerChanges) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setHeader("typ", "at+jwt");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue(kid());
        jws.setKey(new HmacKey(bytes(SECRET)));
        jws.setPayload(payload);
        headerChanges.accept(jws);
        return serialise(jws);
    }

    private static String serialise(JsonWebSignature jws) {
        try {
            String token = jws.getCompactSerialization();
            assertNotNull(token);
            return token;
        } catch (JoseException e) {
            throw new AssertionError(e);
        }
    }
}
