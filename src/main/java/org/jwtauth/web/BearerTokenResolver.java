package org.jwtauth.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds the bearer token of a request (RFC 6750 section 2.1). Only the {@code Authorization} header is
 * accepted: tokens in URLs end up in access logs and browser history (RFC 6750 section 5.3), so a query
 * parameter {@code access_token} makes the request malformed rather than being read.
 */
final class BearerTokenResolver {

    private static final String SCHEME = "bearer";

    /** What the request carries. */
    static final class Resolution {
        private static final Resolution NONE = new Resolution(null, false);
        private static final Resolution MALFORMED = new Resolution(null, true);

        private final String token;
        private final boolean malformed;

        private Resolution(String token, boolean malformed) {
            this.token = token;
            this.malformed = malformed;
        }

        boolean isAbsent() {
            return token == null && !malformed;
        }

        boolean isMalformed() {
            return malformed;
        }

        String token() {
            return token;
        }
    }

    Resolution resolve(HttpServletRequest request) {
        if (hasQueryToken(request.getQueryString())) {
            return Resolution.MALFORMED;
        }
        List<String> headers = Collections.list(request.getHeaders("Authorization"));
        if (headers.isEmpty()) {
            return Resolution.NONE;
        }
        if (headers.size() > 1) {
            return Resolution.MALFORMED;
        }
        String header = headers.get(0).trim();
        if (header.isEmpty()) {
            // An Authorization header without credentials is a broken client, not an anonymous one.
            return Resolution.MALFORMED;
        }
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        // RFC 7235 section 2.1: the scheme is case-insensitive. Another scheme (Basic, ...) is "no bearer token".
        if (!scheme.toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return Resolution.NONE;
        }
        String token = space < 0 ? "" : header.substring(space + 1).trim();
        return isB64Token(token) ? new Resolution(token, false) : Resolution.MALFORMED;
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
