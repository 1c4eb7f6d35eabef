package org.jwtauth.refresh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jwtauth.log.Log;
import org.jwtauth.token.JwtPrincipal;
import org.jwtauth.token.TokenCutOff;

/**
 * The revoked sessions whose access tokens the filter refuses by their {@code sid} (design section 10), held in
 * memory so that the filter never waits on the database. A revocation on this node enters at once; those of other
 * nodes are learnt by {@link #poll()}, which a background thread calls every {@code jwtauth.revocation.pollInterval}
 * and which reads only what is new since its last run (one indexed query, paged). An entry is kept while an access
 * token of its session can still be accepted: its lifetime and the clock skew after the revocation, plus
 * {@link #OVERLAP}. When the database is down, polls fail and what was learnt stays in force.
 *
 * <p>Only our own tokens are cut off: a trusted issuer's {@code sid} names a session of that issuer.
 */
public final class SessionCutOffs implements TokenCutOff {

    private static final Log LOG = Log.of(SessionCutOffs.class);

    /**
     * Each poll reads again the revocations of this time before the latest it has seen: a revocation stamped by a
     * node whose clock is behind, or committed by a transaction slower than a later one, is still found. Node
     * clocks must agree within it, as they must within the clock skew for the tokens themselves.
     */
    static final Duration OVERLAP = Duration.ofMinutes(2);
    static final int PAGE = 500;

    private final RefreshTokenStore store;
    private final String issuer;
    private final Duration keep;
    private final Clock clock;
    /** Session id to the instant its entry may go. */
    private final Map<String, Instant> cutOff = new ConcurrentHashMap<>();
    /** The latest revocation seen; guarded by {@code this}, as is {@link #failing}. */
    private RevokedSession seen;
    private boolean failing;

    /**
     * @param keep how long after its revocation an access token of the session can still be accepted (the
     *        access-token lifetime plus the clock skew)
     */
    public SessionCutOffs(RefreshTokenStore store, String issuer, Duration keep, Clock clock) {
        this.store = store;
        this.issuer = issuer;
        this.keep = keep.plus(OVERLAP);
        this.clock = clock;
        // A node that starts must learn the revocations whose tokens may still be alive.
        this.seen = RevokedSession.before(clock.instant().minus(this.keep));
    }

    @Override
    public boolean isCutOff(JwtPrincipal principal) {
        String sessionId = principal.sessionId();
        return sessionId != null && cutOff.containsKey(sessionId)
                && principal.claim("iss").map(issuer::equals).orElse(false);
    }

    /** A revocation made here: in force at once, without waiting for the next poll. */
    public void revoked(String sessionId, Instant at) {
        cutOff.merge(sessionId, at.plus(keep), (a, b) -> a.isAfter(b) ? a : b);
    }

    /**
     * Learns the revocations recorded since the last poll, by any node, and forgets entries no token needs any
     * more. Never throws: a failing database is logged once per outage.
     */
    public synchronized void poll() {
        try {
            RevokedSession from = RevokedSession.before(seen.revokedAt().minus(OVERLAP));
            List<RevokedSession> page;
            do {
                page = store.revokedAfter(from, PAGE);
                for (RevokedSession s : page) {
                    revoked(s.sessionId(), s.revokedAt());
                    from = s;
                    if (s.compareTo(seen) > 0) {
                        seen = s;
                    }
                }
            } while (page.size() == PAGE);
            if (failing) {
                failing = false;
                LOG.info("Session cut-offs: the refresh-token store answers again; revocations are learnt again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn("Session cut-offs: cannot learn revocations from the refresh-token store ({}); those"
                        + " learnt so far stay in force, and the next poll tries again", e.getMessage());
            }
        }
        Instant now = clock.instant();
        cutOff.values().removeIf(until -> until.isBefore(now));
    }

    /** Sessions cut off now; for tests and monitoring. */
    int size() {
        return cutOff.size();
    }
}
