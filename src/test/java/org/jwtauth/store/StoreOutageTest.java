package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.store.StoreFixture.NOW;
import static org.jwtauth.store.StoreFixture.active;
import static org.jwtauth.store.StoreFixture.newId;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jwtauth.refresh.ClientInfo;
import org.jwtauth.refresh.RefreshTokenState;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.StoreUnavailableException;
import org.jwtauth.refresh.StoredRefreshToken;
import org.jwtauth.testing.TcpProxy;

/**
 * The network to the database fails: every operation answers {@link StoreUnavailableException} within the
 * configured timeouts (here PT2S each), and once the network is back the same store works again without being
 * reopened, with every token as it was before the outage.
 */
class StoreOutageTest {

    /** Generous upper bound for one failed operation with PT2S timeouts (the socket gives up after 4 s). */
    private static final long BOUND_MILLIS = 15_000;

    @OnDatabaseServers
    void everyOperationWhenTheNetworkHangsThenFailsWithinTheTimeoutsAndTheStoreRecovers(TestDatabase db) throws Exception {
        outageThenRecovery(db, TcpProxy::cutHanging, "hanging");
    }

    @OnDatabaseServers
    void everyOperationWhenConnectionsAreRefusedThenFailsWithinTheTimeoutsAndTheStoreRecovers(TestDatabase db) throws Exception {
        outageThenRecovery(db, TcpProxy::cutRefusing, "refusing");
    }

    private static void outageThenRecovery(TestDatabase db, Consumer<TcpProxy> cut, String kind) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch();
             TcpProxy proxy = Outages.proxy(scratch);
             RefreshTokenStore store = JpaRefreshTokenStores.open(Outages.through(scratch, proxy),
                     scratch.directory)) {
            StoredRefreshToken token = active(newId("fam"), "alice");
            store.insert(token);

            cut.accept(proxy);
            List<Long> times = new ArrayList<>();
            times.add(failureTime(() -> store.findByHash(token.hash())));
            times.add(failureTime(() -> store.rotate(token.hash(), NOW, "rotating-jti",
                    active(token.sessionId(), "alice"), ClientInfo.NONE)));
            times.add(failureTime(() -> store.insert(active(newId("fam"), "bob"))));
            times.add(failureTime(() -> store.revokeSession(token.sessionId(), StoreFixture.NOW)));
            times.add(failureTime(() -> store.deleteExpired(NOW, 10)));
            System.out.println("MEASURED " + db + " " + kind + ": find, rotate, insert, revoke, cleanup failed after "
                    + times + " ms (connectTimeout PT2S, queryTimeout PT2S)");
            for (long t : times) {
                assertTrue(t < BOUND_MILLIS, kind + " outage: an operation failed only after " + t + " ms");
            }

            proxy.restore();
            StoredRefreshToken after = store.findByHash(token.hash()).orElseThrow();
            assertEquals(RefreshTokenState.ACTIVE, after.state(), "a failed rotation must not burn the token");
            assertTrue(store.rotate(token.hash(), NOW, "rotating-jti", active(token.sessionId(), "alice"), ClientInfo.NONE));
        }
    }

    private static long failureTime(Runnable operation) {
        long start = System.nanoTime();
        assertThrows(StoreUnavailableException.class, operation::run);
        return (System.nanoTime() - start) / 1_000_000;
    }
}
