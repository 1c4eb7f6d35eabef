package org.jwtauth.config;

import static org.jwtauth.config.ConfigKeys.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jwtauth.log.Log;

/**
 * Builds {@link Settings} from a {@link ConfigSource}, validating every key once and failing fast with a
 * message that names the key (design section 4).
 */
public final class SettingsParser {

    private static final Log LOG = Log.of(SettingsParser.class);

    private static final String DURATION = "expected an ISO-8601 duration such as PT15M or P14D";
    static final Duration MAX_RETRY_WINDOW = Duration.ofSeconds(60);
    /** A skew of minutes would make every short-lived token much longer-lived than configured. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(100);
    static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(10);
    /** Upper bounds that keep every instant computed from a duration far from overflow, and sane. */
    static final Duration MAX_ACCESS_TOKEN_LIFETIME = Duration.ofDays(1);
    static final Duration MAX_LIFETIME = Duration.ofDays(3650);
    /** Long enough for a busy database, short enough that an outage answers 503 before clients give up. */
    static final Duration DEFAULT_STORE_TIMEOUT = Duration.ofSeconds(5);
    static final Duration MAX_STORE_TIMEOUT = Duration.ofMinutes(10);
    /**
     * Connections are busy only during a statement's round trips, so a handful serves hundreds of store calls a
     * second; 10 covers the "cores x 2 + disks" rule of thumb for a database server of 2 to 4 cores, more
     * than 8 concurrent requests, and stays far below a database's usual connection limit (100).
     */
    static final int DEFAULT_STORE_POOL_SIZE = 10;
    /** About 20 MB of heap at 2 KB an entry (docs/operations.md): the live tokens of a busy application. */
    static final int DEFAULT_VERIFIER_CACHE_SIZE = 10_000;
    /** A binary class name: dot-separated Java identifiers, nested classes with {@code $}. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
            + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    private final ConfigSource source;
    private final ConfigValues values;
    private final SecretReference secrets;

    public SettingsParser(ConfigSource source, Function<String, String> environment) {
        this.source = source;
        this.values = new ConfigValues(source);
        this.secrets = new SecretReference(environment);
    }

    public SettingsParser(ConfigSource source) {
        this(source, System::getenv);
    }

    /** The settings of the root context; see {@link #parse(String)}. */
    public Settings parse() {
        return parse("");
    }

    /**
     * @param contextPath the web application's context path ("" for the root), part of the default audience
     */
    public Settings parse(String contextPath) {
        String issuer = values.text(ISSUER).orElse("jwt-servlet-auth");
        Audience audience = Audience.of(values.text(AUDIENCE), issuer, contextPath == null ? "" : contextPath);
        SigningAlgorithm algorithm = algorithm();
        byte[] secret = algorithm.isSymmetric() ? hmacSecret(algorithm) : new byte[0];
        List<Path> keyFiles = algorithm.isSymmetric() ? List.of() : keyFiles(algorithm);
        Settings.Durations durations = durations();
        String rolesClaim = values.text(ROLES_CLAIM).orElse("roles");
        String authenticator = values.text(AUTHENTICATOR).orElse("container");
        List<String> loginRoles = values.list(LOGIN_ROLES);
        StoreSettings store = new StoreSettings(values.text(STORE_DATA_SOURCE).orElse(null), values.text(STORE_URL).orElse(null),
                values.text(STORE_USER).orElse(null), secret(STORE_PASSWORD).orElse(null), schema(),
                storeTimeout(STORE_CONNECT_TIMEOUT), storeTimeout(STORE_QUERY_TIMEOUT),
                poolSize(), storeDirectory());
        if (store.dataSource().isPresent() && store.url().isPresent()) {
            throw new ConfigurationException(STORE_URL, "must not be set together with " + STORE_DATA_SOURCE);
        }
        for (String key : List.of(STORE_POOL_SIZE, STORE_MAX_CONNECTIONS)) {
            if (store.dataSource().isPresent() && values.text(key).isPresent()) {
                // The container's pool bounds a JNDI DataSource; a second, different bound would only confuse.
                throw new ConfigurationException(key, "applies to " + STORE_URL + " only; with "
                        + STORE_DATA_SOURCE + " set the pool's own maximum (maxTotal, maxActive, maximumPoolSize)");
            }
        }
        return new Settings(issuer, audience, algorithm, secret, durations, rolesClaim, authenticator, loginRoles,
                store, values.text(REALM).orElse(null), throttle(), keyFiles,
                // The trusted issuer's default audience stays what it was: that issuer knows nothing of our context path.
                new TrustedIssuerParser(values).parse(issuer, values.text(AUDIENCE).orElse(issuer), rolesClaim)
                        .orElse(null),
                previousHmacSecret(algorithm), values.integer(VERIFIER_CACHE_SIZE, DEFAULT_VERIFIER_CACHE_SIZE, 0, 1_000_000),
                sessions(), values.flag(REFRESH_TOKEN_COOKIE, false), eventListeners());
    }

    /**
     * The poll interval may be shorter than a second (it is no token time), but not so short that a node's poll
     * becomes load; absent or 0, the number of sessions per user is unlimited.
     */
    private SessionSettings sessions() {
        Duration poll = values.duration(REVOCATION_POLL_INTERVAL, "PT10S", DURATION);
        if (poll.compareTo(MIN_POLL_INTERVAL) < 0 || poll.compareTo(MAX_POLL_INTERVAL) > 0) {
            throw new ConfigurationException(REVOCATION_POLL_INTERVAL, "expected an ISO-8601 duration from PT0.1S to"
                    + " PT10M, such as PT10S");
        }
        return new SessionSettings(poll, values.flag(SESSION_CLIENT_INFO, true),
                values.integer(SESSION_MAX_PER_USER, 0, 0, 10_000));
    }

    /** Class names only: whether each exists and is a listener, the web application's class loader says later. */
    private List<String> eventListeners() {
        List<String> names = values.list(EVENTS_LISTENERS);
        for (String name : names) {
            if (!CLASS_NAME.matcher(name).matches()) {
                throw new ConfigurationException(EVENTS_LISTENERS, "expected comma-separated class names such as"
                        + " com.example.AuditBridge");
            }
        }
        return names;
    }

    /**
     * {@code jwtauth.store.poolSize}, or its former name {@code jwtauth.store.maxConnections}: both meant "the
     * most connections open at once", which the pool still is, so a configuration written before the pool
     * starts unchanged. Both at once is refused rather than one silently winning.
     */
    private int poolSize() {
        if (values.text(STORE_POOL_SIZE).isPresent() && values.text(STORE_MAX_CONNECTIONS).isPresent()) {
            throw new ConfigurationException(STORE_MAX_CONNECTIONS, "is the former name of " + STORE_POOL_SIZE
                    + "; set only " + STORE_POOL_SIZE);
        }
        String key = values.text(STORE_MAX_CONNECTIONS).isPresent() ? STORE_MAX_CONNECTIONS : STORE_POOL_SIZE;
        return values.integer(key, DEFAULT_STORE_POOL_SIZE, 1, 1000);
    }

    private ThrottleSettings throttle() {
        Duration delay = boundedDuration(THROTTLE_DELAY, "PT1S", Duration.ofHours(1), "PT1H");
        Duration maxDelay = boundedDuration(THROTTLE_MAX_DELAY, "PT15M", Duration.ofDays(1), "P1D");
        if (maxDelay.compareTo(delay) < 0) {
            throw new ConfigurationException(THROTTLE_MAX_DELAY, "must not be shorter than " + THROTTLE_DELAY);
        }
        return new ThrottleSettings(values.integer(THROTTLE_ATTEMPTS, 5, 1, 1000), values.integer(THROTTLE_ADDRESS_ATTEMPTS, 20, 1,
                100_000), delay, maxDelay, values.integer(THROTTLE_CAPACITY, 10_000, 100, 10_000_000));
    }

    private SigningAlgorithm algorithm() {
        String name = values.text(ALGORITHM).orElse("HS256");
        return SigningAlgorithm.parse(name).orElseThrow(() -> new ConfigurationException(ALGORITHM,
                "expected one of " + SigningAlgorithm.allNames()));
    }

    /**
     * {@code jwtauth.keys}: a comma-separated list of PEM or JWKS files, plain paths or {@code file:} paths. The
     * files themselves are read by the token layer, which names the file in its errors.
     */
    private List<Path> keyFiles(SigningAlgorithm algorithm) {
        if (source.get(SECRET).isPresent()) {
            throw new ConfigurationException(SECRET, "is only used with HS256/384/512; " + algorithm.joseName()
                    + " takes " + KEYS);
        }
        List<Path> files = new ArrayList<>();
        for (String entry : values.list(KEYS)) {
            String path = entry.startsWith("file:") ? entry.substring(5) : entry;
            try {
                files.add(Paths.get(path));
            } catch (InvalidPathException e) {
                throw new ConfigurationException(KEYS, "contains an invalid file name: " + path);
            }
        }
        if (files.isEmpty()) {
            throw new ConfigurationException(KEYS, "is required for " + algorithm.joseName()
                    + ": comma-separated PEM or JWKS files, the first private key signs");
        }
        return files;
    }

    private byte[] hmacSecret(SigningAlgorithm algorithm) {
        if (values.text(KEYS).isPresent()) {
            throw new ConfigurationException(KEYS, "is only used with asymmetric algorithms; " + algorithm.joseName()
                    + " takes " + SECRET);
        }
        String value = secret(SECRET).orElseThrow(() -> new ConfigurationException(SECRET,
                "is required for " + algorithm.joseName() + ": at least " + algorithm.minimumKeyBytes() * 8
                        + " bits, as UTF-8 text or base64:..."));
        return hmacKey(SECRET, value, algorithm);
    }

    /** {@code jwtauth.secret.previous}: the secret before a rotation, still accepted for verification only. */
    private byte[] previousHmacSecret(SigningAlgorithm algorithm) {
        Optional<String> value = secret(SECRET_PREVIOUS);
        if (!algorithm.isSymmetric()) {
            if (value.isPresent()) {
                throw new ConfigurationException(SECRET_PREVIOUS, "is only used with HS256/384/512; "
                        + algorithm.joseName() + " keeps older public keys in " + KEYS);
            }
            return new byte[0];
        }
        return value.map(v -> hmacKey(SECRET_PREVIOUS, v, algorithm)).orElse(new byte[0]);
    }

    private static byte[] hmacKey(String key, String value, SigningAlgorithm algorithm) {
        byte[] bytes;
        if (value.startsWith("base64:")) {
            try {
                bytes = Base64.getDecoder().decode(value.substring(7).trim());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(key, "base64: prefix given but the rest is not valid base64");
            }
        } else {
            bytes = value.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length < algorithm.minimumKeyBytes()) {
            // RFC 7518 section 3.2; never echo the value or its length in detail beyond the rule.
            throw new ConfigurationException(key, "is shorter than " + algorithm.minimumKeyBytes() * 8
                    + " bits, the minimum for " + algorithm.joseName());
        }
        SecretStrength.refuseNonSecrets(key, value, bytes);
        SecretStrength.warning(key, value, algorithm.minimumKeyBytes() * 8, algorithm.joseName()).ifPresent(LOG::warn);
        return bytes;
    }

    private Settings.Durations durations() {
        Duration access = boundedDuration(ACCESS_TOKEN_LIFETIME, "PT15M", MAX_ACCESS_TOKEN_LIFETIME, "PT24H");
        Duration refresh = boundedDuration(REFRESH_TOKEN_LIFETIME, "P14D", MAX_LIFETIME, "P3650D");
        Duration session = boundedDuration(SESSION_MAX_LIFETIME, "P90D", MAX_LIFETIME, "P3650D");
        Duration retry = values.duration(RETRY_WINDOW, "PT0S", DURATION);
        if (retry.isNegative() || retry.compareTo(MAX_RETRY_WINDOW) > 0) {
            throw new ConfigurationException(RETRY_WINDOW, "expected a duration from PT0S to PT60S");
        }
        Duration skew = values.duration(CLOCK_SKEW, "PT30S", DURATION);
        if (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new ConfigurationException(CLOCK_SKEW, "expected a duration from PT0S to PT5M");
        }
        if (refresh.compareTo(session) > 0) {
            throw new ConfigurationException(REFRESH_TOKEN_LIFETIME, "must not be longer than " + SESSION_MAX_LIFETIME);
        }
        return new Settings.Durations(access, refresh, session, retry, skew,
                boundedDuration(CLEANUP_INTERVAL, "PT1H", MAX_LIFETIME, "P3650D"));
    }

    private SchemaMode schema() {
        String value = values.text(STORE_SCHEMA).orElse("create");
        try {
            return SchemaMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(STORE_SCHEMA, "expected one of create, validate, none");
        }
    }

    /**
     * Whole seconds from PT1S: JDBC's query timeout and PostgreSQL's connect timeout are integer seconds, and a
     * fraction would be cut off silently (PT0.5S would become "no timeout at all").
     */
    private Path storeDirectory() {
        Optional<String> value = values.text(STORE_DIRECTORY);
        if (value.isEmpty()) {
            return null;
        }
        Path path;
        try {
            path = Paths.get(value.get());
        } catch (InvalidPathException e) {
            throw new ConfigurationException(STORE_DIRECTORY, "is not a valid path");
        }
        if (!path.isAbsolute()) {
            throw new ConfigurationException(STORE_DIRECTORY, "must be an absolute path (a relative one would depend on"
                    + " the container's working directory)");
        }
        return path;
    }

    private Duration storeTimeout(String key) {
        Duration d = values.duration(key, DEFAULT_STORE_TIMEOUT.toString(), DURATION);
        if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(MAX_STORE_TIMEOUT) > 0 || d.getNano() != 0) {
            throw new ConfigurationException(key, "expected an ISO-8601 duration of whole seconds from PT1S to PT10M,"
                    + " such as PT5S");
        }
        return d;
    }

    /** At least one second (tokens carry whole seconds, RFC 7519 section 2) and at most {@code max}. */
    private Duration boundedDuration(String key, String defaultValue, Duration max, String maxText) {
        Duration d = values.duration(key, defaultValue, DURATION);
        if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(max) > 0) {
            throw new ConfigurationException(key, "expected an ISO-8601 duration from PT1S to " + maxText
                    + ", such as PT15M or P14D");
        }
        return d;
    }

    private Optional<String> secret(String key) {
        return source.get(key).map(v -> secrets.resolve(key, v));
    }
}
