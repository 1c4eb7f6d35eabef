package org.jwtauth.token;

/**
 * Told of each lookup in the verified-token cache (design section 8), for monitoring. Called on every filtered
 * request, so implementations must be cheap and lock-free (a {@code LongAdder}), and never throw.
 */
public interface CacheStatistics {

    /** Counts nothing. */
    CacheStatistics NONE = new CacheStatistics() {
        @Override
        public void hit() {
        }

        @Override
        public void miss() {
        }
    };

    /** The token was answered from the cache. */
    void hit();

    /** The token was verified (and kept if it passed). */
    void miss();
}
