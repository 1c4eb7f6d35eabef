package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;

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
            super(ContainerKind.JETTY, "WEB-INF/jetty-env.xml", JndiDataSourceIT::jettyEnvXml);
        }
    }

    @Nested
    class Tomcat extends Spec {
        Tomcat() {
            super(ContainerKind.TOMCAT, "META-INF/context.xml", JndiDataSourceIT::tomcatContextXml);
        }
    }

    /** A PGSimpleDataSource; in production a pool (e.g. HikariCP) is declared the same way. */
    static String jettyEnvXml(String url) {
        return "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE Configure PUBLIC \"-//Jetty//Configure//EN\" \"https://jetty.org/configure_10_0.dtd\">\n"
                + "<Configure id=\"wac\" class=\"org.eclipse.jetty.ee10.webapp.WebAppContext\">\n"
                + "  <New id=\"AuthDB\" class=\"org.eclipse.jetty.plus.jndi.Resource\">\n"
                + "    <Arg><Ref refid=\"wac\"/></Arg>\n"
                + "    <Arg>jdbc/AuthDB</Arg>\n"
                + "    <Arg>\n"
                + "      <New class=\"org.postgresql.ds.PGSimpleDataSource\">\n"
                + "        <Set name=\"url\">" + url.replace("&", "&amp;") + "</Set>\n"
                + "        <Set name=\"user\">" + PostgresSchema.USER + "</Set>\n"
                + "        <Set name=\"connectTimeout\">5</Set>\n"
                + "        <Set name=\"socketTimeout\">10</Set>\n"
                + "      </New>\n"
                + "    </Arg>\n"
                + "  </New>\n"
                + "</Configure>\n";
    }

    static String tomcatContextXml(String url) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Context>\n"
                + "  <Resource name=\"jdbc/AuthDB\" auth=\"Container\" type=\"javax.sql.DataSource\"\n"
                + "            factory=\"org.apache.tomcat.jdbc.pool.DataSourceFactory\"\n"
                + "            driverClassName=\"org.postgresql.Driver\"\n"
                + "            url=\"" + url.replace("&", "&amp;") + "\"\n"
                + "            username=\"" + PostgresSchema.USER + "\" password=\"\"\n"
                + "            maxActive=\"20\" maxIdle=\"10\" maxWait=\"5000\"\n"
                + "            testOnBorrow=\"true\" validationQuery=\"SELECT 1\" validationQueryTimeout=\"5\"\n"
                + "            connectionProperties=\"connectTimeout=5;socketTimeout=10\"/>\n"
                + "</Context>\n";
    }

    abstract static class Spec extends DeployedSpec {
        private final String descriptorPath;
        private final Function<String, String> descriptor;
        private PostgresSchema schema;
        private AuthCalls calls;

        Spec(ContainerKind kind, String descriptorPath, Function<String, String> descriptor) {
            super(kind);
            this.descriptorPath = descriptorPath;
            this.descriptor = descriptor;
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
                    .file(descriptorPath, descriptor.apply(schema.url()))
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
