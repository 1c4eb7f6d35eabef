package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.jwtauth.refresh.ClientInfo;
import org.jwtauth.refresh.IssuedRefreshToken;
import org.jwtauth.refresh.RefreshRejectedException;
import org.jwtauth.refresh.RefreshTokenGenerator;
import org.jwtauth.refresh.RefreshTokenHash;
import org.jwtauth.refresh.RefreshTokenService;
import org.jwtauth.refresh.RefreshTokenState;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.SessionCutOffs;
import org.jwtauth.refresh.StoreUnavailableException;
import org.jwtauth.testing.MutableClock;
import org.jwtauth.testing.TcpProxy;

/**
 * The connection breaks after the database committed a rotation but before the application heard of it: the
 * client got a 503 and still holds the old token, which the database already marks as rotated. With a retry
 * window the old token, presented again within it, returns the same (derived) successor, so the session goes on.
 * Without one, that presentation is indistinguishable from reuse: the family is revoked and the user logs in
 * again; the session is lost, but never left usable to anyone.
 */
class CommitAcknowledgementLostTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
    private final RefreshTokenGenerator tokens = new RefreshTokenGenerator(new SecureRandom(), new byte[32]);

    @OnDatabaseServers
    void rotateWhenTheCommitReplyWasLostAndTheOldTokenComesBackWithinTheRetryWindowThenTheCommittedSuccessor(
            TestDatabase db) throws Exception {
        afterALostCommitReply(db, Duration.ofSeconds(30), (store, service, issued) -> {
            clock.advance(Duration.ofSeconds(5)); // the client retries a little later, within the window
            IssuedRefreshToken recovered = service.rotate(issued.token(), "alice", issued.sessionId(), "jti-1", ClientInfo.NONE);
            assertEquals(tokens.successorOf(issued.token()), recovered.token(), "the committed successor");
            assertNotNull(service.rotate(recovered.token(), "alice", issued.sessionId(), "jti-1", ClientInfo.NONE),
                    "and the session goes on");
        });
    }

    @OnDatabaseServers
    void rotateWhenTheCommitReplyWasLostAndThereIsNoRetryWindowThenTheOldTokenIsReuseAndTheFamilyRevoked(
            TestDatabase db) throws Exception {
        afterALostCommitReply(db, Duration.ZERO, (store, service, issued) -> {
            clock.advance(Duration.ofSeconds(5));
            RefreshRejectedException e = assertThrows(RefreshRejectedException.class,
                    () -> service.rotate(issued.token(), "alice", issued.sessionId(), "jti-1", ClientInfo.NONE));
            assertEquals(RefreshRejectedException.Reason.REUSED, e.reason());
            assertEquals(RefreshTokenState.REVOKED, stateOf(store, issued.token()));
        });
    }

    @FunctionalInterface
    private interface AfterLostReply {
        void run(RefreshTokenStore store, RefreshTokenService service, IssuedRefreshToken issued) throws Exception;
    }

    /**
     * Starts a family through a proxy and rotates its first token while the proxy drops the reply to COMMIT: the
     * client gets a 503, the database did rotate. Then runs {@code test} with the token the client still holds.
     */
    private void afterALostCommitReply(TestDatabase db, Duration retryWindow, AfterLostReply test) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch();
             TcpProxy proxy = Outages.proxy(scratch);
             RefreshTokenStore store = JpaRefreshTokenStores.open(Outages.withStatementTextOnTheWire(scratch, proxy),
                     scratch.directory)) {
            RefreshTokenService service = new RefreshTokenService(store, tokens, Duration.ofDays(14),
                    Duration.ofDays(90), retryWindow, new SessionCutOffs(store, "test", Duration.ofMinutes(15), clock),
                    0, clock);
            IssuedRefreshToken issued = service.startSession("alice", ClientInfo.NONE);

            proxy.dropRepliesAfter("COMMIT");
            assertThrows(StoreUnavailableException.class,
                    () -> service.rotate(issued.token(), "alice", issued.sessionId(), "jti-1", ClientInfo.NONE), "the client gets a 503");
            assertEquals(RefreshTokenState.ROTATED, stateOf(store, issued.token()), "the database did commit");

            test.run(store, service, issued);
        }
    }

    private static RefreshTokenState stateOf(RefreshTokenStore store, String token) {
        return store.findByHash(RefreshTokenHash.of(token)).orElseThrow().state();
    }
}
