package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.it.TokenLifecycleIT.AFTER_CONCURRENT_USE_GRACE;
import static org.jwtauth.it.TokenLifecycleIT.assertError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.AuthCalls.Tokens;
import org.jwtauth.it.support.ContainerWarnings;
import org.jwtauth.it.support.ContainerKind;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.ItBuild;
import org.jwtauth.it.support.LiveThreads;

/**
 * The web app of {@link LifecycleApp} restarted and undeployed, in both containers: tokens stay valid across a
 * restart on the same database, and an undeploy stops every library thread and leaks nothing. Each test deploys
 * its own web app, so no other deployment's threads are counted.
 */
class WebAppLifecycleIT {

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void undeployWhenTheWebAppIsRemovedThenEveryLibraryThreadStopsAndNothingLeaks(ContainerKind kind) throws Exception {
        try (DeployedApp app = DeployedApp.deploy(kind, LifecycleApp.webApp(ItBuild.newWorkDir("store"),
                Duration.ofMinutes(5)), "/app", LifecycleApp.USERS)) {
            AuthCalls auth = AuthCalls.on(app);
            // A request, so that the store and the cleanup thread have surely been busy.
            assertEquals(200, auth.api("/api/me", auth.loggedIn("bob", "bob-secret-1").access()).status());
            assertTrue(!LiveThreads.named("jwtauth").isEmpty(), "the cleanup thread runs while deployed");

            List<String> warnings;
            try (ContainerWarnings captured = ContainerWarnings.capture()) {
                app.container().undeploy();
                warnings = captured.messages();
            }

            assertEquals(404, app.http().get(app.uri("/api/me")).status());
            assertEquals(List.of(), LiveThreads.named("jwtauth"));
            // Tomcat reports threads, ThreadLocals and JDBC drivers a web app left behind (none from Jetty).
            assertEquals(List.of(), warnings);
        }
    }

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void restartWhenTheWebAppRestartsOnTheSameDatabaseThenTokensStayValidAndReuseIsStillDetected(ContainerKind kind)
            throws Exception {
        // Long-lived access tokens here: a restart may take longer than a few seconds.
        Path dir = ItBuild.newWorkDir("store-restart");
        try (DeployedApp restarted = DeployedApp.deploy(kind, LifecycleApp.webApp(dir, Duration.ofMinutes(5)),
                "/app", LifecycleApp.USERS)) {
            AuthCalls auth = AuthCalls.on(restarted);
            Tokens before = auth.loggedIn("alice", "alice-secret-1");
            Tokens rotated = auth.refreshed(before);
            Instant rotation = Instant.now();
            List<String> threads = LiveThreads.named("jwtauth");

            List<String> warnings;
            try (ContainerWarnings captured = ContainerWarnings.capture()) {
                restarted.container().restartWebApp();
                warnings = captured.messages();
            }
            assertEquals(List.of(), warnings, "the stopped instance left nothing behind");
            assertEquals(threads, LiveThreads.named("jwtauth"), "one cleanup thread per running web app");

            HttpResult me = auth.api("/api/me", rotated.access());
            assertEquals(200, me.status(), me::toString);
            assertEquals("alice", me.json().get("name"));
            Tokens after = auth.refreshed(rotated);
            assertEquals(200, auth.api("/api/me", after.access()).status());
            // The rotation before the restart is remembered too: replaying its token is reuse, which revokes
            // the family down to its newest token.
            Thread.sleep(Math.max(0, Duration.between(Instant.now(),
                    rotation.plus(AFTER_CONCURRENT_USE_GRACE)).toMillis()));
            assertError(auth.refresh(before.access(), before.refresh()), 400, "invalid_grant");
            assertError(auth.refresh(after.access(), after.refresh()), 400, "invalid_grant");
            assertTrue(Files.exists(dir.resolve("tokens.mv.db")), "the configured database file is used");
        }
    }
}
