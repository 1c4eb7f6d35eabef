package org.jwtauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A JVM older than the library's Java 11 cannot load its classes; what a container loads first from the JAR (the
 * ServletContainerInitializers its service files name) is Java 8 bytecode, so that on Java 8 it can still say why.
 */
class RuntimeRequirementTest {

    @Test
    void problemWhenJava8ThenNamesTheRequirementAndThisJvm() {
        String problem = RuntimeRequirement.problem("1.8");

        assertTrue(problem.contains("Java 11 or later"), problem);
        assertTrue(problem.contains("Java 1.8"), problem);
    }

    @Test
    void problemWhenJava11OrLaterThenNone() {
        assertNull(RuntimeRequirement.problem("11"));
        assertNull(RuntimeRequirement.problem("17"));
        assertNull(RuntimeRequirement.problem("25"));
    }

    @Test
    void initializersInTheServiceFilesWhenLoadedThenJava8Bytecode() throws IOException {
        List<String> initializers = new ArrayList<>();
        for (String service : new String[] {"jakarta.servlet.ServletContainerInitializer",
                "javax.servlet.ServletContainerInitializer"}) {
            try (InputStream in = getClass().getResourceAsStream("/META-INF/services/" + service)) {
                assertTrue(in != null, "no META-INF/services/" + service);
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        initializers.add(line.trim());
                    }
                }
            }
        }
        initializers.add(RuntimeRequirement.class.getName());
        initializers.add(JwtAuthInitializer.class.getName() + "$1");

        for (String name : initializers) {
            assertEquals(52, majorVersion(name), name + " must be Java 8 bytecode (class file version 52)");
        }
    }

    private static int majorVersion(String className) throws IOException {
        try (InputStream in = RuntimeRequirementTest.class.getResourceAsStream("/" + className.replace('.', '/')
                + ".class")) {
            assertTrue(in != null, "no class file for " + className);
            DataInputStream data = new DataInputStream(in);
            data.readInt();
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }
}
