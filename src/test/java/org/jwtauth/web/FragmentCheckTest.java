package org.jwtauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether the container applied the fragment, judged by the fragment's name, not the JAR's file name. */
class FragmentCheckTest {

    private static final String OURS = "<web-fragment xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"5.0\">"
            + "<name>jwt_servlet_auth</name></web-fragment>";
    /** A host fragment that orders itself after ours: its document names ours too, deeper down. */
    private static final String HOSTS = "<web-fragment xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"5.0\">"
            + "<name>host_fragment</name><ordering><after><name>jwt_servlet_auth</name></after></ordering>"
            + "</web-fragment>";

    @TempDir
    Path dir;

    @Test
    void problemsWhenAbsoluteOrderingListsTheFragmentUnderARenamedJarThenNone() throws Exception {
        FragmentCheck check = check(List.of("host-app.jar", "auth-1.2.jar"), true, jar("auth-1.2.jar", OURS));

        assertEquals(List.of(), check.problems());
    }

    @Test
    void problemsWhenTheOrderedLibrariesAreAbsolutePathsAsJettyWritesThemThenTheJarIsRecognised() throws Exception {
        FragmentCheck check = check(List.of("/tmp/jetty-0/webapp/WEB-INF/lib/host-app.jar",
                "/tmp/jetty-0/webapp/WEB-INF/lib/auth-1.2.jar"), true, jar("auth-1.2.jar", OURS));

        assertEquals(List.of(), check.problems());
    }

    @Test
    void problemsWhenAbsoluteOrderingLeavesTheFragmentsJarOutThenOneNamingTheFragment() throws Exception {
        List<String> problems = check(List.of("host-app.jar"), true, jar("auth-1.2.jar", OURS)).problems();

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("<absolute-ordering>") && problems.get(0).contains("jwt_servlet_auth"),
                problems.get(0));
    }

    @Test
    void problemsWhenNoFilterOfOursIsRegisteredThenOneNamingTheFilterClass() throws Exception {
        List<String> problems = check(null, false, jar("jwt-servlet-auth.jar", OURS)).problems();

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains(BearerTokenFilter.class.getName()), problems.get(0));
    }

    @Test
    void fragmentJarWhenAnotherFragmentNamesOursInItsOrderingThenOursIsFoundByItsOwnName() throws Exception {
        FragmentCheck check = check(null, true, jar("host-app.jar", HOSTS), jar("auth.jar", OURS));

        assertEquals(Optional.of("auth.jar"), check.fragmentJar());
    }

    @Test
    void jarNameWhenTheUrlIsNotInsideAJarThenEmpty() {
        assertEquals(Optional.of("x.jar"), FragmentCheck.jarName("jar:file:/app/WEB-INF/lib/x.jar!/META-INF/a.xml"));
        assertEquals(Optional.empty(), FragmentCheck.jarName("file:/app/WEB-INF/classes/META-INF/a.xml"));
    }

    private Path jar(String name, String fragment) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry("META-INF/web-fragment.xml"));
            zip.write(fragment.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }

    @Test
    void problemsWhenTheBearerFilterButNoContainerIdentityFilterIsRegisteredThenOneNamingIt() throws Exception {
        // web.xml declared by hand before the container-identity filter existed: Basic headers reach Jetty again.
        List<String> problems = check(null, List.of(BearerTokenFilter.class), jar("jwt-servlet-auth.jar", OURS))
                .problems();

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains(ContainerIdentityFilter.class.getName()), problems.get(0));
    }

    private static FragmentCheck check(List<String> orderedLibs, boolean filterRegistered, Path... jars)
            throws IOException {
        return check(orderedLibs, filterRegistered ? List.of(BearerTokenFilter.class, ContainerIdentityFilter.class)
                : List.of(), jars);
    }

    private static FragmentCheck check(List<String> orderedLibs, List<Class<?>> registered, Path... jars)
            throws IOException {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        ClassLoader loader = new URLClassLoader(urls, null);
        Map<String, FilterRegistration> filters = new HashMap<>();
        for (Class<?> filter : registered) {
            filters.put(filter.getSimpleName(), Fakes.fake(FilterRegistration.class, filter.getSimpleName(),
                    (p, m, args) -> m.getName().equals("getClassName") ? filter.getName() : null));
        }
        ServletContext context = Fakes.fake(ServletContext.class, "FakeContext", Map.of(
                "getAttribute", args -> ServletContext.ORDERED_LIBS.equals(args[0]) ? orderedLibs : null,
                "getClassLoader", args -> loader,
                "getFilterRegistrations", args -> filters));
        return new FragmentCheck(context);
    }
}
