package org.jwtauth.trusted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.jwtauth.config.SigningAlgorithm;
import org.jwtauth.testing.MutableClock;
import org.jwtauth.testing.TestKeys;

class RemoteJwksTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
    private final CountingFetcher fetcher = new CountingFetcher();
    private final RemoteJwks jwks = new RemoteJwks(fetcher, Duration.ofMinutes(5), Duration.ofHours(1),
            Duration.ofHours(3), clock);

    @Test
    void keysAreFetchedOnFirstUseAndThenServedFromTheCache() throws Exception {
        KeyPair pair = TestKeys.generate("RS256");
        fetcher.body.set(TestKeys.jwks(false, "k1", pair));

        assertEquals(pair.getPublic(), jwks.key("k1", SigningAlgorithm.RS256).orElseThrow());
        assertEquals(pair.getPublic(), jwks.key("k1", SigningAlgorithm.RS256).orElseThrow());
        assertEquals(1, fetcher.count.get());
    }

    @Test
    void unknownKidTwiceWithinTheIntervalFetchesOnlyOnce() throws Exception {
        fetcher.body.set(TestKeys.jwks(false, "k1", TestKeys.generate("RS256")));
        jwks.key("k1", SigningAlgorithm.RS256);
        clock.advance(Duration.ofMinutes(6));

        assertTrue(jwks.key("unknown", SigningAlgorithm.RS256).isEmpty());
        assertTrue(jwks.key("unknown", SigningAlgorithm.RS256).isEmpty());
        assertEquals(2, fetcher.count.get());
    }

    @Test
    void rotatedKeyAtTheIssuerIsFoundByRefetchingOnceTheIntervalHasPassed() throws Exception {
        fetcher.body.set(TestKeys.jwks(false, "k1", TestKeys.generate("ES256")));
        jwks.key("k1", SigningAlgorithm.ES256);
        KeyPair next = TestKeys.generate("ES256");
        fetcher.body.set(TestKeys.jwks(false, "k2", next));

        assertTrue(jwks.key("k2", SigningAlgorithm.ES256).isEmpty(), "within the interval: no refetch");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(next.getPublic(), jwks.key("k2", SigningAlgorithm.ES256).orElseThrow());
        assertEquals(2, fetcher.count.get());
    }

    @Test
    void failedRefetchKeepsThePreviousKeys() throws Exception {
        KeyPair pair = TestKeys.generate("RS256");
        fetcher.body.set(TestKeys.jwks(false, "k1", pair));
        jwks.key("k1", SigningAlgorithm.RS256);
        fetcher.body.set(null);
        clock.advance(Duration.ofHours(2));

        assertEquals(pair.getPublic(), jwks.key("k1", SigningAlgorithm.RS256).orElseThrow());
    }

    @Test
    void keysOlderThanTheMaxStaleAgeAreDroppedWhileFetchesFail() throws Exception {
        KeyPair pair = TestKeys.generate("RS256");
        fetcher.body.set(TestKeys.jwks(false, "k1", pair));
        jwks.key("k1", SigningAlgorithm.RS256);
        fetcher.body.set(null);

        clock.advance(Duration.ofHours(3));
        assertEquals(pair.getPublic(), jwks.key("k1", SigningAlgorithm.RS256).orElseThrow(), "at the max stale age");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(jwks.key("k1", SigningAlgorithm.RS256).isEmpty(), "a key the issuer may have removed");

        fetcher.body.set(TestKeys.jwks(false, "k1", pair));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(pair.getPublic(), jwks.key("k1", SigningAlgorithm.RS256).orElseThrow(), "back after a fetch");
    }

    @Test
    void whileOneThreadFetchesOtherThreadsUseTheCurrentKeysWithoutWaiting() throws Exception {
        KeyPair pair = TestKeys.generate("RS256");
        fetcher.body.set(TestKeys.jwks(false, "k1", pair));
        jwks.key("k1", SigningAlgorithm.RS256);
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        fetcher.gate = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<PublicKey>> fetching = threads.submit(() -> jwks.key("k1", SigningAlgorithm.RS256));
            assertTrue(fetcher.entered.await(10, TimeUnit.SECONDS), "the first thread fetches");

            Future<Optional<PublicKey>> known = threads.submit(() -> jwks.key("k1", SigningAlgorithm.RS256));
            assertEquals(pair.getPublic(), known.get(10, TimeUnit.SECONDS).orElseThrow(),
                    "answered from the current keys while the fetch hangs");
            assertTrue(jwks.key("k9", SigningAlgorithm.RS256).isEmpty(), "an unknown kid meanwhile: refused");
            assertEquals(2, fetcher.count.get(), "nobody else started a fetch");

            fetcher.gate.countDown();
            assertEquals(pair.getPublic(), fetching.get(10, TimeUnit.SECONDS).orElseThrow());
        } finally {
            fetcher.gate.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void keyOfAnotherTypeThanTheTokensAlgorithmIsNotUsed() throws Exception {
        fetcher.body.set(TestKeys.jwks(false, "k1", TestKeys.generate("ES256")));

        assertTrue(jwks.key("k1", SigningAlgorithm.RS256).isEmpty());
    }

    @Test
    void keyWhoseKeyOpsDoNotAllowVerifyIsNotUsed() throws Exception {
        KeyPair pair = TestKeys.generate("RS256");
        String document = TestKeys.jwks(false, "k1", pair);
        fetcher.body.set(document.replace("\"kid\"", "\"key_ops\":[\"encrypt\"],\"kid\""));
        assertTrue(document.contains("\"kid\""));

        assertTrue(jwks.key("k1", SigningAlgorithm.RS256).isEmpty());
    }

    @Test
    void symmetricKeysInTheDocumentAreIgnored() {
        fetcher.body.set("{\"keys\":[{\"kty\":\"oct\",\"kid\":\"k1\",\"k\":\"c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0\"}]}");

        assertTrue(jwks.key("k1", SigningAlgorithm.RS256).isEmpty());
    }

    /** Serves a document set by the test and counts the fetches; with a gate, each fetch waits for it. */
    static final class CountingFetcher extends JwksFetcher {
        final AtomicReference<String> body = new AtomicReference<>();
        final AtomicInteger count = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch gate;

        CountingFetcher() {
            super(URI.create("https://issuer.example/jwks"), Duration.ofSeconds(1));
        }

        @Override
        public String fetch() throws IOException {
            count.incrementAndGet();
            CountDownLatch waitFor = gate;
            if (waitFor != null) {
                entered.countDown();
                try {
                    waitFor.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
            String value = body.get();
            if (value == null) {
                throw new IOException("down");
            }
            return value;
        }
    }
}
