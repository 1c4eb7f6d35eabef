package org.jwtauth.trusted;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.jwtauth.config.SigningAlgorithm;
import org.jwtauth.keys.KeyRequirements;
import org.jwtauth.log.Log;

/**
 * The cached keys of a trusted issuer's JWKS. Keys are fetched on first use, again when the cache is older than
 * its lifetime, and again when a token names an unknown {@code kid} (the issuer rotated its key) — but never more
 * often than once per refresh interval, so tokens with made-up kids cannot turn this server into a load
 * generator against the issuer. A failed fetch keeps the previous keys, up to the maximum stale age: after that
 * a key the issuer may have removed no longer verifies anything. One thread fetches at a time; the others go on
 * with the keys at hand instead of queueing behind a slow issuer (a {@code kid} not among them is refused
 * meanwhile). Thread-safe.
 */
final class RemoteJwks {

    private static final Log LOG = Log.of(RemoteJwks.class);
    /** After a failure, try again sooner than the full interval, so a blip at start does not last minutes. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);

    private final JwksFetcher fetcher;
    private final Duration refreshInterval;
    private final Duration cacheLifetime;
    private final Duration maxStaleAge;
    private final Clock clock;
    private final Lock fetching = new ReentrantLock();

    private volatile Fetched fetched = new Fetched(Map.of(), null);
    /** Guarded by {@link #fetching}. */
    private Instant nextFetchAllowed = Instant.MIN;

    RemoteJwks(JwksFetcher fetcher, Duration refreshInterval, Duration cacheLifetime, Duration maxStaleAge,
               Clock clock) {
        this.fetcher = fetcher;
        this.refreshInterval = refreshInterval;
        this.cacheLifetime = cacheLifetime;
        this.maxStaleAge = maxStaleAge;
        this.clock = clock;
    }

    /** The keys of one successful fetch and when it happened (null: never), replaced as a whole. */
    private static final class Fetched {
        final Map<String, PublicJsonWebKey> keys;
        final Instant at;

        Fetched(Map<String, PublicJsonWebKey> keys, Instant at) {
            this.keys = keys;
            this.at = at;
        }

        PublicJsonWebKey key(String keyId, Instant now, Duration maxStaleAge) {
            return at == null || now.isAfter(at.plus(maxStaleAge)) ? null : keys.get(keyId);
        }
    }

    /** The key with this {@code kid} that may verify {@code algorithm}, fetching the JWKS if allowed. */
    Optional<PublicKey> key(String keyId, SigningAlgorithm algorithm) {
        if (keyId == null || keyId.isEmpty()) {
            return Optional.empty();
        }
        Instant stamp = fetched.at;
        if (stamp == null || clock.instant().isAfter(stamp.plus(cacheLifetime))) {
            refreshIfAllowed();
        }
        PublicJsonWebKey jwk = fetched.key(keyId, clock.instant(), maxStaleAge);
        if (jwk == null && refreshIfAllowed()) {
            jwk = fetched.key(keyId, clock.instant(), maxStaleAge);
        }
        return Optional.ofNullable(jwk).filter(k -> fits(k, algorithm)).map(PublicJsonWebKey::getPublicKey);
    }

    /** RFC 7517 sections 4.2 to 4.4: a key marked for another use, operation or algorithm is not used. */
    private static boolean fits(PublicJsonWebKey jwk, SigningAlgorithm algorithm) {
        List<String> operations = jwk.getKeyOps();
        return (jwk.getUse() == null || "sig".equals(jwk.getUse()))
                && (operations == null || operations.contains("verify"))
                && (jwk.getAlgorithm() == null || algorithm.joseName().equals(jwk.getAlgorithm()))
                && KeyRequirements.problem(algorithm, jwk.getPublicKey()) == null;
    }

    /** @return whether a fetch succeeded just now; false at once while another thread is fetching */
    private boolean refreshIfAllowed() {
        if (!fetching.tryLock()) {
            return false;
        }
        try {
            Instant now = clock.instant();
            if (now.isBefore(nextFetchAllowed)) {
                return false;
            }
            try {
                fetched = new Fetched(parse(fetcher.fetch()), now);
                nextFetchAllowed = now.plus(refreshInterval);
                return true;
            } catch (IOException | JoseException | RuntimeException e) {
                nextFetchAllowed = now.plus(refreshInterval.compareTo(RETRY_AFTER_FAILURE) < 0 ? refreshInterval
                        : RETRY_AFTER_FAILURE);
                // The URL is configuration, not a secret; the body is never logged.
                LOG.warn("Cannot fetch the trusted issuer's JWKS from {}: {}", fetcher.uri(),
                        e.getClass().getSimpleName());
                return false;
            }
        } finally {
            fetching.unlock();
        }
    }

    private static Map<String, PublicJsonWebKey> parse(String json) throws JoseException {
        Map<String, PublicJsonWebKey> result = new LinkedHashMap<>();
        for (JsonWebKey jwk : new JsonWebKeySet(json).getJsonWebKeys()) {
            // Symmetric (oct) keys are never trusted from a remote document; keys without kid cannot be selected.
            if (jwk instanceof PublicJsonWebKey && jwk.getKeyId() != null) {
                result.putIfAbsent(jwk.getKeyId(), (PublicJsonWebKey) jwk);
            }
        }
        return Map.copyOf(result);
    }
}
