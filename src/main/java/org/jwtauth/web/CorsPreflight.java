package org.jwtauth.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A CORS preflight (Fetch standard, section 3.2.2 "CORS-preflight request"): an {@code OPTIONS} request with
 * {@code Origin} and {@code Access-Control-Request-Method}. Browsers send it without credentials, so the filter
 * lets it reach the application's CORS filter unauthenticated. Anyone can send these headers, so a resource
 * reached by a preflight must answer it without doing anything on the caller's behalf; any other
 * {@code OPTIONS} is authenticated like any request.
 */
final class CorsPreflight {

    private CorsPreflight() {
    }

    static boolean is(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
    }
}
