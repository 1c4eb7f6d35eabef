package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.AuthCalls.Tokens;
import org.jwtauth.it.support.ContainerKind;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.ItBuild;
import org.jwtauth.it.support.WebXml;

/**
 * An upgrade never logs anyone out (CHANGELOG.md, Upgrading). The one default this version changes that tokens
 * carry is the audience: 0.1 wrote the issuer, this version the issuer plus the context path. The web app runs
 * first as 0.1 configured it (the audience the issuer, spelt out here since this version's default differs) with
 * live sessions on its database, is undeployed, and comes back with this version's default on the same database:
 * the sessions' refresh tokens still work, and the refresh answers with tokens of the new audience.
 */
class UpgradeIT {

    /** 0.1's default audience: the issuer, here the default {@code jwtauth.issuer}. */
    private static final String PREVIOUS_DEFAULT_AUDIENCE = "jwt-servlet-auth";

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void upgradeWhenTheDefaultAudienceChangesUnderLiveSessionsThenTheirRefreshTokensKeepWorking(ContainerKind kind)
            throws Exception {
        Path store = ItBuild.newWorkDir("store-upgrade");
        Duration lifetime = Duration.ofMinutes(5);
        try (DeployedApp previous = DeployedApp.deploy(kind, LifecycleApp.webApp(store, lifetime,
                WebXml.contextParam("jwtauth.audience", PREVIOUS_DEFAULT_AUDIENCE)), "/app", LifecycleApp.USERS)) {
            AuthCalls before = AuthCalls.on(previous);
            Tokens alice = before.loggedIn("alice", "alice-secret-1");
            Tokens bob = before.refreshed(before.loggedIn("bob", "bob-secret-1"));
            assertEquals(PREVIOUS_DEFAULT_AUDIENCE, alice.accessClaims().get("aud"));

            previous.container().undeploy();
            URI upgraded = previous.container().add(LifecycleApp.webApp(store, lifetime), "/app");
            AuthCalls after = new AuthCalls(upgraded);

            HttpResult atFilter = after.api("/api/me", alice.access());
            HttpResult aliceRefreshed = after.refresh(alice.access(), alice.refresh());
            HttpResult bobRefreshed = after.refresh(bob.access(), bob.refresh());
            assertAll(
                    () -> assertEquals(401, atFilter.status(), "the filter takes the new audience only"),
                    () -> assertEquals(200, aliceRefreshed.status(), aliceRefreshed::toString),
                    () -> assertEquals(200, bobRefreshed.status(), bobRefreshed::toString),
                    () -> assertEquals("jwt-servlet-auth/app",
                            AuthCalls.tokens(aliceRefreshed).accessClaims().get("aud")),
                    () -> assertEquals(200, after.api("/api/me", AuthCalls.tokens(aliceRefreshed).access()).status()),
                    () -> assertEquals(200, after.refresh(AuthCalls.tokens(bobRefreshed).access(),
                            AuthCalls.tokens(bobRefreshed).refresh()).status(), "and the next rotation"));
        }
    }
}
