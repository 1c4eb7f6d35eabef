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
 * generator against the issuer. A failed fetch keeps the previous keys. Thread-safe.
 */
final class RemoteJwks {

    private static final Log LOG = Log.of(RemoteJwks.class);
    /** After a failure, try again sooner than the full interval, so a blip at start does not last minutes. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);

    private final JwksFetcher fetcher;
    private final Duration refreshInterval;
    private final Duration cacheLifetime;
    private final Clock clock;

    private volatile Map<String, PublicJsonWebKey> keys = Map.of();
    private volatile Instant fetchedAt;
    private Instant nextFetchAllowed = Instant.MIN;

    RemoteJwks(JwksFetcher fetcher, Duration refreshInterval, Duration cacheLifetime, Clock clock) {
        this.fetcher = fetcher;
        this.refreshInterval = refreshInterval;
        this.cacheLifetime = cacheLifetime;
        this.clock = clock;
    }

    /** The key with this {@code kid} that may verify {@code algorithm}, fetching the JWKS if allowed. */
    Optional<PublicKey> key(String keyId, SigningAlgorithm algorithm) {
        if (keyId == null || keyId.isEmpty()) {
            return Optional.empty();
        }
        Instant stamp = fetchedAt;
        if (stamp == null || clock.instant().isAfter(stamp.plus(cacheLifetime))) {
            refreshIfAllowed();
        }
        PublicJsonWebKey jwk = keys.get(keyId);
        if (jwk == null && refreshIfAllowed()) {
            jwk = keys.get(keyId);
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

    /** @return whether a fetch succeeded just now */
    private synchronized boolean refreshIfAllowed() {
        Instant now = clock.instant();
        if (now.isBefore(nextFetchAllowed)) {
            return false;
        }
        try {
            keys = parse(fetcher.fetch());
            fetchedAt = now;
            nextFetchAllowed = now.plus(refreshInterval);
            return true;
        } catch (IOException | JoseException | RuntimeException e) {
            nextFetchAllowed = now.plus(refreshInterval.compareTo(RETRY_AFTER_FAILURE) < 0 ? refreshInterval
                    : RETRY_AFTER_FAILURE);
            // The URL is configuration, not a secret; the body is never logged.
            LOG.warn("Cannot fetch the trusted issuer's JWKS from {}: {}", fetcher.uri(), e.getClass().getSimpleName());
            return false;
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
