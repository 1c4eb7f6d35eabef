package org.jwtauth.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /.well-known/jwks.json}: the public keys this application signs and verifies with, as a JWKS
 * (RFC 7517 section 5, media type of section 8.5), so other services can verify its tokens. Private members are
 * never written. With a shared secret (HS*) there is nothing to publish: 404.
 */
public final class JwksServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** Long enough to spare the server, short enough that a newly added key is seen well before it signs. */
    static final String CACHE_CONTROL = "public, max-age=300";

    private transient Optional<String> jwks;
    private transient String realm;

    @Override
    public void init() throws ServletException {
        JwtAuthComponents components = JwtAuthComponents.from(getServletContext());
        this.jwks = components.signingKeys.publishedJwks();
        this.realm = components.realm;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (jwks.isEmpty()) {
            ErrorWriter.write(response, realm, AuthErrors.NO_PUBLIC_KEYS);
            return;
        }
        byte[] body = jwks.get().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("application/jwk-set+json;charset=UTF-8");
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
