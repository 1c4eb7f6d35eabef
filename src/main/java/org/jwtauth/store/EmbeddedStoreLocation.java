package org.jwtauth.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Function;

import org.jwtauth.log.Log;

/**
 * Where the embedded H2 default keeps its file: never in the web application's temporary directory, which Tomcat
 * deletes when the WAR is undeployed or redeployed and Jetty when the context stops, so that every redeploy
 * would log everyone out and forget reuse history. In order: {@code jwtauth.store.directory};
 * {@code ${catalina.base}/jwtauth}; {@code ${jetty.base}/jwtauth}; {@code ~/.jwtauth}. Below it, one directory per
 * virtual server and context path, so two applications never share a file.
 */
public final class EmbeddedStoreLocation {

    private static final Log LOG = Log.of(EmbeddedStoreLocation.class);
    /** The file H2 keeps (name of {@link StoreDataSource}'s database plus H2's suffix). */
    static final String FILE = "jwtauth-tokens.mv.db";

    private EmbeddedStoreLocation() {
    }

    /**
     * @param configured {@code jwtauth.store.directory}
     * @param systemProperties {@code System::getProperty} in production
     * @param server the servlet context's virtual server name (may be null)
     * @param contextPath "" for the root context
     */
    public static Path choose(Optional<Path> configured, Function<String, String> systemProperties, String server,
                              String contextPath) {
        Path base = configured.orElseGet(() -> {
            for (String property : new String[] {"catalina.base", "jetty.base"}) {
                String dir = systemProperties.apply(property);
                if (dir != null && !dir.isBlank()) {
                    return Paths.get(dir, "jwtauth");
                }
            }
            return Paths.get(systemProperties.apply("user.home"), ".jwtauth");
        });
        String context = contextPath == null || contextPath.isEmpty() ? "ROOT" : contextPath.substring(1);
        return base.resolve(safe(server == null || server.isBlank() ? "default" : server)).resolve(safe(context));
    }

    /**
     * Moves the database a previous version kept in {@code oldDirectory} (the context's temporary directory) to
     * {@code directory}, once: only when {@code directory} has none yet. Sessions stored there survive the
     * upgrade, if the container has not deleted the old directory already.
     */
    public static void moveOnce(Path oldDirectory, Path directory) {
        try {
            createOwnerOnly(directory);
            Path from = oldDirectory == null ? null : oldDirectory.resolve(FILE);
            Path to = directory.resolve(FILE);
            if (from != null && Files.isRegularFile(from) && !Files.exists(to)) {
                Files.move(from, to);
                LOG.info("Refresh-token store: moved the embedded database from {} to {}, where a redeploy keeps it",
                        oldDirectory, directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("embedded refresh-token store directory " + directory, e);
        }
    }

    /**
     * Creates the missing directories readable by the container's user only (rwx------) where the file system
     * has POSIX permissions: they hold token hashes and session metadata, not for other local users.
     */
    private static void createOwnerOnly(Path directory) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    /** A path segment from a server name or context path: letters, digits, '.', '-' and '_' only. */
    private static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.startsWith(".") ? "_" + s : s;
    }
}
