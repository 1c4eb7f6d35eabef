package org.jwtauth.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /jwtauth/jwtauth.js} and {@code /jwtauth/jwtauth.mjs}: the browser client, from the JAR (design
 * section 11). A servlet at an exact path rather than a {@code META-INF/resources} file, which the container's
 * default servlet would serve only while no application servlet takes {@code /} or {@code /*}. The init-param
 * {@code module=true} serves the ES module: the same script followed by its exports, so there is one source.
 * Read once at start-up; answered with {@code Cache-Control: no-cache} and an ETag (RFC 9111 section 5.2.2.4,
 * RFC 9110 section 13.1.2), so a browser revalidates cheaply and a redeployed JAR's script is used at once.
 */
public final class BrowserScriptServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String SCRIPT = "org/jwtauth/web/jwtauth.js";
    /**
     * The classic script sets {@code globalThis.JwtAuth}; as a module it knows no {@code document.currentScript},
     * so the token endpoints are found from the module's own URL instead.
     */
    static final String MODULE_EXPORTS = "\nconst JwtAuth = globalThis.JwtAuth;\n"
            + "JwtAuth.configure({ basePath: new URL('../auth/', import.meta.url).pathname });\n"
            + "export default JwtAuth;\n";

    private transient byte[] body;
    private transient String etag;

    @Override
    public void init() throws ServletException {
        String script = read();
        if (Boolean.parseBoolean(getInitParameter("module"))) {
            script = script + MODULE_EXPORTS;
        }
        body = script.getBytes(StandardCharsets.UTF_8);
        etag = "\"" + digest(body) + "\"";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (matches(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        // RFC 9239: text/javascript for classic scripts and modules alike.
        response.setContentType("text/javascript;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** RFC 9110 section 13.1.2: a list of entity tags, or {@code *}; weak comparison suffices for GET. */
    private boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String read() throws ServletException {
        try (InputStream in = BrowserScriptServlet.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new ServletException("jwt-servlet-auth: " + SCRIPT + " is missing from the JAR");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ServletException("jwt-servlet-auth: cannot read " + SCRIPT, e);
        }
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
