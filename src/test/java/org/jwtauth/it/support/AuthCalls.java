package org.jwtauth.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.jwtauth.testing.JoseText;

/**
 * The library's endpoints as a client calls them, on one deployed web app: the raw calls answer the
 * {@link HttpResult} whatever it is; {@link #loggedIn} and {@link #refreshed} are the common steps of a test
 * and fail unless they succeed.
 */
public final class AuthCalls {

    /** The tokens of a successful login or refresh, and the whole response body. */
    public record Tokens(String access, String refresh, Map<String, Object> json) {

        /** The access token's claims, read without verifying it. */
        public Map<String, Object> accessClaims() {
            try {
                return JsonUtil.parseJson(JoseText.decode(access.split("\\.")[1]));
            } catch (JoseException | RuntimeException e) {
                throw new AssertionError("Not a JWT: " + access, e);
            }
        }

        /** The response's {@code accessTokenExpiration}. */
        public Instant accessExpiration() {
            return Instant.parse((String) json.get("accessTokenExpiration"));
        }
    }

    private final Http http = new Http();
    private final URI base;

    public AuthCalls(URI baseUri) {
        this.base = baseUri;
    }

    public static AuthCalls on(DeployedApp app) {
        return new AuthCalls(app.baseUri());
    }

    public HttpResult login(String username, String password) {
        return http.postJson(base.resolve("auth/login"), json("username", username, "password", password));
    }

    /** Login with an {@code application/x-www-form-urlencoded} body. */
    public HttpResult loginForm(String username, String password) {
        return http.post(base.resolve("auth/login"), "username=" + form(username) + "&password=" + form(password),
                "Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
    }

    public HttpResult refresh(String accessToken, String refreshToken) {
        return http.postJson(base.resolve("auth/refresh"),
                json("accessToken", accessToken, "refreshToken", refreshToken));
    }

    /** Refresh with the access token in the Authorization header instead of the body. */
    public HttpResult refreshWithBearer(String accessToken, String refreshToken) {
        return http.postJson(base.resolve("auth/refresh"), json("refreshToken", refreshToken),
                "Authorization", "Bearer " + accessToken);
    }

    public HttpResult logout(String refreshToken) {
        return http.postJson(base.resolve("auth/logout"), json("refreshToken", refreshToken));
    }

    /** Logout with an {@code application/x-www-form-urlencoded} body. */
    public HttpResult logoutForm(String refreshToken) {
        return http.post(base.resolve("auth/logout"), "refreshToken=" + form(refreshToken),
                "Content-Type", "application/x-www-form-urlencoded");
    }

    /** Logout of every device of the caller the access token names. */
    public HttpResult logoutAllDevices(String accessToken) {
        return http.postJson(base.resolve("auth/logout"), "{\"allDevices\":true}",
                "Authorization", "Bearer " + accessToken);
    }

    /** GET of a protected application URL with the access token. */
    public HttpResult api(String path, String accessToken) {
        return http.get(base.resolve(path.startsWith("/") ? path.substring(1) : path),
                "Authorization", "Bearer " + accessToken);
    }

    /** A login that must succeed. */
    public Tokens loggedIn(String username, String password) {
        return tokens(login(username, password));
    }

    /** A refresh of {@code tokens} that must succeed. */
    public Tokens refreshed(Tokens tokens) {
        return tokens(refresh(tokens.access(), tokens.refresh()));
    }

    /** The tokens of a response that must be a successful token response. */
    public static Tokens tokens(HttpResult result) {
        assertEquals(200, result.status(), result::toString);
        return new Tokens(field(result, "accessToken"), field(result, "refreshToken"), result.json());
    }

    /** A token response's field. */
    public static String field(HttpResult tokenResponse, String name) {
        Object value = tokenResponse.json().get(name);
        if (value == null) {
            throw new AssertionError("no " + name + " in " + tokenResponse);
        }
        return value.toString();
    }

    private static String json(String... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return JsonUtil.toJson(body);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
