package org.jwtauth.trusted;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * GETs the configured JWKS URL: connect and read timeouts, no redirects (a redirect could point anywhere), a size
 * cap, and never a URL taken from a token (RFC 8725 section 3.10). Plain {@link HttpURLConnection} starts no
 * background threads that would outlive the web application.
 */
class JwksFetcher {

    /** A JWKS of a few dozen keys is a few tens of KB. */
    static final int MAX_BYTES = 256 * 1024;

    private final URI uri;
    private final int timeoutMillis;

    JwksFetcher(URI uri, Duration timeout) {
        this.uri = uri;
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }

    /** The response body of a 200 answer. */
    String fetch() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(timeoutMillis);
            connection.setReadTimeout(timeoutMillis);
            connection.setUseCaches(false);
            connection.setRequestProperty("Accept", "application/jwk-set+json, application/json");
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new IOException("HTTP status " + status);
            }
            try (InputStream in = connection.getInputStream()) {
                return new String(readCapped(in), StandardCharsets.UTF_8);
            }
        } finally {
            connection.disconnect();
        }
    }

    URI uri() {
        return uri;
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > MAX_BYTES) {
                throw new IOException("JWKS larger than " + MAX_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
