package org.jwtauth.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jose4j.json.JsonUtil;

/** Writes the small JSON bodies of the endpoints with jose4j's JSON writer (no JSON library of our own). */
final class JsonWriter {

    private JsonWriter() {
    }

    static void write(HttpServletResponse response, Map<String, Object> body) throws IOException {
        byte[] bytes = JsonUtil.toJson(body).getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** RFC 6749 section 5.1: responses about credentials are never cached. */
    static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
    }
}
