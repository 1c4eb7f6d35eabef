package org.jwtauth.token;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import org.jwtauth.config.Settings;

/** This package's factory: the issuer and the verifier of our own access tokens, from the settings and keys. */
public final class AccessTokenFactory {

    private AccessTokenFactory() {
    }

    public static AccessTokenIssuer issuer(Settings settings, SigningKeys keys, Clock clock) {
        return new AccessTokenIssuer(keys, settings.issuer(), settings.audience(), settings.rolesClaim(),
                settings.accessTokenLifetime(), clock);
    }

    public static AccessTokenVerifier verifier(Settings settings, SigningKeys keys, Clock clock) {
        return AccessTokenVerifier.forOwnTokens(keys, settings.issuer(), settings.audience(), settings.rolesClaim(),
                settings.accessTokenLifetime(), settings.clockSkew(), clock);
    }

    /**
     * What the filter verifies with: {@code verifier} (ours, and the trusted issuer's if configured) behind the
     * verified-token cache of {@code jwtauth.verifier.cacheSize}, every answer put to {@code cutOff}.
     */
    public static TokenVerifier filterVerifier(TokenVerifier verifier, Settings settings, Clock clock,
                                               TokenCutOff cutOff) {
        return filterVerifier(verifier, settings, clock, cutOff, CacheStatistics.NONE);
    }

    /** As the other {@code filterVerifier}, each lookup in the cache told to {@code statistics}. */
    public static TokenVerifier filterVerifier(TokenVerifier verifier, Settings settings, Clock clock,
                                               TokenCutOff cutOff, CacheStatistics statistics) {
        return new CachingTokenVerifier(verifier, settings.verifierCacheSize(), clock, cutOff, statistics);
    }

    /**
     * What the token endpoints' own callers (logout of all devices, the session endpoints) are verified with:
     * {@code verifier}, without a cache, every answer put to {@code cutOff}, so a device signed out cannot list
     * or end the user's other sessions.
     */
    public static TokenVerifier callerVerifier(TokenVerifier verifier, Clock clock, TokenCutOff cutOff) {
        return new CachingTokenVerifier(verifier, 0, clock, cutOff);
    }

    /**
     * The refresh endpoint's verifier: as {@link #verifier}, but it also accepts the former default audience, so a
     * session whose access token was issued before the default changed refreshes (into a token with the new
     * audience) rather than ending at the upgrade. The filter never accepts it.
     */
    public static AccessTokenVerifier refreshVerifier(Settings settings, SigningKeys keys, Clock clock) {
        Set<String> audiences = new HashSet<>(Set.of(settings.audience()));
        settings.formerDefaultAudience().ifPresent(audiences::add);
        return AccessTokenVerifier.forOwnTokens(keys, settings.issuer(), audiences, settings.rolesClaim(),
                settings.accessTokenLifetime(), settings.clockSkew(), clock);
    }
}
