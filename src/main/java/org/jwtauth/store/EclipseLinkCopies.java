package org.jwtauth.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.jwtauth.config.EnvironmentException;

/**
 * Refuses a class loader that holds two EclipseLink versions. A host application with EclipseLink 2.x or 3.x in
 * WEB-INF/lib puts the same {@code org.eclipse.persistence} packages beside the library's EclipseLink 4 in one class
 * loader, which then takes each class from whichever JAR comes first: the store might work, fail deep inside
 * EclipseLink, or corrupt the host's sessions, depending on the JAR order. Every EclipseLink core JAR (and the
 * 2.x all-in-one {@code eclipselink.jar}) holds {@code org/eclipse/persistence/Version.class}; each copy's version
 * is its JAR's {@code Bundle-Version}.
 */
public final class EclipseLinkCopies {

    private static final String VERSION_CLASS = "org/eclipse/persistence/Version.class";
    /** The major version the library is built and tested with. */
    private static final String OURS = "4.";

    private EclipseLinkCopies() {
    }

    /** @throws EnvironmentException naming both versions and their JARs when {@code loader} sees two versions */
    public static void requireOne(ClassLoader loader) {
        // The same JAR may be seen twice (WEB-INF/lib and a parent loader): one name per version and JAR.
        Map<String, Set<String>> jarsByVersion = new LinkedHashMap<>();
        for (URL copy : copies(loader)) {
            jarsByVersion.computeIfAbsent(version(copy), v -> new LinkedHashSet<>()).add(jarName(copy));
        }
        if (jarsByVersion.size() < 2) {
            return;
        }
        List<String> found = new ArrayList<>();
        jarsByVersion.forEach((version, jars) -> found.add(version + " (" + String.join(", ", jars)
                + (version.startsWith(OURS) ? ", the one jwt-servlet-auth needs" : "") + ")"));
        throw new EnvironmentException("the application's class loader sees two versions of EclipseLink"
                + " (org.eclipse.persistence): " + String.join(" and ", found) + ". One class loader cannot hold"
                + " both: each class would come from whichever JAR is found first. jwt-servlet-auth needs EclipseLink"
                + " 4.0 (Jakarta Persistence 3.1). Either move the application to EclipseLink 4.0 and keep only one"
                + " set of org.eclipse.persistence JARs in WEB-INF/lib, or leave jwt-servlet-auth out of this"
                + " application (see the README, install).");
    }

    private static List<URL> copies(ClassLoader loader) {
        try {
            return Collections.list(loader.getResources(VERSION_CLASS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the EclipseLink JARs of the application", e);
        }
    }

    /** The copy's Bundle-Version without its build qualifier ("4.0.8"), or "unknown version". */
    static String version(URL copy) {
        try {
            URLConnection connection = copy.openConnection();
            if (connection instanceof JarURLConnection) {
                // Not cached: a cached JarFile would keep the JAR open (and locked on Windows) after undeploy.
                connection.setUseCaches(false);
                try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
                    Manifest manifest = jar.getManifest();
                    String version = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-Version");
                    if (version != null) {
                        return version.replaceFirst("^(\\d+\\.\\d+\\.\\d+).*$", "$1");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Fall through: the JAR is still named in the message.
        }
        return "unknown version";
    }

    /** The JAR's file name ("org.eclipse.persistence.core-3.0.4.jar"), from the resource's URL. */
    static String jarName(URL copy) {
        String text = copy.toString();
        int bang = text.lastIndexOf("!/");
        String jar = bang < 0 ? text : text.substring(0, bang);
        return jar.substring(jar.lastIndexOf('/') + 1);
    }
}
