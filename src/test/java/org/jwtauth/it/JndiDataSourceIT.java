package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.ContainerKind;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.PostgresSchema;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;

/**
 * The store on a container's JNDI DataSource, configured the way deployers do it: a {@code <Resource>} in
 * Tomcat's META-INF/context.xml (Tomcat's JDBC pool) and a Jetty WEB-INF/jetty-env.xml, each pointing at
 * PostgreSQL, named in web.xml by a {@code <resource-ref>} and used through {@code jwtauth.store.dataSource}.
 * The table comes from the shipped script, run beforehand as a DBA would, and {@code schema=validate} accepts it.
 */
class JndiDataSourceIT {

    @Nested
    class Jetty extends Spec {
        Jetty() {
            super(ContainerKind.JETTY, "WEB-INF/jetty-env.xml", "jndi-jetty-env.xml");
        }
    }

    @Nested
    class Tomcat extends Spec {
        Tomcat() {
            super(ContainerKind.TOMCAT, "META-INF/context.xml", "jndi-context.xml");
        }
    }

    /** The descriptor {@code template} (a resource beside this class) pointing at the database at {@code url}. */
    static String descriptor(String template, String url) throws IOException {
        try (InputStream in = JndiDataSourceIT.class.getResourceAsStream(template)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${url}", url.replace("&", "&amp;"))
                    .replace("${user}", PostgresSchema.USER);
        }
    }

    abstract static class Spec extends DeployedSpec {
        private final String descriptorPath;
        private final String template;
        private PostgresSchema schema;
        private AuthCalls calls;

        Spec(ContainerKind kind, String descriptorPath, String template) {
            super(kind);
            this.descriptorPath = descriptorPath;
            this.template = template;
        }

        @Override
        protected void deploy() throws Exception {
            schema = closeAfterAll(PostgresSchema.create());
            schema.runShippedScript();
            WebAppDirectory webApp = WebAppDirectory.builder()
                    .webXml(WebXml.of(WebXml.contextParam("jwtauth.secret", "jndi-it-secret-0123456789-0123456789")
                            + WebXml.contextParam("jwtauth.store.dataSource", "java:comp/env/jdbc/AuthDB")
                            + WebXml.contextParam("jwtauth.store.schema", "validate")
                            + "<resource-ref><res-ref-name>jdbc/AuthDB</res-ref-name>"
                            + "<res-type>javax.sql.DataSource</res-type><res-auth>Container</res-auth></resource-ref>\n"
                            + WebXml.basicLogin("jndi", "user")))
                    .file(descriptorPath, descriptor(template, schema.url()))
                    .build();
            calls = AuthCalls.on(deploy(webApp, "/app", PostgresSpec.USERS));
        }

        @Test
        void storeWhenTheContainerProvidesAJndiDataSourceThenLoginAndRefreshKeepTheirTokensInIt() throws Exception {
            calls.refreshed(calls.loggedIn("alice", "alice-pw"));

            assertEquals(1, schema.rows("subject = 'alice' AND state = 'ROTATED'"));
            assertEquals(1, schema.rows("subject = 'alice' AND state = 'ACTIVE'"));
        }
    }
}
