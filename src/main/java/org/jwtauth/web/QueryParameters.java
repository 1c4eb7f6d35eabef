package org.jwtauth.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The names in a token endpoint's query string, decoded as the container decodes them. The endpoints read only
 * their body; a credential or token in the URL ends up in access logs, proxies and browser histories (RFC 6750
 * section 5.3, RFC 6749 section 3.2), so it is refused rather than ignored, and the client learns to stop.
 */
final class QueryParameters {

    /** Our field names and their RFC 6749/6750 spellings, which a client may try. */
    private static final Set<String> CREDENTIALS = Set.of(Fields.USERNAME, Fields.PASSWORD, Fields.ACCESS_TOKEN,
            Fields.REFRESH_TOKEN, "access_token", "refresh_token", "client_secret");

    private final String query;

    private QueryParameters(String query) {
        this.query = query == null ? "" : query;
    }

    static QueryParameters of(String rawQuery) {
        return new QueryParameters(rawQuery);
    }

    /** Whether a credential field is named, or a name cannot be decoded (it might hide one). */
    boolean carriesCredentials() {
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0];
            if (name.isEmpty()) {
                continue;
            }
            try {
                if (CREDENTIALS.contains(URLDecoder.decode(name, StandardCharsets.UTF_8))) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many values of {@code name} the query holds. The container's {@code getParameterValues} lists the query's
     * values before the body's (Servlet 6.0 section 3.1.1), so the body's are the ones after these.
     */
    int count(String name) {
        int n = 0;
        for (String pair : query.split("&")) {
            String key = pair.split("=", 2)[0];
            try {
                if (!key.isEmpty() && name.equals(URLDecoder.decode(key, StandardCharsets.UTF_8))) {
                    n++;
                }
            } catch (IllegalArgumentException e) {
                // Not this name; carriesCredentials() already refused an undecodable credential name.
            }
        }
        return n;
    }
}
