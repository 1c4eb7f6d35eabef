package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.AuthCalls.Tokens;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;
import org.jwtauth.refresh.RefreshTokenService;

/**
 * Two nodes behind a load balancer: two embedded Jetty servers, each with its own web app (its own class loader,
 * listener and EntityManagerFactory), sharing one PostgreSQL database and one signing secret.
 */
class TwoNodesIT extends PostgresSpec {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

    private AuthCalls a;
    private AuthCalls b;

    @Override
    protected void deployApps() throws Exception {
        a = AuthCalls.on(deploy(webApp(), "/app", USERS));
        b = AuthCalls.on(deploy(webApp(), "/app", USERS));
    }

    private WebAppDirectory webApp() {
        return webApp("two-nodes-shared-secret-0123456789-abcdef", schema().url(), "nodes",
                WebXml.contextParam("jwtauth.cleanup.interval", "PT1S")
                        + WebXml.contextParam("jwtauth.revocation.pollInterval", POLL_INTERVAL.toString()));
    }

    @Test
    void logoutOfAllDevicesOnOneNodeThenTheOtherRefusesTheOldAccessTokensWithinThePollIntervalAndANewLoginWorks()
            throws Exception {
        Tokens phone = AuthCalls.tokens(a.login("alice", "alice-pw"));
        Tokens laptop = AuthCalls.tokens(b.login("alice", "alice-pw"));
        assertEquals(200, b.api("/api/me", phone.access()).status(), "node B has the phone's token cached");
        assertEquals(200, b.api("/api/me", laptop.access()).status());

        HttpResult logout = a.logoutAllDevices(phone.access());
        assertEquals(204, logout.status(), logout::toString);
        long revokedAt = System.nanoTime();
        Tokens again = AuthCalls.tokens(a.login("alice", "alice-pw"));
        assertEquals(200, b.api("/api/me", again.access()).status(), "a new login works on node B at once");

        // Node B learns the revocation from the database at its next poll: within the interval plus a second.
        long deadline = revokedAt + POLL_INTERVAL.plusSeconds(1).toNanos();
        while (b.api("/api/me", phone.access()).status() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(401, b.api("/api/me", phone.access()).status(), "cut off on node B within the interval + 1 s");
        assertEquals(401, b.api("/api/me", laptop.access()).status(), "every session of the user");
        assertEquals(401, a.api("/api/me", laptop.access()).status(), "and on node A");
        assertEquals(200, b.api("/api/me", again.access()).status(), "the new login still works");
    }

    @Test
    void refreshWhenTokenRotatedOnOneNodeIsReplayedOnTheOtherThenFamilyRevokedOnBoth() throws Exception {
        HttpResult login = a.login("alice", "alice-pw");
        assertEquals(200, login.status(), login::toString);
        String access1 = AuthCalls.field(login, "accessToken");
        String refresh1 = AuthCalls.field(login, "refreshToken");
        assertEquals(200, b.api("/api/me", access1).status(), "node B accepts node A's access token");

        HttpResult refreshed = b.refresh(access1, refresh1);
        assertEquals(200, refreshed.status(), refreshed::toString);
        String access2 = AuthCalls.field(refreshed, "accessToken");
        String refresh2 = AuthCalls.field(refreshed, "refreshToken");

        // Past the short grace in which a second presentation counts as a concurrent request, not a replay.
        Thread.sleep(RefreshTokenService.CONCURRENT_USE_GRACE.toMillis() + 500);
        HttpResult replay = a.refresh(access1, refresh1);
        assertEquals(400, replay.status(), replay::toString);
        assertEquals("invalid_grant", replay.json().get("error"));

        assertEquals(400, b.refresh(access2, refresh2).status(), "the current token is revoked on node B");
        assertEquals(400, a.refresh(access2, refresh2).status(), "and on node A");
        assertEquals(0, schema().rows("subject = 'alice' AND state <> 'REVOKED'"));
    }

    @Test
    void cleanupWhenBothNodesRunItEveryIntervalThenEveryExpiredRowGoesAndTheLiveOnesStay() throws Exception {
        long now = System.currentTimeMillis();
        insert(1_200, now - 60_000, "expired");
        insert(10, now + 3_600_000, "live");
        for (int i = 0; i < 300 && schema().rows("subject = 'expired'") > 0; i++) {
            Thread.sleep(100);
        }
        assertEquals(0, schema().rows("subject = 'expired'"), "waited 30 s for both nodes' cleanup");
        assertEquals(10, schema().rows("subject = 'live'"));
    }

    private void insert(int count, long idleExpiry, String subject) throws Exception {
        try (Connection c = schema().connect(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO jwtauth_refresh_token (token_hash, family_id, subject, state, created_at, idle_expires_at,"
                        + " family_expires_at) VALUES (?, 'fam', ?, 'ACTIVE', 0, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                s.setString(1, UUID.randomUUID().toString());
                s.setString(2, subject);
                s.setLong(3, idleExpiry);
                s.setLong(4, idleExpiry + 86_400_000);
                s.addBatch();
            }
            s.executeBatch();
            c.commit();
        }
        assertTrue(count > 0);
    }
}
