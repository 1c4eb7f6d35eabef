package org.jwtauth.it.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A received HTTP response. Header names are matched case-insensitively (RFC 9110 §5.1) and keep
 * every value, so tests can check that a header was sent exactly once.
 */
public record HttpResult(int status, Map<String, List<String>> headers, String body) {

    public HttpResult {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), (a, b) -> {
            List<String> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** Every value of the header, in order; empty if absent. */
    public List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** The header's first value, if any; see {@link #headers(String)} for repeated headers. */
    public Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    /** The body parsed as a JSON object, with jose4j's parser (the one the library uses). */
    public Map<String, Object> json() {
        try {
            return org.jose4j.json.JsonUtil.parseJson(body);
        } catch (org.jose4j.lang.JoseException e) {
            throw new AssertionError("Response body is not a JSON object: " + body, e);
        }
    }

    @Override
    public String toString() {
        String shown = body.length() > 500 ? body.substring(0, 500) + "..." : body;
        return status + " " + headers + "\n" + shown;
    }
}
