package org.jwtauth.it.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jwtauth.it.support.ContainerKind;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.ItBuild;
import org.jwtauth.testing.TestKeys;

/**
 * Each asymmetric algorithm end to end in a real container: login, an API call with the access token, a refresh,
 * and an API call with the refreshed token. Every algorithm runs in Jetty; Tomcat runs one RSA, one EC and the
 * Edwards-curve algorithm, which keeps the run short while both containers see each key family.
 */
class AsymmetricAlgorithmsIT {

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA"})
    void loginWhenSigningAsymmetricallyThenApiCallAndRefreshWorkInJetty(String algorithm) throws Exception {
        endToEnd(ContainerKind.JETTY, algorithm);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PS256", "ES384", "EdDSA"})
    void loginWhenSigningAsymmetricallyThenApiCallAndRefreshWorkInTomcat(String algorithm) throws Exception {
        endToEnd(ContainerKind.TOMCAT, algorithm);
    }

    @Test
    void deployWhenTheRsaKeyIsUnder2048BitsThenTheWebAppDoesNotStart() throws Exception {
        Path keys = TestKeys.write(ItBuild.newWorkDir("keys").resolve("weak.pem"),
                TestKeys.privatePem(TestKeys.rsa(1024)));

        Exception e = assertThrows(Exception.class, () -> DeployedApp.deploy(ContainerKind.JETTY, KeyApps.webApp(
                Map.of("jwtauth.algorithm", "RS256", "jwtauth.keys", keys.toString())), "/app", KeyApps.USERS).close());

        // Jetty hands on the listener's exception itself: the message names the key and the file.
        assertTrue(e.getMessage().contains("jwtauth.keys") && e.getMessage().contains(keys.toString()), e::toString);
    }

    private static void endToEnd(ContainerKind kind, String algorithm) throws Exception {
        Path keys = TestKeys.write(ItBuild.newWorkDir("keys").resolve("signing.pem"),
                TestKeys.privatePem(TestKeys.generate(algorithm)));
        try (DeployedApp app = DeployedApp.deploy(kind, KeyApps.webApp(Map.of("jwtauth.algorithm", algorithm,
                "jwtauth.keys", keys.toString())), "/app", KeyApps.USERS)) {
            Map<String, Object> login = KeyApps.login(app);
            JsonWebSignature header = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(
                    (String) login.get("accessToken"));
            assertEquals(algorithm, header.getAlgorithmHeaderValue());

            HttpResult api = KeyApps.whoAmI(app, login.get("accessToken"));
            assertEquals(200, api.status(), api::toString);
            KeyApps.assertCaller(api, "alice", true, false);

            Map<String, Object> refreshed = KeyApps.refresh(app, login);
            assertNotEquals(login.get("refreshToken"), refreshed.get("refreshToken"));
            HttpResult again = KeyApps.whoAmI(app, refreshed.get("accessToken"));
            assertEquals(200, again.status(), again::toString);
        }
    }
}
