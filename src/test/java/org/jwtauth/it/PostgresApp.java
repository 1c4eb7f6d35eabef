package org.jwtauth.it;

import org.jwtauth.it.support.PostgresSchema;
import org.jwtauth.it.support.Users;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;

/** The web app of the PostgreSQL tests: one user, the refresh tokens in PostgreSQL, the caller's name on /api/me. */
final class PostgresApp {

    static final Users USERS = Users.none().with("alice", "alice-pw", "user");

    private PostgresApp() {
    }

    /**
     * The store at {@code storeUrl} as {@link PostgresSchema#USER}, then
     * {@code moreContextParams}, {@link PrincipalEchoServlet} on /api/me and a BASIC login-config for
     * {@code realm}, so that the container realm answers {@code request.login}.
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
