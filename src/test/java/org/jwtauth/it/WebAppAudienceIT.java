package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.AuthCalls.Tokens;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.ItBuild;
import org.jwtauth.it.support.Users;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;
import org.jwtauth.testing.TokenForge;

/**
 * Two web applications in one container, configured alike from outside their web.xml (the secret as a JVM-wide
 * setting, as {@code JWTAUTH_SECRET} in the environment would be: a system property takes the same path and can
 * be set from a test), so nothing but the default audience tells their tokens apart: the issuer plus the context
 * path. A token issued before that default existed, with the issuer as audience, still refreshes, once, into one
 * with the new audience; the filter accepts only the new one.
 */
class WebAppAudienceIT {

    static final String SECRET = "audience-secret-0123456789-0123456789-abcdef";
    /** What the audience defaulted to before it was made specific to the web application: the issuer. */
    static final String OLD_DEFAULT_AUDIENCE = "jwt-servlet-auth";
    static final Users USERS = Users.none().with("alice", "alice-secret-1", "user");

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends DeployedSpec {
        private AuthCalls a;
        private AuthCalls b;

        @Override
        protected void deploy() throws Exception {
            String previous = System.setProperty("jwtauth.secret", SECRET);
            try {
                DeployedApp first = deploy(webApp(ItBuild.newWorkDir("audience-a")), "/a", USERS);
                a = AuthCalls.on(first);
                b = AuthCalls.on(closeAfterAll(first.beside(webApp(ItBuild.newWorkDir("audience-b")), "/b")));
            } finally {
                // Read once at start-up; the tests that follow in this JVM must not see it.
                if (previous == null) {
                    System.clearProperty("jwtauth.secret");
                } else {
                    System.setProperty("jwtauth.secret", previous);
                }
            }
        }

        @Test
        void defaultAudienceWhenNotConfiguredThenIssuerPlusContextPath() {
            assertAll(
                    () -> assertEquals("jwt-servlet-auth/a", a.loggedIn("alice", "alice-secret-1").accessClaims()
                            .get("aud")),
                    () -> assertEquals("jwt-servlet-auth/b", b.loggedIn("alice", "alice-secret-1").accessClaims()
                            .get("aud")));
        }

        @Test
        void filterWhenTokenOfAnotherWebAppWithTheSameSecretThenInvalidToken() {
            Tokens ofA = a.loggedIn("alice", "alice-secret-1");

            HttpResult atA = a.api("/api/me", ofA.access());
            HttpResult atB = b.api("/api/me", ofA.access());

            assertAll(
                    () -> assertEquals(200, atA.status(), atA::toString),
                    () -> assertEquals(401, atB.status(), atB::toString),
                    () -> assertTrue(atB.header("WWW-Authenticate").orElse("").contains("invalid_token"),
                            atB::toString));
        }

        @Test
        void refreshWhenTokensOfAnotherWebAppThenInvalidGrant() {
            Tokens ofA = a.loggedIn("alice", "alice-secret-1");

            HttpResult atB = b.refresh(ofA.access(), ofA.refresh());

            assertAll(
                    () -> assertEquals(400, atB.status(), atB::toString),
                    () -> assertEquals("invalid_grant", atB.json().get("error"), atB::toString),
                    // Refused on the access token, before the store: the session at /a is untouched.
                    () -> assertEquals(200, a.refresh(ofA.access(), ofA.refresh()).status()));
        }

        @Test
        void refreshWhenAccessTokenHasTheOldDefaultAudienceThenNewPairWithTheNewAudience() {
            Tokens session = a.loggedIn("alice", "alice-secret-1");
            String beforeUpgrade = withAudience(session.access(), OLD_DEFAULT_AUDIENCE);

            HttpResult atFilter = a.api("/api/me", beforeUpgrade);
            HttpResult refreshed = a.refresh(beforeUpgrade, session.refresh());

            assertAll(
                    () -> assertEquals(401, atFilter.status(), "the filter sees the new audience only"),
                    () -> assertEquals(200, refreshed.status(), refreshed::toString),
                    () -> assertEquals("jwt-servlet-auth/a", AuthCalls.tokens(refreshed).accessClaims().get("aud")),
                    () -> assertEquals(200, a.api("/api/me", AuthCalls.tokens(refreshed).access()).status()));
        }

        @Test
        void refreshWhenOldDefaultAudienceTokenOfAnotherWebAppThenInvalidGrant() {
            Tokens ofA = a.loggedIn("alice", "alice-secret-1");

            HttpResult atB = b.refresh(withAudience(ofA.access(), OLD_DEFAULT_AUDIENCE), ofA.refresh());

            // Its access token passes /b's transitional check, but the session is /a's, not in /b's store.
            assertEquals(400, atB.status(), atB::toString);
        }

        /** The same token, claims and header as issued, with another {@code aud}, signed with the shared secret. */
        private static String withAudience(String token, String audience) {
            String[] parts = token.split("\\.");
            return TokenForge.hs256(SECRET.getBytes(StandardCharsets.UTF_8)).header(json(parts[0]))
                    .claims(json(parts[1])).claim("aud", audience).sign();
        }

        private static Map<String, Object> json(String segment) {
            try {
                return JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8));
            } catch (org.jose4j.lang.JoseException e) {
                throw new IllegalStateException(e);
            }
        }

        private static WebAppDirectory webApp(Path storeDir) {
            return WebAppDirectory.builder()
                    .webXml(WebXml.of(WebXml.contextParam("jwtauth.login.roles", "user")
                            + WebXml.contextParam("jwtauth.store.url",
                                    "jdbc:h2:file:" + storeDir.resolve("tokens").toAbsolutePath())
                            + WebXml.servlet("me", MeServlet.class, "/api/me")
                            + WebXml.basicLogin("audience", "user")))
                    .classes(MeServlet.class)
                    .build();
        }
    }
}
