package org.jwtauth.token;

import java.time.Clock;

/**
 * The filter's verifier (design section 8): a token seen before and still unexpired is answered from the
 * {@link VerifiedTokenCache}; any other is verified by the delegate and, if it passes, kept. Only verified tokens
 * enter, so whoever holds no valid token cannot fill the cache or evict anything, and a miss costs one lookup
 * more than no cache. Whether cached or not, every answer is then put to the {@link TokenCutOff}.
 */
final class CachingTokenVerifier implements TokenVerifier {

    private final TokenVerifier delegate;
    /** Null when the cache is off. */
    private final VerifiedTokenCache cache;
    private final TokenCutOff cutOff;
    private final CacheStatistics statistics;

    CachingTokenVerifier(TokenVerifier delegate, int cacheSize, Clock clock, TokenCutOff cutOff) {
        this(delegate, cacheSize, clock, cutOff, CacheStatistics.NONE);
    }

    CachingTokenVerifier(TokenVerifier delegate, int cacheSize, Clock clock, TokenCutOff cutOff,
                         CacheStatistics statistics) {
        this.delegate = delegate;
        this.cache = cacheSize == 0 ? null : new VerifiedTokenCache(cacheSize, clock);
        this.cutOff = cutOff;
        this.statistics = statistics;
    }

    @Override
    public JwtPrincipal verify(String token) throws InvalidTokenException {
        JwtPrincipal principal = cache == null ? null : cache.get(token);
        if (principal == null) {
            statistics.miss();
            principal = delegate.verify(token);
            if (cache != null) {
                cache.put(token, principal);
            }
        } else {
            statistics.hit();
        }
        if (cutOff.isCutOff(principal)) {
            throw InvalidTokenException.cutOff(principal);
        }
        return principal;
    }

    /** Entries held now; for tests and monitoring. */
    int cachedTokens() {
        return cache == null ? 0 : cache.size();
    }
}
