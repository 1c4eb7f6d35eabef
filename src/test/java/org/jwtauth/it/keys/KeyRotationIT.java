package org.jwtauth.it.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jwtauth.it.support.ContainerKind;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.ItBuild;
import org.jwtauth.testing.TestKeys;

/**
 * The README's rotation procedure across two restarts of the web app: (1) the new key becomes the signing key and
 * the old one stays for verification only; (2) once the longest access-token lifetime has passed, the old key is
 * removed. Nobody is logged out: tokens signed by the old key keep working in step 1, and refresh tokens survive
 * both restarts.
 */
class KeyRotationIT {

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void rotationWhenTheSigningKeyChangesBetweenRestartsThenNobodyIsLoggedOut(ContainerKind kind) throws Exception {
        Path dir = ItBuild.newWorkDir("rotation");
        Path keyFile = dir.resolve("keys.pem");
        KeyPair oldKey = TestKeys.generate("ES256");
        KeyPair newKey = TestKeys.generate("ES256");
        TestKeys.write(keyFile, TestKeys.privatePem(oldKey));
        Map<String, String> params = Map.of("jwtauth.algorithm", "ES256", "jwtauth.keys", keyFile.toString(),
                // The store must outlive the restarts, as a real database would.
                "jwtauth.store.url", "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath());
        try (DeployedApp app = DeployedApp.deploy(kind, KeyApps.webApp(params), "/app", KeyApps.USERS)) {
            Map<String, Object> beforeRotation = KeyApps.login(app);
            assertEquals(kid(oldKey), kidOf(beforeRotation));

            // Step 1: new key signs, old key verifies only.
            TestKeys.write(keyFile, TestKeys.privatePem(newKey), TestKeys.publicPem(oldKey));
            app.container().restartWebApp();

            assertEquals(200, KeyApps.whoAmI(app, beforeRotation.get("accessToken")).status());
            assertEquals(List.of(kid(newKey), kid(oldKey)), publishedKids(app));
            Map<String, Object> refreshed = KeyApps.refresh(app, beforeRotation);
            assertEquals(kid(newKey), kidOf(refreshed));
            assertEquals(kid(newKey), kidOf(KeyApps.login(app)));

            // Step 2, after the longest access-token lifetime: the old key goes.
            TestKeys.write(keyFile, TestKeys.privatePem(newKey));
            app.container().restartWebApp();

            assertEquals(200, KeyApps.whoAmI(app, refreshed.get("accessToken")).status());
            assertEquals(401, KeyApps.whoAmI(app, beforeRotation.get("accessToken")).status());
            assertEquals(List.of(kid(newKey)), publishedKids(app));
            Map<String, Object> again = KeyApps.refresh(app, refreshed);
            assertEquals(200, KeyApps.whoAmI(app, again.get("accessToken")).status());
        }
    }

    private static String kid(KeyPair pair) throws Exception {
        return PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic()).calculateBase64urlEncodedThumbprint("SHA-256");
    }

    private static String kidOf(Map<String, Object> tokens) throws Exception {
        return JsonWebSignature.fromCompactSerialization((String) tokens.get("accessToken")).getKeyIdHeaderValue();
    }

    private static List<String> publishedKids(DeployedApp app) {
        HttpResult jwks = app.http().get(app.uri("/.well-known/jwks.json"));
        assertEquals(200, jwks.status(), jwks::toString);
        return ((List<?>) jwks.json().get("keys")).stream().map(k -> (String) ((Map<?, ?>) k).get("kid"))
                .collect(Collectors.toList());
    }
}
