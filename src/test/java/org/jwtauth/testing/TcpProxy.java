package org.jwtauth.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy on an ephemeral port of 127.0.0.1 that a test puts between the application and its database, and
 * then cuts and restores like a failing network. Daemon threads only; it stops by itself after
 * {@link #MAX_LIFETIME_MILLIS} if a test forgets {@link #close()}.
 */
public final class TcpProxy implements AutoCloseable {

    static final long MAX_LIFETIME_MILLIS = 10 * 60 * 1000L;

    private enum Mode { FORWARD, HANG, RESET }

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final long deadline = System.currentTimeMillis() + MAX_LIFETIME_MILLIS;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicReference<byte[]> replyCutMarker = new AtomicReference<>();
    private volatile Mode mode = Mode.FORWARD;

    private TcpProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setSoTimeout(1000);
        daemon(this::acceptLoop, "test-proxy-accept-" + port()).start();
    }

    /** A proxy to {@code host:port}, forwarding from the start. */
    public static TcpProxy to(String host, int port) throws IOException {
        return new TcpProxy(new InetSocketAddress(host, port));
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code url} with its {@code host:port} replaced by this proxy's address. */
    public String rewrite(String url, String hostAndPort) {
        return url.replace(hostAndPort, "127.0.0.1:" + port());
    }

    /**
     * A black hole, like a network path that drops every packet: open connections stop moving, new ones are
     * accepted but never answered. Only the client's own timeouts get it out of a read.
     */
    public void cutHanging() {
        // Open connections freeze too: the pumps swallow every byte while the mode is HANG.
        mode = Mode.HANG;
    }

    /** A database that is down but whose host answers: every connection, open or new, is reset at once. */
    public void cutRefusing() {
        mode = Mode.RESET;
        closeAll();
    }

    /** New connections are forwarded again; whatever hung during the cut is closed (its client gave up on it). */
    public void restore() {
        closeAll();
        mode = Mode.FORWARD;
    }

    /**
     * The next connection whose client sends {@code marker} (e.g. "COMMIT") gets the bytes through to the
     * database, but from then on no reply comes back: the database has done the work, the client never learns it.
     */
    public void dropRepliesAfter(String marker) {
        replyCutMarker.set(marker.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() {
        closeQuietly(server);
        closeAll();
    }

    private void acceptLoop() {
        while (!server.isClosed() && System.currentTimeMillis() < deadline) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException timeoutOrClosed) {
                continue; // the 1 s accept timeout lets the loop notice close() and the deadline
            }
            handle(client);
        }
        close();
    }

    private void handle(Socket client) {
        Mode now = mode;
        if (now == Mode.RESET) {
            reset(client);
            return;
        }
        sockets.add(client);
        if (now == Mode.HANG) {
            return; // held open, never read: the client's bytes go nowhere
        }
        Socket upstream = new Socket();
        try {
            upstream.connect(target, 5000);
        } catch (IOException e) {
            closeQuietly(upstream);
            reset(client);
            return;
        }
        sockets.add(upstream);
        Connection connection = new Connection();
        daemon(() -> pump(client, upstream, connection, true), "test-proxy-up-" + port()).start();
        daemon(() -> pump(upstream, client, connection, false), "test-proxy-down-" + port()).start();
    }

    /** Per proxied connection: whether replies are dropped from now on. */
    private static final class Connection {
        volatile boolean repliesDropped;
    }

    private void pump(Socket from, Socket to, Connection connection, boolean clientToServer) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (mode == Mode.HANG) {
                    continue; // frozen: bytes are swallowed until the sockets are closed
                }
                if (clientToServer) {
                    byte[] marker = replyCutMarker.get();
                    if (marker != null && contains(buffer, n, marker) && replyCutMarker.compareAndSet(marker, null)) {
                        connection.repliesDropped = true;
                    }
                } else if (connection.repliesDropped) {
                    continue;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException closed) {
            // one side went away or the test cut the connection
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeAll() {
        for (Socket s : sockets) {
            closeQuietly(s);
            sockets.remove(s);
        }
    }

    private static boolean contains(byte[] data, int length, byte[] marker) {
        outer:
        for (int i = 0; i + marker.length <= length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (data[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0); // RST instead of FIN: the client sees "connection reset" at once
        } catch (IOException ignored) {
            // closing is what matters
        }
        closeQuietly(s);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // already closed
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
