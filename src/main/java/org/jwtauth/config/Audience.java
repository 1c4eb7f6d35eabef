package org.jwtauth.config;

import java.util.Optional;

/**
 * The {@code aud} of this web application's access tokens (RFC 7519 section 4.1.3). Unless {@code jwtauth.audience}
 * names it, it is the issuer plus the context path, so two web applications that take the same secret from the
 * JVM's environment still refuse each other's tokens. Earlier versions defaulted to the issuer alone; tokens
 * with that former default stay refreshable (never accepted by the filter) for their session's remaining life, so
 * the upgrade logs nobody out.
 */
final class Audience {

    private final String value;
    private final String formerDefault;

    private Audience(String value, String formerDefault) {
        this.value = value;
        this.formerDefault = formerDefault;
    }

    /**
     * @param configured {@code jwtauth.audience}, which wins and has no former default
     * @param contextPath "" for the root context, else "/name"
     */
    static Audience of(Optional<String> configured, String issuer, String contextPath) {
        if (configured.isPresent()) {
            return new Audience(configured.get(), null);
        }
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        String value = base + (contextPath.isEmpty() ? "/" : contextPath);
        return new Audience(value, value.equals(issuer) ? null : issuer);
    }

    String value() {
        return value;
    }

    /** The issuer, when it was the default and is not the audience now. */
    Optional<String> formerDefault() {
        return Optional.ofNullable(formerDefault);
    }
}
