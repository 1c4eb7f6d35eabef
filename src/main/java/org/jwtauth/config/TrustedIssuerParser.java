package org.jwtauth.config;

import static org.jwtauth.config.ConfigKeys.*;

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


    private final ConfigValues values;

    TrustedIssuerParser(ConfigValues values) {
        this.values = values;
    }

    Optional<TrustedIssuerSettings> parse(String ownIssuer, String ownAudience, String ownRolesClaim) {
        Optional<String> issuer = values.text(TRUSTED_ISSUER);
        if (issuer.isEmpty()) {
            values.text(TRUSTED_JWKS_URL).ifPresent(u -> {
                throw new ConfigurationException(TRUSTED_JWKS_URL, "is set but " + TRUSTED_ISSUER + " is not");
            });
            return Optional.empty();
        }
        if (issuer.get().equals(ownIssuer)) {
            // The filter tells the issuers apart by iss; the same value would make that ambiguous.
            throw new ConfigurationException(TRUSTED_ISSUER, "must differ from jwtauth.issuer");
        }
        Duration timeout = positive(TRUSTED_TIMEOUT, "PT5S");
        if (timeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new ConfigurationException(TRUSTED_TIMEOUT, "expected a positive duration up to PT1M");
        }
        Duration cacheLifetime = positive(TRUSTED_CACHE_LIFETIME, "PT1H");
        return Optional.of(new TrustedIssuerSettings(issuer.get(), values.text(TRUSTED_AUDIENCE).orElse(ownAudience), jwksUri(),
                algorithms(), values.text(TRUSTED_ROLES_CLAIM).orElse(ownRolesClaim), positive(TRUSTED_REFRESH_INTERVAL, "PT5M"),
                cacheLifetime, maxStaleAge(cacheLifetime), timeout, positive(TRUSTED_MAX_LIFETIME, "PT1H"),
                values.flag(TRUSTED_REFUSE_NONCE, false)));
    }

    /**
     * How long keys are used while fetches fail: long enough to ride out an outage of the issuer's JWKS endpoint,
     * short enough that a key the issuer removed (it may have leaked) stops working. Three cache lifetimes.
     */
    private Duration maxStaleAge(Duration cacheLifetime) {
        Duration maxStaleAge = positive(TRUSTED_MAX_STALE_AGE, cacheLifetime.multipliedBy(3).toString());
        if (maxStaleAge.compareTo(cacheLifetime) < 0) {
            throw new ConfigurationException(TRUSTED_MAX_STALE_AGE, "must not be shorter than " + TRUSTED_CACHE_LIFETIME);
        }
        return maxStaleAge;
    }

    private URI jwksUri() {
        String value = values.text(TRUSTED_JWKS_URL).orElseThrow(() -> new ConfigurationException(TRUSTED_JWKS_URL,
                "is required with " + TRUSTED_ISSUER + ": the https URL of the issuer's JWKS document"));
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new ConfigurationException(TRUSTED_JWKS_URL, "expected an absolute https (or http) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationException(TRUSTED_JWKS_URL, "expected an absolute https (or http) URL");
        }
    }

    private List<SigningAlgorithm> algorithms() {
        List<SigningAlgorithm> result = new ArrayList<>();
        for (String name : values.text(TRUSTED_ALGORITHMS).orElse("RS256").split(",")) {
            if (name.trim().isEmpty()) {
                continue;
            }
            SigningAlgorithm algorithm = SigningAlgorithm.parse(name.trim())
                    .filter(a -> !a.isSymmetric())
                    .orElseThrow(() -> new ConfigurationException(TRUSTED_ALGORITHMS, "expected a comma-separated list of "
                            + "RS256, RS384, RS512, PS256, ES256, ES384, EdDSA (a shared secret cannot be published)"));
            result.add(algorithm);
        }
        if (result.isEmpty()) {
            throw new ConfigurationException(TRUSTED_ALGORITHMS, "must name at least one algorithm");
        }
        return result;
    }

    private Duration positive(String key, String defaultValue) {
        String expectation = "expected a positive ISO-8601 duration such as PT5M";
        Duration d = values.duration(key, defaultValue, expectation);
        if (d.isNegative() || d.isZero()) {
            throw new ConfigurationException(key, expectation);
        }
        return d;
    }

}
