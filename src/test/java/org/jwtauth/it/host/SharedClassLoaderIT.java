package org.jwtauth.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.WhoAmIServlet;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.FailedStart;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.Users;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;

/**
 * The library in a class loader above the applications' own ({@code $CATALINA_BASE/lib}, a Jetty server's class
 * path, an embedded server with everything on its class path) instead of WEB-INF/lib: one application may use it,
 * as an embedded server's single application does; a second one at the same time is refused, saying where the JARs
 * belong (README, install). In both embedded containers the test JVM's class path, which holds the library and its
 * dependencies, is the parent of every web app's class loader, exactly as the common loader is in a standalone
 * Tomcat; the web apps carry no library JAR and declare the listener and filters in web.xml.
 */
class SharedClassLoaderIT {

    private static final String SECRET = "shared-loader-it-secret-0123456789-abcdefgh";

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends DeployedSpec {

        @Test
        void startWhenTwoApplicationsShareTheLibrarysClassLoaderThenTheFirstWorksAndTheSecondIsRefused()
                throws Exception {
            DeployedApp first = deploy(webApp(), "/first", Users.none());
            HttpResult unauthenticated = first.http().get(first.uri("/api/whoami"));

            String why = FailedStart.of(() -> closeAfterAll(first.beside(webApp(), "/second")));

            assertEquals(401, unauthenticated.status(), "the first application runs, filter and all");
            assertTrue(why.contains("jwt-servlet-auth must be in WEB-INF/lib of /second"), why);
            assertTrue(why.contains("shared by several applications"), why);
            assertTrue(why.contains("/first"), "names the application that uses it: " + why);

            first.container().undeploy();
            DeployedApp third = closeAfterAll(first.beside(webApp(), "/third"));
            assertEquals(401, third.http().get(third.uri("/api/whoami")).status(),
                    "once the first is gone, another may use it");
        }

        private static WebAppDirectory webApp() {
            return WebAppDirectory.builder()
                    .withoutLibrary()
                    .webXml(WebXml.of(WebXml.contextParam("jwtauth.secret", SECRET)
                            + "<listener><listener-class>org.jwtauth.web.JwtAuthListener</listener-class></listener>\n"
                            + WebXml.filter("jwtauth-container-identity", "org.jwtauth.web.ContainerIdentityFilter", "/*")
                            + WebXml.filter("jwtauth", "org.jwtauth.web.BearerTokenFilter", "/api/*")
                            + WebXml.servlet("whoami", WhoAmIServlet.class, "/api/whoami")))
                    .classes(WhoAmIServlet.class)
                    .build();
        }
    }
}
