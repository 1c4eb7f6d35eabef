package org.jwtauth.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds the bearer token of a request (RFC 6750 section 2.1). Only the {@code Authorization} header is
 * accepted: tokens in URLs end up in access logs and browser history (RFC 6750 section 5.3), so a query
 * parameter {@code access_token} makes the request malformed rather than being read.
 */
final class BearerTokenResolver {

    private static final String SCHEME = "bearer";

    /**
     * The token, or empty when the request carries no bearer token (none, or another scheme).
     *
     * @throws RejectedRequest with {@link AuthErrors#MALFORMED_REQUEST} when the request is malformed
     */
    Optional<String> resolve(HttpServletRequest request) throws RejectedRequest {
        if (hasQueryToken(request.getQueryString())) {
            throw malformed();
        }
        List<String> headers = Collections.list(request.getHeaders("Authorization"));
        if (headers.isEmpty()) {
            return Optional.empty();
        }
        if (headers.size() > 1) {
            throw malformed();
        }
        String header = headers.get(0).trim();
        if (header.isEmpty()) {
            // An Authorization header without credentials is a broken client, not an anonymous one.
            throw malformed();
        }
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        // RFC 7235 section 2.1: the scheme is case-insensitive. Another scheme (Basic, ...) is "no bearer token".
        if (!scheme.toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return Optional.empty();
        }
        String token = space < 0 ? "" : header.substring(space + 1).trim();
        if (!isB64Token(token)) {
            throw malformed();
        }
        return Optional.of(token);
    }

    private static RejectedRequest malformed() {
        return new RejectedRequest(AuthErrors.MALFORMED_REQUEST);
    }

    /** RFC 6750 section 2.1: {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    static boolean isB64Token(String token) {
        if (token.isEmpty()) {
            return false;
        }
        int i = 0;
        int n = token.length();
        while (i < n && isB64TokenChar(token.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < n && token.charAt(i) == '=') {
            i++;
        }
        return i == n;
    }

    private static boolean isB64TokenChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    private static boolean hasQueryToken(String query) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0];
            try {
                // Decoded as the container would, so that %61ccess_token counts too.
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (name.equals("access_token")) {
                return true;
            }
        }
        return false;
    }
}
