package org.jwtauth.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * The small body of a token endpoint: a JSON object, or {@code application/x-www-form-urlencoded} with the same
 * names (RFC 6749 section 4.1.3 uses forms). Sizes are bounded before anything is parsed.
 */
final class RequestBody {

    static final int MAX_BYTES = 16 * 1024;
    /**
     * How much of an oversized body is still read (and discarded) before answering. A server that answers and
     * closes while the client is still sending makes the client see a reset instead of the 400; reading a
     * moderately oversized body to its end lets the answer arrive. Beyond this, abuse gets the reset.
     */
    static final int MAX_DRAINED_BYTES = 1024 * 1024;

    private static final OAuthError UNSUPPORTED = OAuthError.of(415, OAuthError.INVALID_REQUEST,
            "The body must be application/json or application/x-www-form-urlencoded");
    private static final OAuthError MALFORMED = OAuthError.of(400, OAuthError.INVALID_REQUEST,
            "The body is not a valid JSON object of the expected fields");

    private final Map<String, ?> json;
    private final HttpServletRequest form;

    private RequestBody(Map<String, ?> json, HttpServletRequest form) {
        this.json = json;
        this.form = form;
    }

    static RequestBody read(HttpServletRequest request) throws IOException, RejectedRequest {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        String mediaType = type.split(";", 2)[0].trim();
        if (mediaType.equals("application/x-www-form-urlencoded")) {
            if (request.getContentLengthLong() > MAX_BYTES) {
                throw tooLarge(request.getInputStream());
            }
            return new RequestBody(null, request);
        }
        if (!mediaType.equals("application/json")) {
            throw new RejectedRequest(UNSUPPORTED);
        }
        String text = readLimited(request.getInputStream());
        try {
            return new RequestBody(JsonUtil.parseJson(text), null);
        } catch (JoseException | RuntimeException | StackOverflowError e) {
            throw new RejectedRequest(MALFORMED);
        }
    }

    /** A string field, or empty when absent; a field of another type (or repeated in a form) is malformed. */
    Optional<String> string(String name, int maxLength) throws RejectedRequest {
        Object value;
        if (json != null) {
            value = json.get(name);
        } else {
            String[] values = formValues(name);
            if (values != null && values.length > 1) {
                throw new RejectedRequest(MALFORMED);
            }
            value = values == null ? null : values[0];
        }
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String) || ((String) value).length() > maxLength) {
            throw new RejectedRequest(MALFORMED);
        }
        return Optional.of((String) value);
    }

    String requiredString(String name, int maxLength) throws RejectedRequest {
        return string(name, maxLength).filter(s -> !s.isEmpty()).orElseThrow(() -> new RejectedRequest(
                OAuthError.of(400, OAuthError.INVALID_REQUEST, "A required field is missing: " + name)));
    }

    /** {@code true}/{@code false} as a JSON boolean or the form strings; absent is false. */
    boolean flag(String name) throws RejectedRequest {
        Object value;
        if (json != null) {
            value = json.get(name);
        } else {
            String[] values = formValues(name);
            value = values == null ? null : values[0];
        }
        if (value == null || Boolean.FALSE.equals(value) || "false".equals(value)) {
            return false;
        }
        if (Boolean.TRUE.equals(value) || "true".equals(value)) {
            return true;
        }
        throw new RejectedRequest(MALFORMED);
    }

    /**
     * The container parses the form on first access and refuses what breaks its own limits (a chunked body
     * beyond Jetty's maxFormContentSize, too many fields) with a runtime exception: a malformed request, not a 500.
     */
    private String[] formValues(String name) throws RejectedRequest {
        try {
            return form.getParameterValues(name);
        } catch (RuntimeException e) {
            throw new RejectedRequest(MALFORMED);
        }
    }

    private static RejectedRequest tooLarge(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long drained = 0;
        int n;
        while (drained < MAX_DRAINED_BYTES && (n = in.read(buffer)) != -1) {
            drained += n;
        }
        return new RejectedRequest(MALFORMED);
    }

    private static String readLimited(InputStream in) throws IOException, RejectedRequest {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > MAX_BYTES) {
                throw tooLarge(in);
            }
            out.write(buffer, 0, n);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }
}
