package org.jwtauth.it.support;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The parent class loader a web app gets in the embedded containers: the test JVM's class path without SLF4J.
 * A stock Tomcat has no SLF4J at all, and a stock Jetty's is of no use to a web app that brings its own
 * {@code slf4j-api} (the library does: jose4j needs it); but the test class path holds {@code slf4j-api} and
 * {@code slf4j-simple} for the containers' own logging, and without this a web app's SLF4J would find
 * slf4j-simple's service file there. So SLF4J is only what the web app has in {@code WEB-INF/lib}, as deployed.
 */
final class StockServerClassLoader extends URLClassLoader {

    private static final String HIDDEN_PACKAGE = "org.slf4j.";
    private static final String HIDDEN_FOLDER = "org/slf4j/";
    private static final String HIDDEN_SERVICES = "META-INF/services/org.slf4j.";

    StockServerClassLoader(ClassLoader parent) {
        // A URLClassLoader (of no URLs of its own): Tomcat then reads its parent's class path as usual.
        super("stock-server", new URL[0], parent);
    }

    /** The one for web apps of this test JVM. */
    static ClassLoader forWebApps() {
        return new StockServerClassLoader(StockServerClassLoader.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(HIDDEN_PACKAGE)) {
            throw new ClassNotFoundException(name + " (the container gives its web apps no SLF4J)");
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return hidden(name) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return hidden(name) ? Collections.emptyEnumeration() : super.getResources(name);
    }

    private static boolean hidden(String name) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        return path.startsWith(HIDDEN_FOLDER) || path.startsWith(HIDDEN_SERVICES);
    }
}
