package org.jwtauth.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jose4j.json.JsonUtil;

/** Writes a small JSON object; jose4j (already in WEB-INF/lib for the tokens) does the encoding. */
final class JsonResponse {

    private JsonResponse() {
    }

    static void write(HttpServletResponse response, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JsonUtil.toJson(body).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        // Personal data: not for shared caches or the browser's back/forward cache.
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
