package org.jwtauth.it;

import java.nio.file.Path;
import java.time.Duration;

import org.jwtauth.it.support.Users;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;

/**
 * The web app of the token-lifecycle tests, set up as a deployer would: the container realm checks passwords,
 * web.xml lists the candidate roles and the lifetimes, and the refresh tokens live in an H2 file database of the
 * test's own.
 */
final class LifecycleApp {

    static final String SECRET = "lifecycle-secret-0123456789-0123456789-abcdef";
    static final String CANDIDATE_ROLES = "user, admin, support";

    static final Users USERS = Users.none()
            .with("alice", "alice-secret-1", "user", "admin", "auditor")
            .with("bob", "bob-secret-1", "user")
            .with("carol", "carol-secret-1", "auditor")
            .with("dave", "dave-secret-1", "user")
            .with("erin", "erin-secret-1", "user")
            .with("frank", "frank-secret-1", "user")
            .with("gina", "gina-secret-1", "user")
            .with("hank", "hank-secret-1", "user")
            .with("ivy", "ivy-secret-1", "user");

    private LifecycleApp() {
    }

    /**
     * The deployer's web.xml: the library's settings as context-params, the application's own servlet, and a
     * login-config so that the container realm answers {@code request.login}.
     */
    static WebAppDirectory webApp(Path storeDir, Duration accessLifetime) {
        return webApp(storeDir, accessLifetime, "");
    }

    /** The same web app with further context-params ({@link WebXml#contextParam}). */
    static WebAppDirectory webApp(Path storeDir, Duration accessLifetime, String moreContextParams) {
        return WebAppDirectory.builder()
                .webXml(WebXml.of(moreContextParams + WebXml.contextParam("jwtauth.secret", SECRET)
                        + WebXml.contextParam("jwtauth.accessToken.lifetime", accessLifetime.toString())
                        + WebXml.contextParam("jwtauth.clockSkew", "PT0S")
                        + WebXml.contextParam("jwtauth.login.roles", CANDIDATE_ROLES)
                        + WebXml.contextParam("jwtauth.store.url",
                                "jdbc:h2:file:" + storeDir.resolve("tokens").toAbsolutePath())
                        // The cleanup thread runs every second, so undeploy has a busy thread to stop.
                        + WebXml.contextParam("jwtauth.cleanup.interval", "PT1S")
                        + WebXml.servlet("me", MeServlet.class, "/api/me")
                        + WebXml.basicLogin("lifecycle", "user", "admin", "support")))
                .classes(MeServlet.class)
                .build();
    }
}
