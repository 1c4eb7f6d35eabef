package org.jwtauth.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build outputs the integration tests deploy, as passed by failsafe in system properties.
 * The tests deploy the packaged JAR (not target/classes) because that is what a user copies
 * into WEB-INF/lib; so they must run after {@code package}.
 */
public final class ItBuild {

    static final String JAR_PROPERTY = "jwtauth.it.jar";
    static final String LIB_PROPERTY = "jwtauth.it.lib";
    static final String TEST_CLASSES_PROPERTY = "jwtauth.it.testClasses";

    private ItBuild() {
    }

    /** The packaged library JAR. */
    public static Path libraryJar() {
        Path jar = path(JAR_PROPERTY);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The library JAR " + jar + " (system property " + JAR_PROPERTY
                    + ") does not exist: integration tests deploy the packaged JAR, run them with"
                    + " 'mvn verify' (after the package phase), not from target/classes.");
        }
        return jar;
    }

    /** The folder holding the library's runtime dependencies (copied at {@code package}). */
    public static Path dependencyDir() {
        Path dir = path(LIB_PROPERTY);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("The dependency folder " + dir + " (system property " + LIB_PROPERTY
                    + ") does not exist: it is filled by maven-dependency-plugin at the package phase.");
        }
        return dir;
    }

    /** Hibernate ORM and the JARs it needs beyond the library's: a host application's own JPA provider. */
    public static Path hostHibernateDir() {
        return directory("jwtauth.it.hostHibernate", "maven-dependency-plugin (execution host-hibernate)");
    }

    /** An EclipseLink core JAR of an older major version than the library's, as a host application may carry. */
    public static Path hostEclipseLinkDir() {
        return directory("jwtauth.it.hostEclipseLink", "maven-dependency-plugin (execution host-eclipselink)");
    }

    private static Path directory(String property, String filledBy) {
        Path dir = path(property);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("The folder " + dir + " (system property " + property
                    + ") does not exist: it is filled by " + filledBy + " at the package phase.");
        }
        return dir;
    }

    /** Compiled test classes, from which application classes are copied into WEB-INF/classes. */
    public static Path testClasses() {
        Path dir = path(TEST_CLASSES_PROPERTY);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Test classes folder " + dir + " (system property "
                    + TEST_CLASSES_PROPERTY + ") does not exist.");
        }
        return dir;
    }

    /**
     * A new, empty folder under target/it-work: kept after the run so a failed deployment
     * (web app, container logs and work files) can be inspected; {@code mvn clean} removes it.
     */
    public static Path newWorkDir(String prefix) {
        try {
            Path root = testClasses().toAbsolutePath().getParent().resolve("it-work");
            Files.createDirectories(root);
            return Files.createTempDirectory(root, prefix + "-");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a work folder under target/it-work", e);
        }
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run the integration"
                    + " tests through maven-failsafe-plugin ('mvn verify'), which sets it.");
        }
        return Path.of(value).toAbsolutePath();
    }
}
