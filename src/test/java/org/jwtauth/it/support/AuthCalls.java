package org.jwtauth.it.support;

import java.net.URI;

/** The library's endpoints as a client calls them, on one deployed web app. */
public final class AuthCalls {

    private final Http http = new Http();
    private final URI base;

    public AuthCalls(URI baseUri) {
        this.base = baseUri;
    }

    public HttpResult login(String username, String password) {
        return http.postJson(base.resolve("auth/login"),
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    public HttpResult refresh(String accessToken, String refreshToken) {
        return http.postJson(base.resolve("auth/refresh"),
                "{\"accessToken\":\"" + accessToken + "\",\"refreshToken\":\"" + refreshToken + "\"}");
    }

    public HttpResult logout(String refreshToken) {
        return http.postJson(base.resolve("auth/logout"), "{\"refreshToken\":\"" + refreshToken + "\"}");
    }

    /** GET of a protected application URL with the access token. */
    public HttpResult api(String path, String accessToken) {
        return http.get(base.resolve(path.startsWith("/") ? path.substring(1) : path),
                "Authorization", "Bearer " + accessToken);
    }

    /** A token response's field. */
    public static String field(HttpResult tokenResponse, String name) {
        Object value = tokenResponse.json().get(name);
        if (value == null) {
            throw new AssertionError("no " + name + " in " + tokenResponse);
        }
        return value.toString();
    }
}
