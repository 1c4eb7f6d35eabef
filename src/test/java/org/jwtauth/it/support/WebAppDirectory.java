package org.jwtauth.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An exploded web application on disk, laid out as a deployer would: the library JAR and its
 * dependencies in WEB-INF/lib, the application's own classes in WEB-INF/classes. The library
 * is never registered in code; the containers must find it through its web-fragment.xml.
 *
 * <p>Application classes are copied from the compiled test classes so that they are loaded by
 * the web app's class loader (both containers load WEB-INF first for non-container classes),
 * exactly like a legacy application's servlets.
 */
public final class WebAppDirectory {

    private final Path root;

    private WebAppDirectory(Path root) {
        this.root = root;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Path root() {
        return root;
    }

    public Path webInfLib() {
        return root.resolve("WEB-INF/lib");
    }

    @Override
    public String toString() {
        return root.toString();
    }

    /** Collects the content first, so that nothing is written before the whole web app is known. */
    public static final class Builder {
        private String webXml;
        private boolean withLibrary = true;
        private final List<Class<?>> classes = new ArrayList<>();
        private final List<Path> extraJars = new ArrayList<>();
        private final Map<Path, String> renamed = new LinkedHashMap<>();
        private final Map<String, byte[]> files = new LinkedHashMap<>();

        private Builder() {
        }

        /** The complete WEB-INF/web.xml text (see {@link WebXml} for the usual header). */
        public Builder webXml(String text) {
            this.webXml = Objects.requireNonNull(text);
            return this;
        }

        /** Test classes (with their nested and anonymous classes) to put into WEB-INF/classes. */
        public Builder classes(Class<?>... appClasses) {
            classes.addAll(List.of(appClasses));
            return this;
        }

        /** Another JAR for WEB-INF/lib, e.g. one built by a test with {@link Jars}. */
        public Builder libJar(Path jar) {
            extraJars.add(jar);
            return this;
        }

        /** Every JAR in {@code dir}, for WEB-INF/lib, each under the name {@code rename} gives its file name. */
        public Builder libJars(Path dir, java.util.function.UnaryOperator<String> rename) {
            try {
                for (Path jar : jarsIn(dir)) {
                    renamed.put(jar, rename.apply(jar.getFileName().toString()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + dir, e);
            }
            return this;
        }

        /** A file relative to the web app root, e.g. "index.html" or "WEB-INF/jetty-web.xml". */
        public Builder file(String relativePath, String content) {
            files.put(relativePath, content.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** Leaves the library and its dependencies out, for tests of a web app without it. */
        public Builder withoutLibrary() {
            this.withLibrary = false;
            return this;
        }

        /** Writes the web app into a new folder under target/it-work. */
        public WebAppDirectory build() {
            return build(ItBuild.newWorkDir("webapp"));
        }

        /** Writes the web app into {@code root}, which should be empty. */
        public WebAppDirectory build(Path root) {
            if (webXml == null) {
                throw new IllegalStateException("A web app needs a web.xml: call webXml(...)");
            }
            try {
                Path webInf = Files.createDirectories(root.resolve("WEB-INF"));
                Files.writeString(webInf.resolve("web.xml"), webXml);
                Path lib = Files.createDirectories(webInf.resolve("lib"));
                if (withLibrary) {
                    copyInto(ItBuild.libraryJar(), lib);
                    for (Path jar : jarsIn(ItBuild.dependencyDir())) {
                        copyInto(jar, lib);
                    }
                }
                for (Path jar : extraJars) {
                    copyInto(jar, lib);
                }
                for (Map.Entry<Path, String> jar : renamed.entrySet()) {
                    Files.copy(jar.getKey(), lib.resolve(jar.getValue()));
                }
                Path webInfClasses = Files.createDirectories(webInf.resolve("classes"));
                for (Class<?> type : classes) {
                    copyClass(type, webInfClasses);
                }
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    Path target = root.resolve(file.getKey()).normalize();
                    if (!target.startsWith(root)) {
                        throw new IllegalArgumentException("File outside the web app: " + file.getKey());
                    }
                    Files.createDirectories(target.getParent());
                    Files.write(target, file.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the web app into " + root, e);
            }
            return new WebAppDirectory(root);
        }

        private static List<Path> jarsIn(Path dir) throws IOException {
            List<Path> jars = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.jar")) {
                stream.forEach(jars::add);
            }
            return jars;
        }

        private static void copyInto(Path jar, Path dir) throws IOException {
            Files.copy(jar, dir.resolve(jar.getFileName().toString()));
        }

        /** Copies Foo.class and every Foo$*.class (nested, inner, anonymous, lambdas' holders). */
        private static void copyClass(Class<?> type, Path webInfClasses) throws IOException {
            if (type.getEnclosingClass() != null) {
                // The outer class is copied too: reflection on a nested class may load it.
                copyClass(type.getEnclosingClass(), webInfClasses);
                return;
            }
            String packagePath = type.getPackageName().replace('.', '/');
            Path sourceDir = ItBuild.testClasses().resolve(packagePath);
            Path targetDir = Files.createDirectories(webInfClasses.resolve(packagePath));
            String simple = type.getName().substring(type.getName().lastIndexOf('.') + 1);
            Path main = sourceDir.resolve(simple + ".class");
            if (!Files.isRegularFile(main)) {
                throw new IllegalArgumentException(type.getName() + " is not a compiled test class under "
                        + ItBuild.testClasses());
            }
            Files.copy(main, targetDir.resolve(main.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (DirectoryStream<Path> nested = Files.newDirectoryStream(sourceDir, simple + "$*.class")) {
                for (Path file : nested) {
                    Files.copy(file, targetDir.resolve(file.getFileName()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
