package org.jwtauth.it.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.jwtauth.it.ReachedServlet;
import org.jwtauth.it.WhoAmIServlet;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.Users;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;

/** The web app of the key tests: container-realm login, an API at /api/whoami, and the given context-params. */
final class KeyApps {

    static final Users USERS = Users.none().with("alice", "alice-pw", "user");

    private KeyApps() {
    }

    static WebAppDirectory webApp(Map<String, String> contextParams) {
        StringBuilder body = new StringBuilder(WebXml.contextParam("jwtauth.login.roles", "user,admin"));
        contextParams.forEach((name, value) -> body.append(WebXml.contextParam(name, value)));
        body.append(WebXml.servlet("whoami", WhoAmIServlet.class, "/api/whoami"));
        body.append(WebXml.basicLogin("app", "user", "admin"));
        return WebAppDirectory.builder().webXml(WebXml.of(body.toString()))
                .classes(WhoAmIServlet.class, ReachedServlet.class).build();
    }

    /** Logs alice in; the token response as a map. */
    static Map<String, Object> login(DeployedApp app) {
        return AuthCalls.on(app).loggedIn("alice", "alice-pw").json();
    }

    static Map<String, Object> refresh(DeployedApp app, Map<String, Object> tokens) {
        return AuthCalls.tokens(AuthCalls.on(app).refresh((String) tokens.get("accessToken"),
                (String) tokens.get("refreshToken"))).json();
    }

    static HttpResult whoAmI(DeployedApp app, Object accessToken) {
        return AuthCalls.on(app).api("/api/whoami", String.valueOf(accessToken));
    }

    /** The application saw {@code name} as the remote user, in role "user" or not, in role "admin" or not. */
    static void assertCaller(HttpResult whoAmI, String name, boolean user, boolean admin) {
        assertEquals(200, whoAmI.status(), whoAmI::toString);
        assertEquals(name, whoAmI.json().get("remoteUser"), whoAmI::toString);
        @SuppressWarnings("unchecked")
        Map<String, Object> roles = (Map<String, Object>) whoAmI.json().get("inRole");
        assertEquals(user, roles.get("user"), whoAmI::toString);
        assertEquals(admin, roles.get("admin"), whoAmI::toString);
    }
}
