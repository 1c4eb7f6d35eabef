package org.jwtauth.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The one place that writes error responses (bodies through {@link JsonWriter}): the RFC 6750 section 3 {@code WWW-Authenticate} challenge for
 * protected resources and the RFC 6749 section 5.2 JSON body for the token endpoints.
 */
final class ErrorWriter {

    private ErrorWriter() {
    }

    /**
     * Writes {@code error}: for a challenge, the {@code WWW-Authenticate: Bearer} header of RFC 6750 section 3;
     * and the JSON body whenever there is an error code.
     */
    static void write(HttpServletResponse response, String realm, OAuthError error) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (error.isChallenge()) {
            StringBuilder challenge = new StringBuilder("Bearer realm=").append(quoted(realm));
            error.code().ifPresent(code -> challenge.append(", error=").append(quoted(code)));
            error.description().ifPresent(d -> challenge.append(", error_description=").append(quoted(d)));
            response.setHeader("WWW-Authenticate", challenge.toString());
        }
        response.setStatus(error.status());
        error.headers().forEach(response::setHeader);
        JsonWriter.noStore(response);
        if (error.code().isEmpty()) {
            response.setContentLength(0);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.code().get());
        error.description().ifPresent(d -> body.put("error_description", d));
        JsonWriter.write(response, body);
    }

    /** RFC 7230 section 3.2.6 quoted-string. */
    private static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            // Control characters would break the header; drop them.
            if (c >= 0x20 && c != 0x7f) {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
