package org.jwtauth.config;

/**
 * Every configuration key, in one place (design section 4): each is a {@code <context-param>} that a system
 * property of the same name or an environment variable {@code JWTAUTH_...} overrides ({@link ConfigSource}).
 * Messages about a wrong value name the key with these constants.
 */
public final class ConfigKeys {

    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String ISSUER = "jwtauth.issuer";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String AUDIENCE = "jwtauth.audience";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String ALGORITHM = "jwtauth.algorithm";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String SECRET = "jwtauth.secret";
    /** The HS* secret before a rotation: verifies tokens it signed, never signs. */
    public static final String SECRET_PREVIOUS = "jwtauth.secret.previous";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String KEYS = "jwtauth.keys";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String ACCESS_TOKEN_LIFETIME = "jwtauth.accessToken.lifetime";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String REFRESH_TOKEN_LIFETIME = "jwtauth.refreshToken.lifetime";
    /**
     * {@code true}: the refresh token travels in an HttpOnly {@code __Secure-} cookie instead of the JSON bodies
     * (design section 11).
     */
    public static final String REFRESH_TOKEN_COOKIE = "jwtauth.refreshToken.cookie";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String SESSION_MAX_LIFETIME = "jwtauth.session.maxLifetime";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String RETRY_WINDOW = "jwtauth.refresh.retryWindow";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String CLOCK_SKEW = "jwtauth.clockSkew";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String ROLES_CLAIM = "jwtauth.rolesClaim";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String AUTHENTICATOR = "jwtauth.login.authenticator";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String LOGIN_ROLES = "jwtauth.login.roles";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String STORE_DATA_SOURCE = "jwtauth.store.dataSource";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String STORE_URL = "jwtauth.store.url";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String STORE_USER = "jwtauth.store.user";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String STORE_PASSWORD = "jwtauth.store.password";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String STORE_SCHEMA = "jwtauth.store.schema";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String STORE_CONNECT_TIMEOUT = "jwtauth.store.connectTimeout";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String STORE_QUERY_TIMEOUT = "jwtauth.store.queryTimeout";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String STORE_DIRECTORY = "jwtauth.store.directory";
    /** With {@code jwtauth.store.url}: how many connections the store keeps and may have open at once. */
    public static final String STORE_POOL_SIZE = "jwtauth.store.poolSize";
    /** The former name of {@link #STORE_POOL_SIZE} (before the pool), still accepted for it. */
    public static final String STORE_MAX_CONNECTIONS = "jwtauth.store.maxConnections";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String CLEANUP_INTERVAL = "jwtauth.cleanup.interval";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String REVOCATION_POLL_INTERVAL = "jwtauth.revocation.pollInterval";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String SESSION_CLIENT_INFO = "jwtauth.session.clientInfo";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String SESSION_MAX_PER_USER = "jwtauth.session.maxPerUser";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String REALM = "jwtauth.realm";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String VERIFIER_CACHE_SIZE = "jwtauth.verifier.cacheSize";
    /** Comma-separated class names of {@code org.jwtauth.events.AuthEventListener}s. */
    public static final String EVENTS_LISTENERS = "jwtauth.events.listeners";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String THROTTLE_ATTEMPTS = "jwtauth.login.throttle.attempts";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String THROTTLE_ADDRESS_ATTEMPTS = "jwtauth.login.throttle.addressAttempts";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String THROTTLE_DELAY = "jwtauth.login.throttle.delay";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String THROTTLE_MAX_DELAY = "jwtauth.login.throttle.maxDelay";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String THROTTLE_CAPACITY = "jwtauth.login.throttle.capacity";

    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String TRUSTED_ISSUER = "jwtauth.trusted.issuer";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String TRUSTED_AUDIENCE = "jwtauth.trusted.audience";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String TRUSTED_JWKS_URL = "jwtauth.trusted.jwksUrl";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String TRUSTED_ALGORITHMS = "jwtauth.trusted.algorithms";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String TRUSTED_ROLES_CLAIM = "jwtauth.trusted.rolesClaim";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String TRUSTED_REFRESH_INTERVAL = "jwtauth.trusted.refreshInterval";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String TRUSTED_CACHE_LIFETIME = "jwtauth.trusted.cacheLifetime";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String TRUSTED_TIMEOUT = "jwtauth.trusted.timeout";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String TRUSTED_MAX_LIFETIME = "jwtauth.trusted.maxLifetime";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String TRUSTED_MAX_STALE_AGE = "jwtauth.trusted.maxStaleAge";
    /** The key {@value}; the README's configuration table gives its default and meaning. */
    public static final String TRUSTED_REFUSE_NONCE = "jwtauth.trusted.refuseNonce";

    private ConfigKeys() {
    }
}
