package org.jwtauth.it.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

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
        return WebAppDirectory.builder().webXml(WebXml.of(body.toString())).classes(WhoAmIServlet.class).build();
    }

    /** Logs alice in; the token response as a map. */
    static Map<String, Object> login(DeployedApp app) {
        HttpResult result = app.http().postJson(app.uri("/auth/login"),
                "{\"username\":\"alice\",\"password\":\"alice-pw\"}");
        assertEquals(200, result.status(), result::toString);
        return result.json();
    }

    static Map<String, Object> refresh(DeployedApp app, Map<String, Object> tokens) {
        HttpResult result = app.http().postJson(app.uri("/auth/refresh"), "{\"accessToken\":\""
                + tokens.get("accessToken") + "\",\"refreshToken\":\"" + tokens.get("refreshToken") + "\"}");
        assertEquals(200, result.status(), result::toString);
        return result.json();
    }

    static HttpResult whoAmI(DeployedApp app, Object accessToken) {
        return app.http().get(app.uri("/api/whoami"), "Authorization", "Bearer " + accessToken);
    }
}
