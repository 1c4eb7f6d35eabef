package org.jwtauth.it.support;

import java.net.URI;

/**
 * An embedded servlet container serving one web app on an ephemeral port of 127.0.0.1.
 * One instance per deployment; it is not reusable after {@link #stop()}.
 */
public interface Container extends AutoCloseable {

    /** "Jetty" or "Tomcat", for messages. */
    String name();

    /**
     * Starts the server with {@code users} in its realm and deploys {@code webApp} at
     * {@code contextPath} ("/app"; "" or "/" for the root context).
     *
     * @return the web app's base URI, ending with "/"
     * @throws IllegalStateException if the web app failed to start (e.g. a listener threw)
     */
    URI start(WebAppDirectory webApp, String contextPath, Users users) throws Exception;

    /**
     * Deploys a further web app beside the started one, in the same server and realm, as a second WAR in
     * {@code webapps/}; it is stopped with the server.
     *
     * @return its base URI, ending with "/"
     */
    URI add(WebAppDirectory webApp, String contextPath) throws Exception;

    /** Stops and removes the web app; the server keeps running (requests then get 404). */
    void undeploy() throws Exception;

    /**
     * Undeploys the web app and deploys it again from the same directory, as a WAR redeploy does: the context,
     * its temporary directory and its class loader are new.
     */
    void redeploy() throws Exception;

    /**
     * Stops and starts the same web app on the same port, with a fresh class loader, like a
     * redeploy or a reload from a manager application.
     */
    void restartWebApp() throws Exception;

    /** Stops the web app (if still deployed) and the server, releasing the port and threads. */
    void stop() throws Exception;

    @Override
    default void close() throws Exception {
        stop();
    }

    /** Normalised context path: "" for the root, else "/name" without a trailing slash. */
    static String normalise(String contextPath) {
        String path = contextPath == null ? "" : contextPath.trim();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (!path.isEmpty() && !path.startsWith("/")) {
            path = "/" + path;
        }
        return path;
    }
}
