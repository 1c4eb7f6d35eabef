package org.jwtauth.demo.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/** Talks to the demo over real HTTP, as the page or curl would. */
final class DemoClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    DemoClient(URI base) {
        this.base = base;
    }

    /** A response with its body parsed as a JSON object when it is one. */
    record Reply(int status, HttpResponse<String> raw, Map<String, Object> json) {

        String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }

        String string(String field) {
            Object value = json.get(field);
            return value == null ? null : value.toString();
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    /** The tokens of one token response. */
    record Tokens(String accessToken, String refreshToken, String accessTokenExpiration) {
    }

    Reply get(String path, String accessToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET().timeout(Duration.ofSeconds(30));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return send(request.build());
    }

    Reply postJson(String path, Map<String, ?> body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonUtil.toJson(body)))
                .timeout(Duration.ofSeconds(30))
                .build());
    }

    Reply login(String username, String password) throws IOException, InterruptedException {
        return postJson("auth/login", Map.of("username", username, "password", password));
    }

    Reply refresh(String accessToken, String refreshToken) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accessToken", accessToken);
        body.put("refreshToken", refreshToken);
        return postJson("auth/refresh", body);
    }

    /** Cookie mode: the refresh token as the browser would send it, in its cookie, beside the access token. */
    Reply refreshWithCookie(String accessToken, String cookie) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("auth/refresh"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + accessToken)
                .header("Cookie", "__Secure-jwtauth-refresh=" + cookie)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .timeout(Duration.ofSeconds(30))
                .build());
    }

    /** Cookie mode: the refresh token a token response set in its cookie. */
    static String refreshCookie(Reply reply) {
        return reply.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("__Secure-jwtauth-refresh="))
                .map(c -> c.substring("__Secure-jwtauth-refresh=".length()).split(";", 2)[0])
                .findFirst().orElseThrow(() -> new AssertionError("no refresh-token cookie in " + reply));
    }

    Reply logout(String refreshToken) throws IOException, InterruptedException {
        return postJson("auth/logout", Map.of("refreshToken", refreshToken));
    }

    static Tokens tokens(Reply reply) {
        if (reply.status() != 200) {
            throw new AssertionError("expected a token response, got " + reply);
        }
        return new Tokens(reply.string("accessToken"), reply.string("refreshToken"),
                reply.string("accessTokenExpiration"));
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Map<String, Object> json = Map.of();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("application/json") && !response.body().isEmpty()) {
            try {
                json = JsonUtil.parseJson(response.body());
            } catch (JoseException e) {
                throw new AssertionError("not JSON: " + response.body(), e);
            }
        }
        return new Reply(response.statusCode(), response, json);
    }
}
