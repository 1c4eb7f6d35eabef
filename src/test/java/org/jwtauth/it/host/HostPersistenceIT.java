package org.jwtauth.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.WhoAmIServlet;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.ItBuild;
import org.jwtauth.it.support.Users;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;

/**
 * A host application with its own JPA: Hibernate ORM in WEB-INF/lib and a {@code META-INF/persistence.xml} whose
 * unit names no {@code <provider>}. {@code Persistence.createEntityManagerFactory} asks every provider that the
 * service files of the class path list, in class-path order, and takes the first factory it gets; EclipseLink,
 * which the library brings, takes any unit without a provider. The library must leave that unit with Hibernate
 * (design section 13) and still work.
 *
 * <p>The library's EclipseLink JAR is renamed so that it sorts first in WEB-INF/lib. Jetty takes the JARs sorted by
 * name, so there the rename puts EclipseLink's service file first; Tomcat takes them in the file system's directory
 * order (its {@code DirResourceSet.list} is {@code File.list}, unsorted), which a deployer cannot choose either. The
 * assertions hold whatever the order; before the library ordered the providers, both containers gave the host's
 * unit to EclipseLink here.
 */
class HostPersistenceIT {

    private static final String SECRET = "host-persistence-it-secret-0123456789-abcdef";
    private static final Users USERS = Users.none().with("alice", "alice-secret", "user");

    static final String PERSISTENCE_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<persistence xmlns=\"https://jakarta.ee/xml/ns/persistence\" version=\"3.0\">\n"
            + "  <persistence-unit name=\"host-unit\" transaction-type=\"RESOURCE_LOCAL\">\n"
            + "    <class>" + HostNote.class.getName() + "</class>\n"
            + "    <exclude-unlisted-classes>true</exclude-unlisted-classes>\n"
            + "    <properties>\n"
            + "      <property name=\"jakarta.persistence.jdbc.driver\" value=\"org.h2.Driver\"/>\n"
            + "      <property name=\"jakarta.persistence.jdbc.url\" value=\"jdbc:h2:mem:host-PLACE;DB_CLOSE_DELAY=-1\"/>\n"
            + "      <property name=\"jakarta.persistence.schema-generation.database.action\" value=\"drop-and-create\"/>\n"
            + "    </properties>\n"
            + "  </persistence-unit>\n"
            + "</persistence>\n";

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends DeployedSpec {
        private DeployedApp app;

        @Override
        protected void deploy() throws Exception {
            WebAppDirectory webApp = WebAppDirectory.builder()
                    .webXml(WebXml.of(WebXml.contextParam("jwtauth.secret", SECRET)
                            + "<listener><listener-class>" + HostJpaListener.class.getName()
                            + "</listener-class></listener>\n"
                            + WebXml.servlet("host-jpa", HostJpaServlet.class, "/host/jpa")
                            + WebXml.servlet("whoami", WhoAmIServlet.class, "/api/whoami")
                            + WebXml.basicLogin("app", "user")))
                    .classes(HostJpaListener.class, HostJpaServlet.class, HostNote.class, WhoAmIServlet.class)
                    .file("WEB-INF/classes/META-INF/persistence.xml", PERSISTENCE_XML.replace("PLACE", kind().name()))
                    .libJars(ItBuild.hostHibernateDir(), name -> name)
                    .build();
            sortEclipseLinkFirst(webApp);
            app = deploy(webApp, "/shop", USERS);
        }

        @Test
        void hostPersistenceUnitKeepsHibernateWhenLibraryIsDeployed() {
            HttpResult result = app.http().get(app.uri("/host/jpa"));

            assertEquals(200, result.status(), result::toString);
            assertTrue(result.body().startsWith("provider=org.hibernate."), result::toString);
            assertTrue(result.body().contains("notes=1"), result::toString);
        }

        @Test
        void libraryWorksBesideTheHostsHibernate() {
            AuthCalls auth = AuthCalls.on(app);
            AuthCalls.Tokens tokens = auth.loggedIn("alice", "alice-secret");

            HttpResult me = auth.api("/api/whoami", tokens.access());
            HttpResult refreshed = auth.refresh(tokens.access(), tokens.refresh());

            assertEquals(200, me.status(), me::toString);
            assertEquals(200, refreshed.status(), refreshed::toString);
        }
    }

    /** Renames the library's EclipseLink JPA JAR so that it is listed before every other JAR. */
    static void sortEclipseLinkFirst(WebAppDirectory webApp) throws java.io.IOException {
        try (var jars = java.nio.file.Files.list(webApp.webInfLib())) {
            for (java.nio.file.Path jar : (Iterable<java.nio.file.Path>) jars::iterator) {
                String name = jar.getFileName().toString();
                if (name.startsWith("org.eclipse.persistence.jpa-")) {
                    java.nio.file.Files.move(jar, jar.resolveSibling("0-" + name));
                }
            }
        }
    }
}
