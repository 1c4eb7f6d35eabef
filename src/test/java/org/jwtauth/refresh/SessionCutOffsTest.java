package org.jwtauth.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jwtauth.testing.DelegatingStore;
import org.jwtauth.testing.H2Stores;
import org.jwtauth.testing.MutableClock;
import org.jwtauth.token.JwtPrincipal;

/**
 * The cut-offs of revoked sessions: in force at once on the node that revoked, learnt by the others at their
 * poll, kept through a store outage, and forgotten once no access token of the session can be accepted.
 */
class SessionCutOffsTest {

    private static final String ISSUER = "https://issuer.example";
    /** The access-token lifetime plus the clock skew. */
    private static final Duration KEEP = Duration.ofMinutes(15);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    private final AtomicBoolean down = new AtomicBoolean();
    private RefreshTokenStore store;

    @BeforeEach
    void openStore() {
        RefreshTokenStore real = H2Stores.open(dir);
        store = new DelegatingStore(real) {
            @Override
            public List<RevokedSession> revokedAfter(RevokedSession after, int limit) {
                if (down.get()) {
                    throw new StoreUnavailableException("refresh-token store unavailable (test)", null);
                }
                return super.revokedAfter(after, limit);
            }
        };
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private SessionCutOffs node() {
        return new SessionCutOffs(store, ISSUER, KEEP, clock);
    }

    private String session(String subject) {
        String id = "sid-" + subject + "-" + clock.instant().toEpochMilli() + "-" + Math.random();
        store.insert(StoredRefreshToken.active("hash-" + id, id, subject, clock.instant(),
                clock.instant().plus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(2))));
        return id;
    }

    private static JwtPrincipal token(String sessionId, String issuer) {
        return new JwtPrincipal("alice", sessionId, Set.of(), Instant.parse("2026-12-04T13:00:00Z"),
                Map.of("iss", issuer, "sid", sessionId));
    }

    private static JwtPrincipal ours(String sessionId) {
        return token(sessionId, ISSUER);
    }

    @Test
    void isCutOffWhenTheSessionWasRevokedOnThisNodeThenAtOnceWithoutAPollAndOtherSessionsAreNot() {
        SessionCutOffs cutOffs = node();
        String revoked = session("alice");
        String other = session("alice");

        store.revokeSession(revoked, clock.instant());
        cutOffs.revoked(revoked, clock.instant());

        assertTrue(cutOffs.isCutOff(ours(revoked)));
        assertFalse(cutOffs.isCutOff(ours(other)));
    }

    @Test
    void isCutOffWhenAnotherIssuersTokenCarriesTheSameSidThenNot() {
        SessionCutOffs cutOffs = node();
        String revoked = session("alice");
        cutOffs.revoked(revoked, clock.instant());

        assertFalse(cutOffs.isCutOff(token(revoked, "https://other.example")));
        assertFalse(cutOffs.isCutOff(new JwtPrincipal("alice", null, Set.of(), clock.instant(), Map.of())));
    }

    @Test
    void pollWhenAnotherNodeRevokedThenLearntThereAndANodeStartedLaterLearnsItToo() {
        SessionCutOffs nodeA = node();
        SessionCutOffs nodeB = node();
        String phone = session("alice");
        String laptop = session("alice");
        clock.advance(Duration.ofSeconds(5));

        store.revokeSubject("alice", clock.instant());
        assertFalse(nodeB.isCutOff(ours(phone)), "not before node B's poll");
        nodeB.poll();
        clock.advance(Duration.ofMinutes(10));
        SessionCutOffs nodeC = node();
        nodeC.poll();

        assertTrue(nodeB.isCutOff(ours(phone)) && nodeB.isCutOff(ours(laptop)));
        assertTrue(nodeC.isCutOff(ours(phone)), "started within the access-token lifetime of the revocation");
        assertFalse(nodeA.isCutOff(ours(phone)), "node A has not polled");
    }

    @Test
    void pollWhenARevocationIsStampedBeforeTheLatestSeenThenStillLearnt() {
        SessionCutOffs cutOffs = node();
        String late = session("alice");
        String early = session("bob");
        store.revokeSession(late, clock.instant().plusSeconds(30));
        cutOffs.poll();

        // A node whose clock is behind, or whose transaction committed later than it stamped.
        store.revokeSession(early, clock.instant().plusSeconds(1));
        cutOffs.poll();

        assertTrue(cutOffs.isCutOff(ours(early)));
    }

    @Test
    void pollWhenMoreSessionsWereRevokedAtOnceThanOnePageThenAllAreLearnt() {
        SessionCutOffs cutOffs = node();
        List<String> sessions = new java.util.ArrayList<>();
        for (int i = 0; i < SessionCutOffs.PAGE + 20; i++) {
            sessions.add(session("alice"));
        }
        store.revokeSubject("alice", clock.instant());

        cutOffs.poll();

        assertEquals(SessionCutOffs.PAGE + 20, cutOffs.size());
        assertTrue(sessions.stream().allMatch(s -> cutOffs.isCutOff(ours(s))));
    }

    @Test
    void pollWhenTheStoreIsDownThenWhatWasLearntStaysInForceAndTheNextPollLearnsTheRest() {
        SessionCutOffs cutOffs = node();
        String before = session("alice");
        String during = session("bob");
        store.revokeSession(before, clock.instant());
        cutOffs.poll();

        down.set(true);
        store.revokeSession(during, clock.instant());
        cutOffs.poll();
        assertTrue(cutOffs.isCutOff(ours(before)), "kept through the outage");
        assertFalse(cutOffs.isCutOff(ours(during)));

        down.set(false);
        cutOffs.poll();
        assertTrue(cutOffs.isCutOff(ours(during)));
    }

    @Test
    void pollWhenNoAccessTokenOfTheSessionCanBeAcceptedAnyMoreThenItsEntryIsForgotten() {
        SessionCutOffs cutOffs = node();
        String revoked = session("alice");
        store.revokeSession(revoked, clock.instant());
        cutOffs.poll();

        clock.advance(KEEP.plus(SessionCutOffs.OVERLAP).minusSeconds(1));
        cutOffs.poll();
        assertTrue(cutOffs.isCutOff(ours(revoked)), "a token issued just before the revocation may still be alive");

        clock.advance(Duration.ofSeconds(2));
        cutOffs.poll();
        assertEquals(0, cutOffs.size());
        assertFalse(node().isCutOff(ours(revoked)));
    }
}
