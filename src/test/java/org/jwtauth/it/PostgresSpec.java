package org.jwtauth.it;

import org.jwtauth.it.support.ContainerKind;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.PostgresSchema;
import org.jwtauth.it.support.Users;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;

/**
 * A spec on Jetty whose web apps keep their refresh tokens in a PostgreSQL schema of its own: one user, and the
 * caller's name on /api/me.
 */
abstract class PostgresSpec extends DeployedSpec {

    static final Users USERS = Users.none().with("alice", "alice-pw", "user");

    private PostgresSchema schema;

    PostgresSpec() {
        super(ContainerKind.JETTY);
    }

    /** Deploys the web apps (with {@link #closeAfterAll}) once {@link #schema()} exists. */
    protected abstract void deployApps() throws Exception;

    @Override
    protected final void deploy() throws Exception {
        schema = closeAfterAll(PostgresSchema.create());
        deployApps();
    }

    /** The spec's schema, dropped after the last test. */
    final PostgresSchema schema() {
        return schema;
    }

    /**
     * The store at {@code storeUrl} as {@link PostgresSchema#USER}, then {@code moreContextParams},
     * {@link PrincipalEchoServlet} on /api/me and a BASIC login-config for {@code realm}, so that the container
     * realm answers {@code request.login}.
     */
    static WebAppDirectory webApp(String secret, String storeUrl, String realm, String moreContextParams) {
        return WebAppDirectory.builder()
                .webXml(WebXml.of(WebXml.contextParam("jwtauth.secret", secret)
                        + WebXml.contextParam("jwtauth.store.url", storeUrl)
                        + WebXml.contextParam("jwtauth.store.user", PostgresSchema.USER)
                        + moreContextParams
                        + WebXml.servlet("me", PrincipalEchoServlet.class, "/api/me")
                        + WebXml.basicLogin(realm, "user")))
                .classes(PrincipalEchoServlet.class)
                .build();
    }
}
