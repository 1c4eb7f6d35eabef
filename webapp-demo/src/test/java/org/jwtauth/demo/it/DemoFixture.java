package org.jwtauth.demo.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jwtauth.demo.launcher.DemoJetty;

/**
 * What every end-to-end test shares: the built WAR, the demo users, and the library settings the tests override
 * with system properties (design section 4: a system property of the same name beats the context-param). The
 * properties are JVM-wide, so they are set just before a deployment and cleared once it has started (the library
 * reads its settings once, at start-up).
 */
final class DemoFixture {

    static final String USER = "alice";
    static final String ADMIN = "admin";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, DemoJetty.User> users = new LinkedHashMap<>();
    private final Map<String, String> settings = new LinkedHashMap<>();

    DemoFixture(String accessTokenLifetime) {
        users.put(USER, new DemoJetty.User(randomText(12), List.of("user")));
        users.put(ADMIN, new DemoJetty.User(randomText(12), List.of("user", "admin")));
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        settings.put("jwtauth.secret", "base64:" + Base64.getEncoder().encodeToString(key));
        settings.put("jwtauth.accessToken.lifetime", accessTokenLifetime);
        // No leeway: an expired token is rejected at once, so the tests need not wait out the skew.
        settings.put("jwtauth.clockSkew", "PT0S");
        // A store of its own: the embedded default is kept across deployments, so another test's (or run's)
        // sessions of alice would show in this one's session list.
        settings.put("jwtauth.store.directory",
                Paths.get("target", "demo-store", randomText(8)).toAbsolutePath().toString());
    }

    /** One more setting, as a system property at deployment (it beats the WAR's context-param). */
    DemoFixture with(String key, String value) {
        settings.put(key, value);
        return this;
    }

    Map<String, DemoJetty.User> users() {
        return users;
    }

    String password(String user) {
        return users.get(user).password();
    }

    /** Runs {@code start} with the test settings as system properties, and removes them again afterwards. */
    <T> T withSettings(ThrowingSupplier<T> start) throws Exception {
        settings.forEach(System::setProperty);
        try {
            return start.get();
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }

    static Path war() {
        Path war = Paths.get(System.getProperty("demo.war", "target/jwt-servlet-auth-demo.war"));
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("The demo WAR " + war + " is missing: run the tests with mvn verify");
        }
        return war;
    }

    static Path target() {
        return Paths.get(System.getProperty("demo.target", "target"));
    }

    private static String randomText(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
