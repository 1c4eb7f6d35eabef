package org.jwtauth.trusted;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GETs the configured JWKS URL: no redirects (a redirect could point anywhere), a size cap, never a URL taken
 * from a token (RFC 8725 section 3.10), and one bound on the whole fetch. {@link HttpURLConnection}'s timeouts
 * apply per connect and per read, and the name lookup has none, so a server trickling one byte at a time (or a
 * hanging DNS server) could hold the caller for as long as it liked; the fetch therefore runs in a short-lived
 * daemon thread that the caller stops waiting for at the timeout, closing its connection. Plain
 * {@code HttpURLConnection} starts no background threads of its own that would outlive the web application.
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

    /** The response body of a 200 answer, within the timeout for the whole fetch. */
    String fetch() throws IOException {
        Attempt attempt = new Attempt();
        FutureTask<String> task = new FutureTask<>(attempt);
        Thread thread = new Thread(task, "jwtauth-jwks-fetch");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            attempt.abandon();
            throw new IOException("no complete answer within " + timeoutMillis + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException) {
                throw (IOException) e.getCause();
            }
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            attempt.abandon();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching the JWKS");
        }
    }

    /** One GET, which the waiting thread can abandon: its connection is then closed, and a late one not opened. */
    private final class Attempt implements Callable<String> {
        private volatile boolean abandoned;
        private volatile HttpURLConnection connection;

        void abandon() {
            abandoned = true;
            HttpURLConnection open = connection;
            if (open != null) {
                // Closes the socket, so a read blocked in the worker fails and the thread ends.
                open.disconnect();
            }
        }

        @Override
        public String call() throws IOException {
            HttpURLConnection opened = (HttpURLConnection) uri.toURL().openConnection();
            connection = opened;
            if (abandoned) {
                return null;
            }
            return get(opened);
        }
    }

    private String get(HttpURLConnection connection) throws IOException {
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
