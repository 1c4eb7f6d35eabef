package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;

/**
 * A web.xml with {@code metadata-complete="true"} makes the container ignore the library's web-fragment.xml, so
 * neither its listener nor its filter exists: the library's ServletContainerInitializer, which containers run
 * anyway, stops such an application instead of leaving {@code /api/*} open (design section 13). Declared in
 * web.xml by hand, everything works as from the fragment.
 */
class FragmentIgnoredIT {

    private static final String SECRET = "fragment-ignored-it-secret-0123456789-abcdef";

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends DeployedSpec {

        private static WebAppDirectory webApp(String declarations) {
            return WebAppDirectory.builder()
                    .webXml(WebXml.metadataComplete(WebXml.contextParam("jwtauth.secret", SECRET)
                            + WebXml.servlet("whoami", WhoAmIServlet.class, "/api/*")
                            + declarations))
                    .classes(WhoAmIServlet.class, ReachedServlet.class)
                    .build();
        }

        @Test
        void startWhenMetadataCompleteAndNoFilterDeclaredThenTheApplicationDoesNotStart() {
            // Jetty hands on the initializer's exception; Tomcat logs it and says that the context did not start.
            List<Throwable> logged = new CopyOnWriteArrayList<>();
            Handler handler = new Handler() {
                @Override public void publish(LogRecord record) {
                    if (record.getThrown() != null) {
                        logged.add(record.getThrown());
                    }
                }
                @Override public void flush() { }
                @Override public void close() { }
            };
            Logger tomcat = Logger.getLogger("org.apache.catalina");
            tomcat.addHandler(handler);
            try {
                Exception e = assertThrows(Exception.class, () -> deploy(webApp(""), "/app", BearerFilterApp.USERS));
                logged.add(e);
            } finally {
                tomcat.removeHandler(handler);
            }

            StringWriter traces = new StringWriter();
            logged.forEach(t -> t.printStackTrace(new PrintWriter(traces)));
            assertTrue(traces.toString().contains("jwt-servlet-auth stops /app: no filter of class "
                    + "org.jwtauth.web.BearerTokenFilter is registered"), traces::toString);
        }

        @Test
        void startWhenMetadataCompleteAndEverythingDeclaredInWebXmlThenApiIsProtected() throws Exception {
            DeployedApp app = deploy(webApp(
                    "<listener><listener-class>org.jwtauth.web.JwtAuthListener</listener-class></listener>\n"
                    + WebXml.filter("jwtauth-container-identity", "org.jwtauth.web.ContainerIdentityFilter", "/*")
                    + WebXml.filter("jwtauth", "org.jwtauth.web.BearerTokenFilter", "/api/*")), "/app",
                    BearerFilterApp.USERS);

            HttpResult result = app.http().get(app.uri("/api/whoami"));

            assertEquals(401, result.status(), result::toString);
        }
    }
}
