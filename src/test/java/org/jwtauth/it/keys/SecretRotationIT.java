package org.jwtauth.it.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jwtauth.it.support.ContainerKind;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.ItBuild;
import org.jwtauth.it.support.WebAppDirectory;

/**
 * Rotating an HS256 secret without logging anybody out (docs/operations.md): (1) the new secret becomes
 * {@code jwtauth.secret} and the old one {@code jwtauth.secret.previous}, which verifies the tokens it signed but
 * never signs; (2) after the longest access-token lifetime the previous secret is removed. Refresh tokens survive
 * both restarts, since they are no JWTs.
 */
class SecretRotationIT {

    private static final String OLD = "old-secret-Hk29sLq0Zx71Vb3Nm8Rt-abcdefghijk";
    private static final String NEW = "new-secret-Pq41mZ8xW2cV7bN0Lk5J-zyxwvutsrqp";

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void rotationWhenTheOldSecretBecomesThePreviousOneThenItsTokensStayValidUntilItIsRemoved(ContainerKind kind)
            throws Exception {
        Path dir = ItBuild.newWorkDir("secret-rotation");
        // The store must outlive the restarts, as a real database would.
        String store = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        WebAppDirectory webApp = KeyApps.webApp(params(store, OLD, null));
        try (DeployedApp app = DeployedApp.deploy(kind, webApp, "/app", KeyApps.USERS)) {
            Map<String, Object> beforeRotation = KeyApps.login(app);

            // Step 1: the new secret signs, the old one verifies only.
            restartWith(app, webApp, params(store, NEW, OLD));
            assertEquals(200, KeyApps.whoAmI(app, beforeRotation.get("accessToken")).status());
            Map<String, Object> refreshed = KeyApps.refresh(app, beforeRotation);
            assertNotEquals(kidOf(beforeRotation), kidOf(refreshed), "signed with the new secret");
            assertEquals(kidOf(refreshed), kidOf(KeyApps.login(app)));

            // Step 2, after the longest access-token lifetime: the previous secret goes.
            restartWith(app, webApp, params(store, NEW, null));
            assertEquals(401, KeyApps.whoAmI(app, beforeRotation.get("accessToken")).status());
            assertEquals(200, KeyApps.whoAmI(app, refreshed.get("accessToken")).status());
            Map<String, Object> again = KeyApps.refresh(app, refreshed);
            assertEquals(200, KeyApps.whoAmI(app, again.get("accessToken")).status());
        }
    }

    private static Map<String, String> params(String store, String secret, String previous) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("jwtauth.store.url", store);
        params.put("jwtauth.secret", secret);
        // Removed as an empty value: Jetty's WebAppContext keeps a context-param deleted from web.xml across a
        // stop and start of the same context (a real redeploy creates a new one); blank means unset.
        params.put("jwtauth.secret.previous", previous == null ? "" : previous);
        return params;
    }

    /** A new web.xml in the deployed directory, read again by the restart, as a redeploy would. */
    private static void restartWith(DeployedApp app, WebAppDirectory deployed, Map<String, String> params)
            throws Exception {
        Path fresh = KeyApps.webApp(params).root().resolve("WEB-INF/web.xml");
        Files.writeString(deployed.root().resolve("WEB-INF/web.xml"), Files.readString(fresh, StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        app.container().restartWebApp();
    }

    private static String kidOf(Map<String, Object> tokens) throws Exception {
        return JsonWebSignature.fromCompactSerialization((String) tokens.get("accessToken")).getKeyIdHeaderValue();
    }
}
