package org.jwtauth.trusted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** The whole fetch is bounded, not each read: a server that trickles its answer cannot hold a request thread. */
class JwksFetcherTest {

    @Test
    void fetchWhenTheServerAnswersThenTheBody() throws Exception {
        String body = "{\"keys\":[]}";
        try (TricklingServer server = new TricklingServer(body, 0)) {
            assertEquals(body, new JwksFetcher(server.uri(), Duration.ofSeconds(5)).fetch());
        }
    }

    @Test
    void fetchWhenTheServerTricklesOneByteAtATimeThenGivesUpAtTheTimeoutForTheWholeFetch() throws Exception {
        // 200 bytes at one every 200 ms: each read returns within the timeout, the whole answer takes 40 s.
        try (TricklingServer server = new TricklingServer(" ".repeat(190) + "{\"keys\":[]}", 200)) {
            JwksFetcher fetcher = new JwksFetcher(server.uri(), Duration.ofSeconds(1));

            assertThrows(IOException.class, fetcher::fetch);
            assertFalse(server.sentEverything.get(), "gave up before the server finished its answer");
        }
    }

    /** One connection at a time: an HTTP/1.0 200 answer whose body goes out one byte per {@code delayMillis}. */
    private static final class TricklingServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        final AtomicBoolean sentEverything = new AtomicBoolean();
        private final Thread thread;

        TricklingServer(String body, long delayMillis) throws IOException {
            thread = new Thread(() -> serve(body.getBytes(StandardCharsets.UTF_8), delayMillis), "trickling-jwks");
            thread.setDaemon(true);
            thread.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/jwks");
        }

        private void serve(byte[] body, long delayMillis) {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    client.getInputStream().read(new byte[4096]);
                    OutputStream out = client.getOutputStream();
                    out.write(("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    for (byte b : body) {
                        Thread.sleep(delayMillis);
                        out.write(b);
                        out.flush();
                    }
                    sentEverything.set(true);
                } catch (IOException e) {
                    // the client went away, or the socket was closed
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            thread.interrupt();
        }
    }
}
