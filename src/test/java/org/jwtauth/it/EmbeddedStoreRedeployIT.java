package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.AuthCalls.Tokens;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;

/**
 * The embedded H2 default, configured by nothing, outlives a redeploy of the WAR: the container deletes the
 * context's temporary directory, but the database is not there (design section 4; Tomcat puts it under
 * {@code catalina.base}, the Jetty harness under its base directory, as {@code jetty.base} would).
 */
class EmbeddedStoreRedeployIT {

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends DeployedSpec {
        private DeployedApp app;
        private AuthCalls auth;

        @Override
        protected void deploy() throws Exception {
            WebAppDirectory webApp = WebAppDirectory.builder()
                    .webXml(WebXml.of(WebXml.contextParam("jwtauth.secret", LifecycleApp.SECRET)
                            + WebXml.contextParam("jwtauth.accessToken.lifetime", Duration.ofMinutes(5).toString())
                            + WebXml.contextParam("jwtauth.login.roles", LifecycleApp.CANDIDATE_ROLES)
                            + WebXml.servlet("me", MeServlet.class, "/api/me")
                            + WebXml.basicLogin("lifecycle", "user", "admin", "support")))
                    .classes(MeServlet.class)
                    .build();
            app = deploy(webApp, "/app", LifecycleApp.USERS);
            auth = AuthCalls.on(app);
        }

        @Test
        void refreshWhenTheWarWasUndeployedAndDeployedAgainThenTheSessionGoesOn() throws Exception {
            Tokens before = auth.loggedIn("alice", "alice-secret-1");

            app.container().redeploy();

            HttpResult refreshed = auth.refresh(before.access(), before.refresh());
            assertEquals(200, refreshed.status(), refreshed::toString);
            assertEquals(200, auth.api("api/me", AuthCalls.tokens(refreshed).access()).status());
        }
    }
}
