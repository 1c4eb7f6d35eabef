package org.jwtauth.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A second issuer (a gateway or an identity provider) whose access tokens the filter accepts, verified with the
 * keys of its JWKS document (RFC 7517 section 5) fetched from a configured URL. Immutable.
 */
public final class TrustedIssuerSettings {

    private final String issuer;
    private final String audience;
    private final URI jwksUri;
    private final List<SigningAlgorithm> algorithms;
    private final String rolesClaim;
    private final Duration refreshInterval;
    private final Duration cacheLifetime;
    private final Duration maxStaleAge;
    private final Duration timeout;
    private final Duration maxLifetime;
    private final boolean refuseNonce;

    TrustedIssuerSettings(String issuer, String audience, URI jwksUri, List<SigningAlgorithm> algorithms,
                          String rolesClaim, Duration refreshInterval, Duration cacheLifetime, Duration maxStaleAge,
                          Duration timeout, Duration maxLifetime, boolean refuseNonce) {
        this.issuer = issuer;
        this.audience = audience;
        this.jwksUri = jwksUri;
        this.algorithms = List.copyOf(algorithms);
        this.rolesClaim = rolesClaim;
        this.refreshInterval = refreshInterval;
        this.cacheLifetime = cacheLifetime;
        this.maxStaleAge = maxStaleAge;
        this.timeout = timeout;
        this.maxLifetime = maxLifetime;
        this.refuseNonce = refuseNonce;
    }

    /** The exact {@code iss} value of this issuer's tokens. */
    public String issuer() {
        return issuer;
    }

    /** The {@code aud} value its tokens must carry for this application. */
    public String audience() {
        return audience;
    }

    /** Where its JWKS is fetched from; never a URL taken from a token. */
    public URI jwksUri() {
        return jwksUri;
    }

    /** The {@code alg} values accepted from it; asymmetric algorithms only. */
    public List<SigningAlgorithm> algorithms() {
        return algorithms;
    }

    public String rolesClaim() {
        return rolesClaim;
    }

    /** The shortest time between two fetches of the JWKS, whatever tokens arrive. */
    public Duration refreshInterval() {
        return refreshInterval;
    }

    /** How long fetched keys are used before they are fetched again, so that removed keys stop working. */
    public Duration cacheLifetime() {
        return cacheLifetime;
    }

    /** How long fetched keys stay usable while every fetch fails; at least the cache lifetime. */
    public Duration maxStaleAge() {
        return maxStaleAge;
    }

    /** Whether a token with a {@code nonce} claim (an OpenID Connect ID token's) is refused too. */
    public boolean refuseNonce() {
        return refuseNonce;
    }

    /** The bound of one whole fetch: connecting (name lookup included), waiting and reading. */
    public Duration timeout() {
        return timeout;
    }

    /** The longest {@code exp - iat} accepted from this issuer. */
    public Duration maxLifetime() {
        return maxLifetime;
    }

    String summary() {
        return "trusted.issuer=" + issuer + ", trusted.audience=" + audience + ", trusted.jwksUrl=" + jwksUri
                + ", trusted.algorithms=" + algorithms + ", trusted.refreshInterval=" + refreshInterval
                + ", trusted.maxStaleAge=" + maxStaleAge + ", trusted.refuseNonce=" + refuseNonce;
    }
}
