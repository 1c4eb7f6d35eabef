package org.jwtauth.it;

import static org.jwtauth.it.TokenLifecycleIT.AFTER_CONCURRENT_USE_GRACE;
import static org.jwtauth.it.TokenLifecycleIT.assertError;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.AuthCalls.Tokens;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.ItBuild;
import org.jwtauth.it.support.WebXml;

/**
 * Reuse detection over HTTP at its edges (design section 2, Refresh, step 4): against a thief refreshing in a
 * tight loop, after a token's idle expiry, and inside the concurrent-use grace with another access token.
 */
class ReuseDetectionIT {

    /** Short enough to wait out; the refresh tokens' idle lifetime of this web app. */
    private static final Duration IDLE_LIFETIME = Duration.ofSeconds(3);
    private static final int ROUNDS = 10;

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends DeployedSpec {
        private AuthCalls auth;

        @Override
        protected void deploy() throws Exception {
            auth = AuthCalls.on(deploy(LifecycleApp.webApp(ItBuild.newWorkDir("store"), Duration.ofMinutes(5),
                    WebXml.contextParam("jwtauth.refreshToken.lifetime", IDLE_LIFETIME.toString())), "/app",
                    LifecycleApp.USERS));
        }

        @Test
        void refreshWhenAThiefRefreshesInATightLoopWhileTheFirstTokenIsReplayedThenTheThiefEndsRefused()
                throws Exception {
            ExecutorService thief = Executors.newSingleThreadExecutor();
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    Tokens stolen = auth.loggedIn("alice", "alice-secret-1");
                    AtomicReference<Tokens> newest = new AtomicReference<>(auth.refreshed(stolen));
                    AtomicBoolean stop = new AtomicBoolean();
                    Future<Integer> loop = thief.submit(() -> {
                        int refreshes = 0;
                        while (!stop.get()) {
                            HttpResult next = auth.refresh(newest.get().access(), newest.get().refresh());
                            if (next.status() != 200) {
                                assertError(next, 400, "invalid_grant");
                                return refreshes;
                            }
                            newest.set(AuthCalls.tokens(next));
                            refreshes++;
                        }
                        return refreshes;
                    });
                    Thread.sleep(AFTER_CONCURRENT_USE_GRACE.toMillis());

                    // The owner comes back with the first pair: reuse, in the middle of the thief's rotations.
                    assertError(auth.refresh(stolen.access(), stolen.refresh()), 400, "invalid_grant");
                    stop.set(true);
                    int refreshes = loop.get(30, TimeUnit.SECONDS);

                    Tokens last = newest.get();
                    assertError(auth.refresh(last.access(), last.refresh()), 400, "invalid_grant");
                    assertTrue(refreshes > 0, "round " + round + ": the thief must have been refreshing");
                }
            } finally {
                thief.shutdownNow();
            }
        }

        @Test
        void refreshWhenARotatedTokenIsReplayedAfterItsIdleExpiryThenTheSessionIsRevoked() throws Exception {
            Tokens first = auth.loggedIn("bob", "bob-secret-1");
            Tokens current = auth.refreshed(first);
            // Refreshed before each idle expiry, the session lives on, while the first token's idle time ends.
            for (long waited = 0; waited <= IDLE_LIFETIME.toMillis(); waited += IDLE_LIFETIME.toMillis() / 2) {
                Thread.sleep(IDLE_LIFETIME.toMillis() / 2);
                current = auth.refreshed(current);
            }

            assertError(auth.refresh(first.access(), first.refresh()), 400, "invalid_grant");
            assertError(auth.refresh(current.access(), current.refresh()), 400, "invalid_grant");
        }

        @Test
        void refreshWhenARotatedTokenIsPresentedInsideTheGraceWithAnotherAccessTokenThenReuse() {
            // (With its own access token it is refused and the session lives: TokenLifecycleIT.)
            Tokens first = auth.loggedIn("carol", "carol-secret-1");
            Tokens second = auth.refreshed(first);

            // The same session's newer access token, not the one that came with the rotation.
            assertError(auth.refresh(second.access(), first.refresh()), 400, "invalid_grant");
            assertError(auth.refresh(second.access(), second.refresh()), 400, "invalid_grant");
        }
    }
}
