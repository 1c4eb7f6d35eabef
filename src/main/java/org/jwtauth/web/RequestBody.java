package org.jwtauth.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    /** Tomcat's request attribute for a parameter parse that failed (Globals.PARAMETER_PARSE_FAILED_ATTR). */
    static final String TOMCAT_PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";

    private final Map<String, ?> json;
    private final HttpServletRequest form;
    private final QueryParameters query;

    private RequestBody(Map<String, ?> json, HttpServletRequest form, QueryParameters query) {
        this.json = json;
        this.form = form;
        this.query = query;
    }

    /** The body only: the query string is never read, and one that names a credential is refused. */
    static RequestBody read(HttpServletRequest request) throws IOException, RejectedRequest {
        QueryParameters query = QueryParameters.of(request.getQueryString());
        if (query.carriesCredentials()) {
            throw new RejectedRequest(AuthErrors.CREDENTIALS_IN_URL);
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        String mediaType = type.split(";", 2)[0].trim();
        if (mediaType.equals("application/x-www-form-urlencoded")) {
            if (request.getContentLengthLong() > Fields.MAX_BODY_BYTES) {
                throw tooLarge(request.getInputStream());
            }
            return new RequestBody(null, request, query);
        }
        if (!mediaType.equals("application/json")) {
            throw new RejectedRequest(AuthErrors.UNSUPPORTED_MEDIA_TYPE);
        }
        String text = readLimited(request.getInputStream());
        try {
            return new RequestBody(JsonUtil.parseJson(text), null, query);
        } catch (JoseException | RuntimeException | StackOverflowError e) {
            throw new RejectedRequest(AuthErrors.MALFORMED_BODY);
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
                throw new RejectedRequest(AuthErrors.MALFORMED_BODY);
            }
            value = values == null ? null : values[0];
        }
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String) || ((String) value).length() > maxLength) {
            throw new RejectedRequest(AuthErrors.MALFORMED_BODY);
        }
        return Optional.of((String) value);
    }

    String requiredString(String name, int maxLength) throws RejectedRequest {
        return string(name, maxLength).filter(s -> !s.isEmpty()).orElseThrow(() -> new RejectedRequest(
                AuthErrors.missingField(name)));
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
        throw new RejectedRequest(AuthErrors.MALFORMED_BODY);
    }

    /**
     * The body's values of {@code name}: the container's, without those of the query string, which it lists first.
     * The container parses the form on first access and refuses what breaks its own limits (a chunked body
     * beyond Jetty's maxFormContentSize, too many fields) with a runtime exception: a malformed request, not a 500.
     * Tomcat 9 and 10.0 instead keep the fields before their maxParameterCount, drop the rest and flag the request
     * with {@link #TOMCAT_PARSE_FAILED} (what Tomcat's FailedRequestFilter reads): a form only half read is refused
     * alike, rather than acted on.
     */
    private String[] formValues(String name) throws RejectedRequest {
        String[] all;
        try {
            all = form.getParameterValues(name);
        } catch (RuntimeException e) {
            throw new RejectedRequest(AuthErrors.MALFORMED_BODY);
        }
        if (form.getAttribute(TOMCAT_PARSE_FAILED) != null) {
            throw new RejectedRequest(AuthErrors.MALFORMED_BODY);
        }
        int inQuery = query.count(name);
        if (all == null || inQuery == 0) {
            return all;
        }
        return all.length <= inQuery ? null : Arrays.copyOfRange(all, inQuery, all.length);
    }

    private static RejectedRequest tooLarge(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long drained = 0;
        int n;
        while (drained < Fields.MAX_DRAINED_BYTES && (n = in.read(buffer)) != -1) {
            drained += n;
        }
        return new RejectedRequest(AuthErrors.MALFORMED_BODY);
    }

    private static String readLimited(InputStream in) throws IOException, RejectedRequest {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > Fields.MAX_BODY_BYTES) {
                throw tooLarge(in);
            }
            out.write(buffer, 0, n);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }
}
