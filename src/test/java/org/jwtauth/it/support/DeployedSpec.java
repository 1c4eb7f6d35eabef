package org.jwtauth.it.support;

import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of a specification that runs in one container: {@link #deploy()} once before its tests, and
 * everything it registered with {@link #closeAfterAll} closed after them, last first, even when a test or the
 * deployment failed. See the package documentation for the two {@code @Nested} subclasses that choose the
 * container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DeployedSpec {

    private final ContainerKind kind;
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

    /** Runs in the given container. */
    protected DeployedSpec(ContainerKind kind) {
        this.kind = kind;
    }

    /** Runs in the container the concrete {@code @Nested} subclass is named after ({@code Jetty}, {@code Tomcat}). */
    protected DeployedSpec() {
        this.kind = ContainerKind.named(getClass().getSimpleName());
    }

    /** The container this instance runs in. */
    public ContainerKind kind() {
        return kind;
    }

    /**
     * Deploys the web apps (and whatever else) the tests share, registering each with {@link #closeAfterAll}.
     * Nothing by default, for a spec whose tests each deploy their own.
     */
    protected void deploy() throws Exception {
    }

    /** Closes {@code resource} after the last test; returns it. */
    protected final <T extends AutoCloseable> T closeAfterAll(T resource) {
        toClose.push(resource);
        return resource;
    }

    /** {@link DeployedApp#deploy} in this spec's container, closed after the last test. */
    protected final DeployedApp deploy(WebAppDirectory webApp, String contextPath, Users users) throws Exception {
        return closeAfterAll(DeployedApp.deploy(kind, webApp, contextPath, users));
    }

    @BeforeAll
    final void deployBeforeAll() throws Exception {
        deploy();
    }

    @AfterAll
    final void closeEverything() throws Exception {
        Exception failure = null;
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
