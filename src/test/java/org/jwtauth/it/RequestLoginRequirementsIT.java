package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.ContainerKind;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.ItBuild;
import org.jwtauth.it.support.Jars;
import org.jwtauth.it.support.Users;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;

/**
 * What a web app must declare for {@code HttpServletRequest.login} to reach the container realm,
 * which the library's default ("container") authenticator relies on. Jetty only installs an
 * authenticator, and so only supports programmatic login, when some {@code <login-config>}
 * (from web.xml or a web fragment) names an auth-method; Tomcat always has one.
 */
class RequestLoginRequirementsIT {

    private static final Users USERS = Users.none().with("alice", "alice-secret", "user");

    @Nested
    class Jetty extends Spec {
        Jetty() {
            super(ContainerKind.JETTY);
        }

        @Test
        void requestLoginWhenNoLoginConfigThenEvenTheCorrectPasswordIsRejectedLikeAWrongOne() throws Exception {
            assertEquals(401, loginStatus(webApp("")));
        }
    }

    @Nested
    class Tomcat extends Spec {
        Tomcat() {
            super(ContainerKind.TOMCAT);
        }

        @Test
        void requestLoginWhenNoLoginConfigThenTheRealmIsStillUsed() throws Exception {
            assertEquals(200, loginStatus(webApp("")));
        }
    }

    abstract static class Spec {
        private final ContainerKind kind;

        Spec(ContainerKind kind) {
            this.kind = kind;
        }

        @Test
        void requestLoginWhenBasicLoginConfigHasNoRealmNameOrRolesThenItWorks() throws Exception {
            assertEquals(200, loginStatus(webApp("<login-config><auth-method>BASIC</auth-method></login-config>")));
        }

        @Test
        void requestLoginWhenFormLoginConfigThenItWorks() throws Exception {
            assertEquals(200, loginStatus(webApp("<login-config><auth-method>FORM</auth-method>"
                    + "<form-login-config><form-login-page>/login.html</form-login-page>"
                    + "<form-error-page>/error.html</form-error-page></form-login-config></login-config>")));
        }

        @Test
        void requestLoginWhenTheLoginConfigComesFromAWebFragmentThenItWorks() throws Exception {
            String fragment = WebXml.fragment("login_config_fragment",
                    "<login-config><auth-method>BASIC</auth-method></login-config>");
            WebAppDirectory.Builder webApp = webApp("")
                    .libJar(Jars.write(ItBuild.newWorkDir("fragment").resolve("login-config-fragment.jar"),
                            Map.of("META-INF/web-fragment.xml", fragment)));
            assertEquals(200, loginStatus(webApp));
        }

        WebAppDirectory.Builder webApp(String loginConfig) {
            return WebAppDirectory.builder()
                    .webXml(WebXml.of(WebXml.servlet("probe", HarnessProbeServlet.class, "/probe/*") + loginConfig))
                    .classes(HarnessProbeServlet.class)
                    .withoutLibrary();
        }

        /** Deploys the web app, logs alice in with her correct password, and answers the status. */
        int loginStatus(WebAppDirectory.Builder webApp) throws Exception {
            try (DeployedApp app = DeployedApp.deploy(kind, webApp.build(), "/app", USERS)) {
                HttpResult result = app.http().post(app.uri("/probe/login"),
                        "username=alice&password=alice-secret&roles=user",
                        "Content-Type", "application/x-www-form-urlencoded");
                if (result.status() == 200) {
                    assertEquals("true", result.body().lines()
                            .filter(line -> line.startsWith("inRole.user=")).findFirst()
                            .map(line -> line.substring("inRole.user=".length())).orElse(null), result::toString);
                }
                return result.status();
            }
        }
    }
}
