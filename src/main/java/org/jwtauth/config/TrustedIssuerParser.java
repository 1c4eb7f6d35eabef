package org.jwtauth.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the {@code jwtauth.trusted.*} keys; absent {@code jwtauth.trusted.issuer} means no second issuer. */
final class TrustedIssuerParser {

    static final String ISSUER = "jwtauth.trusted.issuer";
    static final String AUDIENCE = "jwtauth.trusted.audience";
    static final String JWKS_URL = "jwtauth.trusted.jwksUrl";
    static final String ALGORITHMS = "jwtauth.trusted.algorithms";
    static final String ROLES_CLAIM = "jwtauth.trusted.rolesClaim";
    static final String REFRESH_INTERVAL = "jwtauth.trusted.refreshInterval";
    static final String CACHE_LIFETIME = "jwtauth.trusted.cacheLifetime";
    static final String TIMEOUT = "jwtauth.trusted.timeout";
    static final String MAX_LIFETIME = "jwtauth.trusted.maxLifetime";

    private final ConfigSource source;

    TrustedIssuerParser(ConfigSource source) {
        this.source = source;
    }

    Optional<TrustedIssuerSettings> parse(String ownIssuer, String ownAudience, String ownRolesClaim) {
        Optional<String> issuer = text(ISSUER);
        if (issuer.isEmpty()) {
            text(JWKS_URL).ifPresent(u -> {
                throw new ConfigurationException(JWKS_URL, "is set but " + ISSUER + " is not");
            });
            return Optional.empty();
        }
        if (issuer.get().equals(ownIssuer)) {
            // The filter tells the issuers apart by iss; the same value would make that ambiguous.
            throw new ConfigurationException(ISSUER, "must differ from jwtauth.issuer");
        }
        Duration timeout = positive(TIMEOUT, "PT5S");
        if (timeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new ConfigurationException(TIMEOUT, "expected a positive duration up to PT1M");
        }
        return Optional.of(new TrustedIssuerSettings(issuer.get(), text(AUDIENCE).orElse(ownAudience), jwksUri(),
                algorithms(), text(ROLES_CLAIM).orElse(ownRolesClaim), positive(REFRESH_INTERVAL, "PT5M"),
                positive(CACHE_LIFETIME, "PT1H"), timeout, positive(MAX_LIFETIME, "PT1H")));
    }

    private URI jwksUri() {
        String value = text(JWKS_URL).orElseThrow(() -> new ConfigurationException(JWKS_URL,
                "is required with " + ISSUER + ": the https URL of the issuer's JWKS document"));
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new ConfigurationException(JWKS_URL, "expected an absolute https (or http) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationException(JWKS_URL, "expected an absolute https (or http) URL");
        }
    }

    private List<SigningAlgorithm> algorithms() {
        List<SigningAlgorithm> result = new ArrayList<>();
        for (String name : text(ALGORITHMS).orElse("RS256").split(",")) {
            if (name.trim().isEmpty()) {
                continue;
            }
            SigningAlgorithm algorithm = SigningAlgorithm.parse(name.trim())
                    .filter(a -> !a.isSymmetric())
                    .orElseThrow(() -> new ConfigurationException(ALGORITHMS, "expected a comma-separated list of "
                            + "RS256, RS384, RS512, PS256, ES256, ES384, EdDSA (a shared secret cannot be published)"));
            result.add(algorithm);
        }
        if (result.isEmpty()) {
            throw new ConfigurationException(ALGORITHMS, "must name at least one algorithm");
        }
        return result;
    }

    private Duration positive(String key, String defaultValue) {
        try {
            Duration d = Duration.parse(text(key).orElse(defaultValue));
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // fall through to the message below
        }
        throw new ConfigurationException(key, "expected a positive ISO-8601 duration such as PT5M");
    }

    private Optional<String> text(String key) {
        return source.get(key).map(String::trim).filter(s -> !s.isEmpty());
    }
}
