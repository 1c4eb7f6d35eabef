package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.ItBuild;
import org.jwtauth.it.support.Jars;
import org.jwtauth.it.support.LiveThreads;
import org.jwtauth.it.support.Users;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;

/**
 * The harness itself, in both containers: a web app assembled like a deployer's, the library
 * loaded from WEB-INF/lib, web fragments discovered there, and {@code request.login} backed
 * by the container realm (the library's login endpoint depends on it).
 */
class ContainerHarnessIT {

    private static final Users USERS = Users.none()
            .with("alice", "alice-secret", "user", "admin")
            .with("bob", "bob-secret", "user");

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class Spec extends DeployedSpec {
        private DeployedApp app;

        @Override
        protected void deploy() throws Exception {
            // Stands in for the library's own fragment until it exists; proves that fragments
            // are read from WEB-INF/lib and can map servlets.
            String fragment = WebXml.fragment("it_probe_fragment",
                    WebXml.contextParam("it.fragment", "loaded")
                            + WebXml.servlet("fragmentProbe", HarnessProbeServlet.class, "/from-fragment/*"));
            WebAppDirectory webApp = WebAppDirectory.builder()
                    .webXml(WebXml.of(
                            // A valid secret, so the web app still starts once the library's fragment
                            // and listener are in the JAR.
                            WebXml.contextParam("jwtauth.secret", "harness-secret-0123456789-0123456789")
                                    + WebXml.servlet("probe", HarnessProbeServlet.class, "/probe/*")
                                    + WebXml.basicLogin("harness", "user", "admin")))
                    .classes(HarnessProbeServlet.class)
                    .libJar(Jars.write(ItBuild.newWorkDir("fragment").resolve("it-probe-fragment.jar"),
                            Map.of("META-INF/web-fragment.xml", fragment)))
                    .file("index.html", "<html><body>static</body></html>")
                    .build();
            app = deploy(webApp, "/app", USERS);
        }

        @Test
        void servletWhenInWebInfClassesThenItAnswersFromTheWebAppClassLoader() {
            Properties probe = probe("/probe/x");

            assertTrue(probe.getProperty("servlet.source").contains("/WEB-INF/classes/"), probe::toString);
            assertEquals("true", probe.getProperty("nested.sameLoader"), probe::toString);
            assertNotEquals(ClassLoader.getSystemClassLoader().getClass().getName(),
                    probe.getProperty("servlet.loader"));
        }

        @Test
        void libraryWhenDeployedThenLoadedFromWebInfLibNotFromTheTestClassPath() {
            Properties probe = probe("/probe/x");
            String jarName = ItBuild.libraryJar().getFileName().toString();

            assertTrue(probe.getProperty("library.source").endsWith("/WEB-INF/lib/" + jarName), probe::toString);
            assertEquals("true", probe.getProperty("library.sameLoader"), probe::toString);
            assertTrue(probe.getProperty("webInf.lib").contains("/WEB-INF/lib/" + jarName), probe::toString);
        }

        @Test
        void fragmentWhenInWebInfLibThenItContributesContextParamsAndServlets() {
            assertEquals("loaded", probe("/probe/x").getProperty("fragment.param"));
            assertEquals("fragmentProbe", probe("/from-fragment/x").getProperty("servletName"));
        }

        @Test
        void staticFileWhenRequestedThenTheContainerServesIt() {
            HttpResult result = app.http().get(app.uri("/index.html"));

            assertEquals(200, result.status(), result::toString);
            assertTrue(result.body().contains("static"), result::toString);
        }

        @Test
        void rawSenderWhenAHeaderRepeatsThenItArrivesUnmerged() {
            HttpResult result = app.raw().send("GET", app.uri("/probe/x").getRawPath(), null,
                    "X-Probe: one", "X-Probe: two");

            assertEquals(200, result.status(), result::toString);
            assertEquals("[one, two]", properties(result).getProperty("header.X-Probe"), result::toString);
        }

        @Test
        void optionsWhenSentToAServletThenAnsweredWithTheAllowedMethods() {
            HttpResult result = app.http().options(app.uri("/probe/x"));

            assertEquals(200, result.status(), result::toString);
            assertTrue(result.header("Allow").orElse("").contains("POST"), result::toString);
        }

        @Test
        void requestLoginWhenPasswordIsCorrectThenAuthenticatedByTheRealmWithItsRoles() {
            Properties result = login("alice", "alice-secret", 200);

            assertEquals("alice", result.getProperty("remoteUser"), result::toString);
            assertEquals("alice", result.getProperty("principal"), result::toString);
            assertEquals("true", result.getProperty("inRole.user"), result::toString);
            assertEquals("true", result.getProperty("inRole.admin"), result::toString);
            assertEquals("false", result.getProperty("inRole.nobody"), result::toString);
            assertEquals(null, result.getProperty("logout.failed"), result::toString);
            assertEquals("null", result.getProperty("afterLogout.remoteUser"), result::toString);
        }

        @Test
        void requestLoginWhenUserHasFewerRolesThenOnlyThoseAreGranted() {
            Properties result = login("bob", "bob-secret", 200);

            assertEquals("true", result.getProperty("inRole.user"), result::toString);
            assertEquals("false", result.getProperty("inRole.admin"), result::toString);
        }

        @Test
        void requestLoginWhenPasswordIsWrongThenServletException() {
            Properties result = login("alice", "wrong", 401);

            assertEquals("jakarta.servlet.ServletException", result.getProperty("login.failed"), result::toString);
        }

        @Test
        void requestLoginWhenUserIsUnknownThenServletException() {
            Properties result = login("mallory", "alice-secret", 401);

            assertEquals("jakarta.servlet.ServletException", result.getProperty("login.failed"), result::toString);
        }

        @Test
        void deployWhenAListenerFailsThenTheDeploymentFails() {
            WebAppDirectory failing = WebAppDirectory.builder()
                    .webXml(WebXml.of("<listener><listener-class>" + FailingListener.class.getName()
                            + "</listener-class></listener>"))
                    .classes(FailingListener.class)
                    .withoutLibrary()
                    .build();

            assertThrows(Exception.class, () -> DeployedApp.deploy(kind(), failing, "/failing", USERS).close());
        }

        // Unannotated tests have Order.DEFAULT: restart and undeploy run after them.
        @Test
        @Order(Order.DEFAULT + 1)
        void restartWhenTheWebAppRestartsThenSamePortNewClassLoaderSameRealm() throws Exception {
            String before = probe("/probe/x").getProperty("servlet.loaderId");

            app.container().restartWebApp();

            assertNotEquals(before, probe("/probe/x").getProperty("servlet.loaderId"));
            assertEquals("alice", login("alice", "alice-secret", 200).getProperty("remoteUser"));
        }

        @Test
        @Order(Order.DEFAULT + 2)
        void undeployWhenTheWebAppIsRemovedThenItIsGoneAndLeavesNoLibraryThreads() throws Exception {
            app.container().undeploy();

            assertEquals(404, app.http().get(app.uri("/probe/x")).status());
            assertEquals(List.of(), LiveThreads.named("jwtauth"));
        }

        private Properties probe(String path) {
            HttpResult result = app.http().get(app.uri(path));
            assertEquals(200, result.status(), () -> app + ": " + result);
            return properties(result);
        }

        private Properties login(String username, String password, int expectedStatus) {
            HttpResult result = app.http().post(app.uri("/probe/login"),
                    "username=" + username + "&password=" + password + "&roles=user,admin,nobody",
                    "Content-Type", "application/x-www-form-urlencoded");
            assertEquals(expectedStatus, result.status(), () -> app + ": " + result);
            return properties(result);
        }

        private static Properties properties(HttpResult result) {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(result.body()));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return properties;
        }
    }
}
