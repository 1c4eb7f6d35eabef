package org.jwtauth.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes small JARs for WEB-INF/lib, e.g. one holding only a META-INF/web-fragment.xml. */
public final class Jars {

    private Jars() {
    }

    /** Writes {@code jar} with the given text entries (path inside the JAR to content). */
    public static Path write(Path jar, Map<String, String> entries) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try {
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (OutputStream file = Files.newOutputStream(jar);
                 JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (Map.Entry<String, String> entry : entries.entrySet()) {
                    out.putNextEntry(new JarEntry(entry.getKey()));
                    out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + jar, e);
        }
        return jar;
    }
}
