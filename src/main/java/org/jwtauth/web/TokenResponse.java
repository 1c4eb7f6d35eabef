package org.jwtauth.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jwtauth.refresh.IssuedRefreshToken;
import org.jwtauth.token.IssuedAccessToken;

/** The successful answer of login and refresh (design section 3; RFC 6749 section 5.1 for the headers). */
final class TokenResponse {

    private TokenResponse() {
    }

    /** In cookie mode the refresh token goes into its cookie and is left out of the body. */
    static void write(HttpServletResponse response, IssuedAccessToken access, IssuedRefreshToken refresh,
                      JwtAuthComponents components) throws IOException {
        Clock clock = components.clock;
        // Whole seconds, like the JWT's NumericDate (RFC 7519 section 2): a client compares them with exp.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant refreshExpiresAt = refresh.expiresAt().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new LinkedHashMap<>();
        // The first three names come from the original design and are kept for its clients.
        body.put("accessToken", access.token());
        body.put("accessTokenExpiration", DateTimeFormatter.ISO_INSTANT.format(access.expiresAt()));
        if (!components.refreshCookie.enabled()) {
            body.put("refreshToken", refresh.token());
        }
        body.put("refreshTokenExpiration", DateTimeFormatter.ISO_INSTANT.format(refreshExpiresAt));
        body.put("tokenType", "Bearer");
        body.put("expiresIn", Math.max(0, Duration.between(now, access.expiresAt()).getSeconds()));
        response.setStatus(HttpServletResponse.SC_OK);
        JsonWriter.noStore(response);
        components.refreshCookie.set(response, refresh, clock);
        JsonWriter.write(response, body);
    }
}
