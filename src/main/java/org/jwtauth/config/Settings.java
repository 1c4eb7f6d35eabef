package org.jwtauth.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting of the library, parsed and validated once at start-up ({@link SettingsParser}). Immutable
 * and safe to share between threads.
 */
public final class Settings {

    private final String issuer;
    private final Audience audience;
    private final SigningAlgorithm algorithm;
    private final byte[] secret;
    private final Durations durations;
    private final String rolesClaim;
    private final String authenticator;
    private final List<String> loginRoles;
    private final StoreSettings store;
    private final String realm;
    private final ThrottleSettings throttle;
    private final List<Path> keyFiles;
    private final TrustedIssuerSettings trustedIssuer;
    private final byte[] previousSecret;
    private final int verifierCacheSize;
    private final SessionSettings sessions;
    private final boolean refreshTokenCookie;
    private final List<String> eventListeners;

    Settings(String issuer, Audience audience, SigningAlgorithm algorithm, byte[] secret, Durations durations,
             String rolesClaim, String authenticator, List<String> loginRoles, StoreSettings store, String realm,
             ThrottleSettings throttle, List<Path> keyFiles, TrustedIssuerSettings trustedIssuer,
             byte[] previousSecret, int verifierCacheSize, SessionSettings sessions,
             boolean refreshTokenCookie, List<String> eventListeners) {
        this.issuer = issuer;
        this.audience = audience;
        this.algorithm = algorithm;
        this.secret = secret.clone();
        this.durations = durations;
        this.rolesClaim = rolesClaim;
        this.authenticator = authenticator;
        this.loginRoles = List.copyOf(loginRoles);
        this.store = store;
        this.realm = realm;
        this.throttle = throttle;
        this.keyFiles = List.copyOf(keyFiles);
        this.trustedIssuer = trustedIssuer;
        this.previousSecret = previousSecret.clone();
        this.verifierCacheSize = verifierCacheSize;
        this.sessions = sessions;
        this.refreshTokenCookie = refreshTokenCookie;
        this.eventListeners = List.copyOf(eventListeners);
    }

    /** {@code jwtauth.secret.previous} (a copy): verifies tokens signed before a rotation; empty when not set. */
    public byte[] previousSecret() {
        return previousSecret.clone();
    }

    /** {@code jwtauth.keys}: the PEM/JWKS files of an asymmetric algorithm, in the configured order; empty for HS*. */
    public List<Path> keyFiles() {
        return keyFiles;
    }

    /** The second issuer the filter accepts ({@code jwtauth.trusted.*}), if configured. */
    public Optional<TrustedIssuerSettings> trustedIssuer() {
        return Optional.ofNullable(trustedIssuer);
    }

    public String issuer() {
        return issuer;
    }

    /** {@code aud} written and required: {@code jwtauth.audience}, else the issuer plus the context path. */
    public String audience() {
        return audience.value();
    }

    /**
     * The audience tokens had before the default was made specific to the web application (the issuer), accepted
     * at the refresh endpoint only; empty when {@code jwtauth.audience} is set or the two coincide.
     */
    public Optional<String> formerDefaultAudience() {
        return audience.formerDefault();
    }

    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    /** The HMAC key bytes (a copy); empty for asymmetric algorithms. */
    public byte[] secret() {
        return secret.clone();
    }

    public Duration accessTokenLifetime() {
        return durations.accessToken;
    }

    /** Idle lifetime of one refresh token. */
    public Duration refreshTokenLifetime() {
        return durations.refreshToken;
    }

    /** Absolute lifetime of a refresh-token family; rotation never extends it. */
    public Duration sessionMaxLifetime() {
        return durations.sessionMax;
    }

    public Duration retryWindow() {
        return durations.retryWindow;
    }

    public Duration clockSkew() {
        return durations.clockSkew;
    }

    public Duration cleanupInterval() {
        return durations.cleanupInterval;
    }

    public String rolesClaim() {
        return rolesClaim;
    }

    /** {@code container} or a class name. */
    public String authenticator() {
        return authenticator;
    }

    public List<String> loginRoles() {
        return loginRoles;
    }

    public StoreSettings store() {
        return store;
    }

    /** The configured realm; the web layer falls back to the context path. */
    public Optional<String> realm() {
        return Optional.ofNullable(realm);
    }

    /** {@code jwtauth.verifier.cacheSize}: verified tokens the filter keeps; 0 turns the cache off. */
    public int verifierCacheSize() {
        return verifierCacheSize;
    }

    /** Cut-offs, client details and the limit per user ({@code jwtauth.revocation.*}, {@code jwtauth.session.*}). */
    public SessionSettings sessions() {
        return sessions;
    }

    /**
     * {@code jwtauth.refreshToken.cookie}: the refresh token travels in an HttpOnly cookie, never in a JSON body
     * (design section 11).
     */
    public boolean refreshTokenCookie() {
        return refreshTokenCookie;
    }

    /** {@code jwtauth.events.listeners}: class names of the event listeners, in order; empty when none. */
    public List<String> eventListeners() {
        return eventListeners;
    }

    /** Login throttling ({@code jwtauth.login.throttle.*}). */
    public ThrottleSettings throttle() {
        return throttle;
    }

    /** One line for the start-up log; contains no secret. */
    public String summary() {
        return "issuer=" + issuer + ", audience=" + audience.value() + ", algorithm=" + algorithm.joseName()
                + ", accessToken.lifetime=" + durations.accessToken + ", refreshToken.lifetime=" + durations.refreshToken
                + ", session.maxLifetime=" + durations.sessionMax + ", refresh.retryWindow=" + durations.retryWindow
                + ", clockSkew=" + durations.clockSkew + ", login.authenticator=" + authenticator
                + ", store=" + store.summary() + ", store.schema=" + store.schema().name().toLowerCase(Locale.ROOT)
                + ", cleanup.interval=" + durations.cleanupInterval + ", verifier.cacheSize=" + verifierCacheSize
                + ", " + sessions.summary()
                + ", refreshToken.cookie=" + refreshTokenCookie
                + (trustedIssuer == null ? "" : ", " + trustedIssuer.summary())
                + (eventListeners.isEmpty() ? "" : ", events.listeners="
                        + String.join(",", eventListeners));
    }

    @Override
    public String toString() {
        return "Settings[" + summary() + "]";
    }

    /** The durations, grouped to keep the constructor readable. */
    static final class Durations {
        final Duration accessToken;
        final Duration refreshToken;
        final Duration sessionMax;
        final Duration retryWindow;
        final Duration clockSkew;
        final Duration cleanupInterval;

        Durations(Duration accessToken, Duration refreshToken, Duration sessionMax, Duration retryWindow,
                  Duration clockSkew, Duration cleanupInterval) {
            this.accessToken = accessToken;
            this.refreshToken = refreshToken;
            this.sessionMax = sessionMax;
            this.retryWindow = retryWindow;
            this.clockSkew = clockSkew;
            this.cleanupInterval = cleanupInterval;
        }
    }
}
