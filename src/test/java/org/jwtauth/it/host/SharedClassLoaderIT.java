package org.jwtauth.it.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.WhoAmIServlet;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.FailedStart;
import org.jwtauth.it.support.Users;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;

/**
 * The library in a class loader that several applications share ({@code $CATALINA_BASE/lib}, a Jetty server's class
 * path) instead of WEB-INF/lib: the library refuses to start such an application, saying where the JARs belong
 * (README, install). In both embedded containers the test JVM's class path, which holds the library and its
 * dependencies, is the parent of every web app's class loader, exactly as the common loader is in a standalone
 * Tomcat; the web app carries no library JAR and declares the listener and filters in web.xml.
 */
class SharedClassLoaderIT {

    private static final String SECRET = "shared-loader-it-secret-0123456789-abcdefgh";

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends DeployedSpec {

        @Test
        void startWhenLibraryIsInASharedClassLoaderThenRefusedSayingWhereItBelongs() {
            WebAppDirectory webApp = WebAppDirectory.builder()
                    .withoutLibrary()
                    .webXml(WebXml.of(WebXml.contextParam("jwtauth.secret", SECRET)
                            + "<listener><listener-class>org.jwtauth.web.JwtAuthListener</listener-class></listener>\n"
                            + WebXml.filter("jwtauth-container-identity", "org.jwtauth.web.ContainerIdentityFilter", "/*")
                            + WebXml.filter("jwtauth", "org.jwtauth.web.BearerTokenFilter", "/api/*")
                            + WebXml.servlet("whoami", WhoAmIServlet.class, "/api/whoami")))
                    .classes(WhoAmIServlet.class)
                    .build();

            String why = FailedStart.of(() -> deploy(webApp, "/shared", Users.none()));

            assertTrue(why.contains("jwt-servlet-auth must be in WEB-INF/lib of /shared"), why);
            assertTrue(why.contains("shared by several applications"), why);
        }
    }
}
