package org.jwtauth.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An error answer as a value: status, RFC 6749 section 5.2 / RFC 6750 section 3.1 error code, a fixed
 * description and extra headers. Every instance is in {@link AuthErrors}; {@link ErrorWriter} writes them.
 */
final class OAuthError {

    private final int status;
    private final String code;
    private final String description;
    private final Map<String, String> headers;
    private final boolean challenge;

    private OAuthError(int status, String code, String description, Map<String, String> headers, boolean challenge) {
        this.status = status;
        this.code = code;
        this.description = description;
        this.headers = Map.copyOf(headers);
        this.challenge = challenge;
    }

    static OAuthError of(int status, ErrorCode code, String description) {
        return new OAuthError(status, code.value(), description, Map.of(), false);
    }

    /** RFC 6750 section 3.1: a request without any authentication information gets no error code. */
    static OAuthError challengeOnly() {
        return new OAuthError(401, null, null, Map.of(), true);
    }

    OAuthError withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new OAuthError(status, code, description, copy, challenge);
    }

    /** The same error from a protected resource: answered with a {@code WWW-Authenticate: Bearer} challenge. */
    OAuthError asChallenge() {
        return new OAuthError(status, code, description, headers, true);
    }

    boolean isChallenge() {
        return challenge;
    }

    int status() {
        return status;
    }

    Optional<String> code() {
        return Optional.ofNullable(code);
    }

    Optional<String> description() {
        return Optional.ofNullable(description);
    }

    Map<String, String> headers() {
        return headers;
    }

    @Override
    public String toString() {
        return status + " " + code;
    }
}
