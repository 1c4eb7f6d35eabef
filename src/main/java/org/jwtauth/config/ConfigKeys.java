package org.jwtauth.config;

/**
 * Every configuration key, in one place (design section 4): each is a {@code <context-param>} that a system
 * property of the same name or an environment variable {@code JWTAUTH_...} overrides ({@link ConfigSource}).
 * Messages about a wrong value name the key with these constants.
 */
public final class ConfigKeys {

    public static final String ISSUER = "jwtauth.issuer";
    public static final String AUDIENCE = "jwtauth.audience";
    public static final String ALGORITHM = "jwtauth.algorithm";
    public static final String SECRET = "jwtauth.secret";
    /** The HS* secret before a rotation: verifies tokens it signed, never signs. */
    public static final String SECRET_PREVIOUS = "jwtauth.secret.previous";
    public static final String KEYS = "jwtauth.keys";
    public static final String ACCESS_TOKEN_LIFETIME = "jwtauth.accessToken.lifetime";
    public static final String REFRESH_TOKEN_LIFETIME = "jwtauth.refreshToken.lifetime";
    /**
     * {@code true}: the refresh token travels in an HttpOnly {@code __Secure-} cookie instead of the JSON bodies
     * (design section 11).
     */
    public static final String REFRESH_TOKEN_COOKIE = "jwtauth.refreshToken.cookie";
    public static final String SESSION_MAX_LIFETIME = "jwtauth.session.maxLifetime";
    public static final String RETRY_WINDOW = "jwtauth.refresh.retryWindow";
    public static final String CLOCK_SKEW = "jwtauth.clockSkew";
    public static final String ROLES_CLAIM = "jwtauth.rolesClaim";
    public static final String AUTHENTICATOR = "jwtauth.login.authenticator";
    public static final String LOGIN_ROLES = "jwtauth.login.roles";
    public static final String STORE_DATA_SOURCE = "jwtauth.store.dataSource";
    public static final String STORE_URL = "jwtauth.store.url";
    public static final String STORE_USER = "jwtauth.store.user";
    public static final String STORE_PASSWORD = "jwtauth.store.password";
    public static final String STORE_SCHEMA = "jwtauth.store.schema";
    public static final String STORE_CONNECT_TIMEOUT = "jwtauth.store.connectTimeout";
    public static final String STORE_QUERY_TIMEOUT = "jwtauth.store.queryTimeout";
    public static final String STORE_DIRECTORY = "jwtauth.store.directory";
    /** With {@code jwtauth.store.url}: how many connections the store keeps and may have open at once. */
    public static final String STORE_POOL_SIZE = "jwtauth.store.poolSize";
    /** The former name of {@link #STORE_POOL_SIZE} (before the pool), still accepted for it. */
    public static final String STORE_MAX_CONNECTIONS = "jwtauth.store.maxConnections";
    public static final String CLEANUP_INTERVAL = "jwtauth.cleanup.interval";
    public static final String REVOCATION_POLL_INTERVAL = "jwtauth.revocation.pollInterval";
    public static final String SESSION_CLIENT_INFO = "jwtauth.session.clientInfo";
    public static final String SESSION_MAX_PER_USER = "jwtauth.session.maxPerUser";
    public static final String REALM = "jwtauth.realm";
    public static final String VERIFIER_CACHE_SIZE = "jwtauth.verifier.cacheSize";
    /** Comma-separated class names of {@code org.jwtauth.events.AuthEventListener}s. */
    public static final String EVENTS_LISTENERS = "jwtauth.events.listeners";
    public static final String THROTTLE_ATTEMPTS = "jwtauth.login.throttle.attempts";
    public static final String THROTTLE_ADDRESS_ATTEMPTS = "jwtauth.login.throttle.addressAttempts";
    public static final String THROTTLE_DELAY = "jwtauth.login.throttle.delay";
    public static final String THROTTLE_MAX_DELAY = "jwtauth.login.throttle.maxDelay";
    public static final String THROTTLE_CAPACITY = "jwtauth.login.throttle.capacity";

    public static final String TRUSTED_ISSUER = "jwtauth.trusted.issuer";
    public static final String TRUSTED_AUDIENCE = "jwtauth.trusted.audience";
    public static final String TRUSTED_JWKS_URL = "jwtauth.trusted.jwksUrl";
    public static final String TRUSTED_ALGORITHMS = "jwtauth.trusted.algorithms";
    public static final String TRUSTED_ROLES_CLAIM = "jwtauth.trusted.rolesClaim";
    public static final String TRUSTED_REFRESH_INTERVAL = "jwtauth.trusted.refreshInterval";
    public static final String TRUSTED_CACHE_LIFETIME = "jwtauth.trusted.cacheLifetime";
    public static final String TRUSTED_TIMEOUT = "jwtauth.trusted.timeout";
    public static final String TRUSTED_MAX_LIFETIME = "jwtauth.trusted.maxLifetime";
    public static final String TRUSTED_MAX_STALE_AGE = "jwtauth.trusted.maxStaleAge";
    public static final String TRUSTED_REFUSE_NONCE = "jwtauth.trusted.refuseNonce";

    private ConfigKeys() {
    }
}
