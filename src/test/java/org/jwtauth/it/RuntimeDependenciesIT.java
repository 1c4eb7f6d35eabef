package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.ItBuild;

/**
 * What the build copies for WEB-INF/lib (the runtime dependencies, which the other integration tests deploy) is
 * exactly what docs/dependencies.md announces: a new dependency, a dropped one or another version fails here until
 * that page says so. Runs in the javax build too, against its own copy.
 */
class RuntimeDependenciesIT {

    /** A row of the page's JAR table: its first cell, one JAR's file name. */
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z0-9._-]+\\.jar)` \\|");

    @Test
    void runtimeDependenciesWhenCopiedForWebInfLibThenExactlyTheJarsTheDependencyPageAnnounces() throws IOException {
        Set<String> announced = new TreeSet<>();
        for (String line : Files.readAllLines(dependencyPage(), StandardCharsets.UTF_8)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                announced.add(row.group(1));
            }
        }
        Set<String> copied;
        try (Stream<Path> files = Files.list(ItBuild.dependencyDir())) {
            copied = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(announced, copied, "docs/dependencies.md and the runtime dependencies disagree");
    }

    /** docs/ of the project: beside this build's pom.xml, or one level up for the javax build. */
    private static Path dependencyPage() {
        Path here = Path.of("docs/dependencies.md");
        return Files.isRegularFile(here) ? here : Path.of("../docs/dependencies.md");
    }
}
