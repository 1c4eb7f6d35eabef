package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jwtauth.config.EnvironmentException;

/** Two EclipseLink versions in one class loader are refused, named by their JARs' Bundle-Version. */
class EclipseLinkCopiesTest {

    @TempDir
    Path dir;

    @Test
    void requireOneWhenTwoVersionsThenRefusedNamingBothAndTheirJars() throws IOException {
        try (URLClassLoader loader = loader(core("org.eclipse.persistence.core-4.0.8.jar", "4.0.8.v202509250753-f44"),
                core("org.eclipse.persistence.core-2.7.15.jar", "2.7.15.v20240516-4ad5d8e"))) {

            String message = assertThrows(EnvironmentException.class, () -> EclipseLinkCopies.requireOne(loader))
                    .getMessage();

            assertTrue(message.contains("4.0.8 (org.eclipse.persistence.core-4.0.8.jar, the one jwt-servlet-auth needs)"),
                    message);
            assertTrue(message.contains("2.7.15 (org.eclipse.persistence.core-2.7.15.jar)"), message);
        }
    }

    @Test
    void requireOneWhenOneVersionThenAccepted() throws IOException {
        try (URLClassLoader loader = loader(core("org.eclipse.persistence.core-4.0.8.jar", "4.0.8.v1"),
                core("copy-of-org.eclipse.persistence.core-4.0.8.jar", "4.0.8.v1"))) {
            assertDoesNotThrow(() -> EclipseLinkCopies.requireOne(loader));
        }
    }

    private Path core(String name, String bundleVersion) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-Version", bundleVersion);
        Path jar = Files.createDirectories(dir.resolve(name.replace(".jar", ""))).resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("org/eclipse/persistence/Version.class"));
            out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            out.closeEntry();
        }
        return jar;
    }

    private static URLClassLoader loader(Path... jars) throws IOException {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        return new URLClassLoader(urls, null);
    }
}
