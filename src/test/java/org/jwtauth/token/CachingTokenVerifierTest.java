package org.jwtauth.token;

import static org.jwtauth.token.TestTokens.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.jwtauth.token.InvalidTokenException.Reason;
import org.jwtauth.testing.MutableClock;

/** The filter's verified-token cache (design section 8) in front of the real verifier of our tokens. */
class CachingTokenVerifierTest {

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(NOW));
    private final CountingVerifier verifications = new CountingVerifier(TestTokens.verifier(clock));
    private final AccessTokenIssuer issuer = new AccessTokenIssuer(TestTokens.KEYS, TestTokens.ISSUER,
            TestTokens.AUDIENCE, TestTokens.ROLES, TestTokens.LIFETIME, clock);

    private String token(String subject) {
        return issuer.issue(subject, List.of("user"), "s-" + subject, Map.of()).token();
    }

    @Test
    void verifyWhenTheSameTokenComesAgainThenTheCachedCallerWithoutVerifyingAgain() throws Exception {
        CachingTokenVerifier cached = new CachingTokenVerifier(verifications, 100, clock, TokenCutOff.NONE);
        String token = token("alice");

        JwtPrincipal first = cached.verify(token);
        JwtPrincipal second = cached.verify(new String(token.toCharArray()));

        assertSame(first, second, "keyed by the text, not the String instance");
        assertEquals(1, verifications.count.get());
    }

    @Test
    void verifyWhenCountedThenEachLookupIsExactlyOneHitOrOneMissAndARefusedTokenIsAMiss() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        AtomicInteger misses = new AtomicInteger();
        CacheStatistics statistics = new CacheStatistics() {
            @Override
            public void hit() {
                hits.incrementAndGet();
            }

            @Override
            public void miss() {
                misses.incrementAndGet();
            }
        };
        CachingTokenVerifier cached = new CachingTokenVerifier(verifications, 100, clock, TokenCutOff.NONE,
                statistics);
        String token = token("alice");

        cached.verify(token);
        cached.verify(token);
        cached.verify(token);
        assertThrows(InvalidTokenException.class, () -> cached.verify(token + "x"));

        assertEquals(2, hits.get());
        assertEquals(2, misses.get());
    }

    @Test
    void verifyWhenACachedTokenReachesItsExpThenItIsVerifiedAgainAndNotKept() throws Exception {
        CachingTokenVerifier cached = new CachingTokenVerifier(verifications, 100, clock, TokenCutOff.NONE);
        String token = token("alice");
        cached.verify(token);

        clock.advance(TestTokens.LIFETIME.minusSeconds(1));
        cached.verify(token);
        assertEquals(1, verifications.count.get(), "a second before exp: a hit");

        clock.advance(Duration.ofSeconds(1));
        cached.verify(token); // at exp, within the skew: the verifier still accepts it ...
        assertEquals(2, verifications.count.get());
        assertEquals(0, cached.cachedTokens(), "... but the cache does not keep it");

        clock.advance(TestTokens.SKEW);
        assertEquals(Reason.EXPIRED, assertThrows(InvalidTokenException.class, () -> cached.verify(token)).reason());
    }

    @Test
    void verifyWhenTheTokenIsRefusedThenNothingIsCached() {
        CachingTokenVerifier cached = new CachingTokenVerifier(verifications, 100, clock, TokenCutOff.NONE);
        String forged = token("alice").replaceFirst("\\.[^.]+$", ".AAAA");

        assertThrows(InvalidTokenException.class, () -> cached.verify(forged));
        assertThrows(InvalidTokenException.class, () -> cached.verify(forged));

        assertEquals(2, verifications.count.get());
        assertEquals(0, cached.cachedTokens());
    }

    @Test
    void verifyWhenTheCacheSizeIsZeroThenEveryRequestIsVerified() throws Exception {
        CachingTokenVerifier uncached = new CachingTokenVerifier(verifications, 0, clock, TokenCutOff.NONE);
        String token = token("alice");

        uncached.verify(token);
        uncached.verify(token);

        assertEquals(2, verifications.count.get());
    }

    @Test
    void verifyWhenTheCallerIsCutOffThenRevokedOnACacheHitAsOnAMiss() throws Exception {
        AtomicReference<String> cutOffSession = new AtomicReference<>("none");
        TokenCutOff cutOff = principal -> principal.sessionId().equals(cutOffSession.get());
        CachingTokenVerifier cached = new CachingTokenVerifier(verifications, 100, clock, cutOff);
        String alice = token("alice");
        cached.verify(alice);

        cutOffSession.set("s-alice");

        assertEquals(Reason.REVOKED, assertThrows(InvalidTokenException.class, () -> cached.verify(alice)).reason());
        assertEquals(1, verifications.count.get(), "refused on the hit");
        CachingTokenVerifier uncached = new CachingTokenVerifier(verifications, 0, clock, cutOff);
        assertEquals(Reason.REVOKED, assertThrows(InvalidTokenException.class, () -> uncached.verify(alice)).reason());
        assertEquals("bob", cached.verify(token("bob")).getName());
    }

    @Test
    void cacheWhenFullThenTheOldestEntryGoesFirst() throws Exception {
        CachingTokenVerifier cached = new CachingTokenVerifier(verifications, 1, clock, TokenCutOff.NONE);
        String alice = token("alice");
        String bob = token("bob");

        cached.verify(alice);
        cached.verify(bob);
        cached.verify(bob);
        cached.verify(alice);

        assertEquals(3, verifications.count.get(), "alice evicted by bob, then verified again");
        assertEquals(1, cached.cachedTokens());
    }

    @Test
    void cacheNeverHoldsMoreThanItsSizeWhileManyThreadsFillIt() throws Exception {
        int size = 100;
        CachingTokenVerifier cached = new CachingTokenVerifier(verifications, size, clock, TokenCutOff.NONE);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            tokens.add(token("user" + i));
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger largest = new AtomicInteger();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < tokens.size(); i++) {
                        assertTrue(cached.verify(tokens.get((i * 7 + offset * 251) % tokens.size())).getName()
                                .startsWith("user"));
                        largest.accumulateAndGet(cached.cachedTokens(), Math::max);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertTrue(largest.get() <= size, "at most " + size + " at any time, saw " + largest.get());
        assertEquals(size, cached.cachedTokens());
    }

    /** The real verifier, counting the tokens it was asked about. */
    private static final class CountingVerifier implements TokenVerifier {
        final AtomicInteger count = new AtomicInteger();
        private final TokenVerifier delegate;

        CountingVerifier(TokenVerifier delegate) {
            this.delegate = delegate;
        }

        @Override
        public JwtPrincipal verify(String token) throws InvalidTokenException {
            count.incrementAndGet();
            return delegate.verify(token);
        }
    }
}
