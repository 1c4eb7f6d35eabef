package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.ItBuild;
import org.jwtauth.it.support.Users;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;

/**
 * The browser client served from the JAR at {@code /jwtauth/jwtauth.js} (classic script) and
 * {@code /jwtauth/jwtauth.mjs} (ES module), by servlets at those exact paths: an application whose own servlet
 * takes {@code /*} (as Spring MVC's or Jersey's do) still serves them, no default servlet needed.
 */
class BrowserScriptIT {

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends DeployedSpec {
        private DeployedApp app;
        private DeployedApp remapped;

        @Override
        protected void deploy() throws Exception {
            app = deploy(webApp(ItBuild.newWorkDir("script"), ""), "/app", Users.none());
            remapped = deploy(webApp(ItBuild.newWorkDir("script-remapped"), "<servlet-mapping><servlet-name>jwtauth-script</servlet-name>"
                    + "<url-pattern>/static/auth.js</url-pattern></servlet-mapping>\n"), "/remapped", Users.none());
        }

        private static WebAppDirectory webApp(Path storeDir, String more) {
            return WebAppDirectory.builder()
                    .webXml(WebXml.of(more + WebXml.contextParam("jwtauth.secret", LifecycleApp.SECRET)
                            + WebXml.contextParam("jwtauth.store.url",
                                    "jdbc:h2:file:" + storeDir.resolve("tokens").toAbsolutePath())
                            + WebXml.servlet("everything", ReachedServlet.class, "/*")))
                    .classes(ReachedServlet.class)
                    .build();
        }

        @Test
        void scriptWhenTheApplicationMapsSlashStarThenServedFromTheJarAsJavaScriptWithAValidator() {
            HttpResult script = app.http().get(app.uri("/jwtauth/jwtauth.js"));

            assertAll(
                    () -> assertEquals(200, script.status(), script::toString),
                    () -> assertTrue(script.header("Content-Type").orElse("").startsWith("text/javascript"),
                            script::toString),
                    () -> assertEquals("nosniff", script.header("X-Content-Type-Options").orElse("")),
                    () -> assertTrue(script.header("ETag").orElse("").matches("\"[A-Za-z0-9_-]{16,}\""),
                            script::toString),
                    () -> assertEquals("no-cache", script.header("Cache-Control").orElse("")),
                    () -> assertTrue(script.body().contains("global.JwtAuth = create(browserEnv())"),
                            "the classic script defines window.JwtAuth"));
        }

        @Test
        void moduleWhenRequestedThenTheSameScriptExportingJwtAuth() {
            HttpResult script = app.http().get(app.uri("/jwtauth/jwtauth.js"));
            HttpResult module = app.http().get(app.uri("/jwtauth/jwtauth.mjs"));

            assertAll(
                    () -> assertEquals(200, module.status(), module::toString),
                    () -> assertTrue(module.header("Content-Type").orElse("").startsWith("text/javascript")),
                    () -> assertTrue(module.body().startsWith(script.body()), "one source for both"),
                    () -> assertTrue(module.body().contains("export default JwtAuth;"), module::toString),
                    () -> assertTrue(!module.header("ETag").equals(script.header("ETag")), "two validators"));
        }

        @Test
        void scriptWhenIfNoneMatchCarriesItsETagThen304WithoutABody() {
            String etag = app.http().get(app.uri("/jwtauth/jwtauth.js")).header("ETag").orElseThrow();

            HttpResult again = app.http().get(app.uri("/jwtauth/jwtauth.js"), "If-None-Match", etag);
            HttpResult other = app.http().get(app.uri("/jwtauth/jwtauth.js"), "If-None-Match", "\"something-else\"");

            assertEquals(304, again.status(), again::toString);
            assertEquals("", again.body());
            assertEquals(etag, again.header("ETag").orElse(""));
            assertEquals(200, other.status(), other::toString);
        }

        @Test
        void scriptWhenPostedThen405() {
            HttpResult result = app.http().post(app.uri("/jwtauth/jwtauth.js"), "x", "Content-Type", "text/plain");
            assertEquals(405, result.status(), result::toString);
        }

        @Test
        void scriptWhenRemappedInWebXmlThenServedAtTheNewPathOnly() {
            HttpResult moved = remapped.http().get(remapped.uri("/static/auth.js"));
            HttpResult old = remapped.http().get(remapped.uri("/jwtauth/jwtauth.js"));

            assertEquals(200, moved.status(), moved::toString);
            assertTrue(moved.body().contains("JwtAuth"));
            assertEquals("false", old.body(), "the old path reaches the application's own servlet");
        }
    }
}
