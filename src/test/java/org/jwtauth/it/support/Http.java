package org.jwtauth.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Plain HTTP/1.1 requests over {@link HttpClient}: no redirects followed, no cookies kept, so
 * every response is exactly what the server sent. Headers are given as name/value pairs:
 * {@code http.post(uri, json, "Content-Type", "application/json")}.
 *
 * <p>HttpClient refuses restricted headers (Host, Content-Length, ...), values with CR/LF, and
 * may merge repeated headers; use {@link RawHttp} for such requests.
 */
public final class Http {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    public HttpResult get(URI uri, String... headers) {
        return send("GET", uri, null, headers);
    }

    public HttpResult post(URI uri, String body, String... headers) {
        return send("POST", uri, body, headers);
    }

    /** POST with {@code Content-Type: application/json}. */
    public HttpResult postJson(URI uri, String json, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return post(uri, json, all);
    }

    public HttpResult options(URI uri, String... headers) {
        return send("OPTIONS", uri, null, headers);
    }

    /** Any method, with an optional body (null for none). */
    public HttpResult send(String method, URI uri, String body, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("Headers must be name/value pairs");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new HttpResult(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " " + uri + " interrupted", e);
        }
    }
}
