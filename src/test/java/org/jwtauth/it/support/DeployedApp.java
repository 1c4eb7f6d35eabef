package org.jwtauth.it.support;

import java.net.URI;

/**
 * A web app running in one container, with an HTTP client pointed at it. Typical use in a
 * test class's {@code @BeforeAll}: {@code app = DeployedApp.deploy(kind, webApp, "/app", users)}
 * and {@code app.close()} in {@code @AfterAll}.
 */
public final class DeployedApp implements AutoCloseable {

    private final ContainerKind kind;
    private final Container container;
    private final URI baseUri;
    private final Http http = new Http();
    /** False for a web app {@link #beside} another: the container is the other's to stop. */
    private final boolean ownsContainer;

    private DeployedApp(ContainerKind kind, Container container, URI baseUri, boolean ownsContainer) {
        this.kind = kind;
        this.container = container;
        this.baseUri = baseUri;
        this.ownsContainer = ownsContainer;
    }

    public static DeployedApp deploy(ContainerKind kind, WebAppDirectory webApp, String contextPath, Users users)
            throws Exception {
        Container container = kind.create();
        try {
            return new DeployedApp(kind, container, container.start(webApp, contextPath, users), true);
        } catch (Exception | Error e) {
            // A failed start must not leave a server and its threads behind for the next test.
            try {
                container.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** A second web app in this one's container (same server, same realm), stopped when this one is closed. */
    public DeployedApp beside(WebAppDirectory webApp, String contextPath) throws Exception {
        return new DeployedApp(kind, container, container.add(webApp, contextPath), false);
    }

    public ContainerKind kind() {
        return kind;
    }

    public Container container() {
        return container;
    }

    /** The web app's base URI, ending with "/". */
    public URI baseUri() {
        return baseUri;
    }

    /** A URI inside the web app: {@code uri("/auth/login")} or {@code uri("api/x?a=b")}. */
    public URI uri(String path) {
        return baseUri.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public Http http() {
        return http;
    }

    /** A raw HTTP/1.1 sender to this server, for requests HttpClient refuses to send. */
    public RawHttp raw() {
        return new RawHttp(baseUri.getHost(), baseUri.getPort());
    }

    @Override
    public void close() throws Exception {
        if (ownsContainer) {
            container.stop();
        }
    }

    @Override
    public String toString() {
        return container.name() + " " + baseUri;
    }
}
