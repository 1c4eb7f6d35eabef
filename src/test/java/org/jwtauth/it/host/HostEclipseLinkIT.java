package org.jwtauth.it.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.WhoAmIServlet;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.FailedStart;
import org.jwtauth.it.support.ItBuild;
import org.jwtauth.it.support.Users;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;

/**
 * A host application that carries an EclipseLink of another major version (3.0 here; 2.x is the same
 * {@code org.eclipse.persistence} packages) in WEB-INF/lib: one class loader then holds two versions of the same
 * classes, and which one a class comes from depends on the JAR order. The library refuses to start, naming both
 * versions and what to do (design section 13), instead of failing somewhere inside EclipseLink or working by chance.
 */
class HostEclipseLinkIT {

    private static final String SECRET = "host-eclipselink-it-secret-0123456789-abcdef";

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends DeployedSpec {

        @Test
        void startWhenHostCarriesAnotherEclipseLinkThenRefusedNamingBothVersions() {
            WebAppDirectory webApp = WebAppDirectory.builder()
                    .webXml(WebXml.of(WebXml.contextParam("jwtauth.secret", SECRET)
                            + WebXml.servlet("whoami", WhoAmIServlet.class, "/api/whoami")))
                    .classes(WhoAmIServlet.class)
                    .libJars(ItBuild.hostEclipseLinkDir(), name -> name)
                    .build();

            String why = FailedStart.of(() -> deploy(webApp, "/legacy", Users.none()));

            assertTrue(why.contains("two versions of EclipseLink"), why);
            assertTrue(why.contains("4.0.8"), why);
            assertTrue(why.contains("3.0.4"), why);
            assertTrue(why.contains("org.eclipse.persistence.core-3.0.4.jar"), why);
        }
    }
}
