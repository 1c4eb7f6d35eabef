package org.jwtauth.javax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.ItBuild;
import org.w3c.dom.Element;

/**
 * The javax JAR itself, as the transformation left it: what no container test would notice (a container accepts a
 * fragment of either schema, and a class that names jakarta.servlet only fails once a request reaches it).
 */
class JavaxJarIT {

    @Test
    void classesWhenScannedThenNoneNamesJakartaServletButTheStoreKeepsJakartaPersistence() throws IOException {
        List<String> jakartaServlet = new ArrayList<>();
        boolean persistence = false;
        try (JarFile jar = new JarFile(ItBuild.libraryJar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().startsWith("META-INF/maven/")) {
                    continue; // this build's own pom.xml, whose comments say what it renames
                }
                String text = read(jar, entry);
                // Binary names (jakarta/servlet/...) and string constants ("jakarta.servlet.context.tempdir").
                if (text.contains("jakarta/servlet") || text.contains("jakarta.servlet")) {
                    jakartaServlet.add(entry.getName());
                }
                persistence |= entry.getName().endsWith(".class") && text.contains("jakarta/persistence");
            }
        }
        assertEquals(List.of(), jakartaServlet);
        assertTrue(persistence, "no class links to jakarta.persistence: the renames moved more than the Servlet API");
    }

    @Test
    void fragmentWhenReadThenServlet40SchemaUnderTheJakartaBuildsName() throws Exception {
        Element fragment;
        try (JarFile jar = new JarFile(ItBuild.libraryJar().toFile());
             InputStream in = jar.getInputStream(jar.getEntry("META-INF/web-fragment.xml"))) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            fragment = factory.newDocumentBuilder().parse(in).getDocumentElement();
        }
        assertEquals("http://xmlns.jcp.org/xml/ns/javaee", fragment.getNamespaceURI());
        assertEquals("4.0", fragment.getAttribute("version"));
        assertTrue(fragment.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation")
                .endsWith("/web-fragment_4_0.xsd"), fragment::toString);
        // The name web.xml's <absolute-ordering> and the library's own fragment check use.
        assertEquals("jwt_servlet_auth", fragment.getElementsByTagNameNS("*", "name").item(0).getTextContent());
    }

    @Test
    void initializersWhenListedThenTheLibrarysOneForJavaxAndNoStopForJavaxContainers() throws IOException {
        try (JarFile jar = new JarFile(ItBuild.libraryJar().toFile())) {
            JarEntry javax = jar.getJarEntry("META-INF/services/javax.servlet.ServletContainerInitializer");
            assertNotNull(javax);
            assertEquals("org.jwtauth.web.JwtAuthInitializer", read(jar, javax).trim());
            assertNull(jar.getJarEntry("META-INF/services/jakarta.servlet.ServletContainerInitializer"));
            assertFalse(Collections.list(jar.entries()).stream()
                    .anyMatch(entry -> entry.getName().startsWith("org/jwtauth/web/javax/")),
                    "the Jakarta build's stop for javax containers is in the javax JAR");
        }
    }

    @Test
    void classFilesWhenReadThenJava11ExceptTheJava8Initializer() throws IOException {
        try (JarFile jar = new JarFile(ItBuild.libraryJar().toFile())) {
            // As in the Jakarta JAR: on Java 8 (where Tomcat 9 may run) the initializer names the requirement.
            assertEquals(52, major(jar, "org/jwtauth/web/JwtAuthInitializer.class"));
            assertEquals(52, major(jar, "org/jwtauth/web/RuntimeRequirement.class"));
            assertEquals(55, major(jar, "org/jwtauth/web/BearerTokenFilter.class"));
        }
    }

    /**
     * Servlet 3.1 (Jetty 9.4): the methods Servlet 4.0 turned into defaults (Filter.init and destroy, every
     * listener method) are abstract there, and a class that leaves one to its default fails with
     * AbstractMethodError when the container calls it. Every class of the JAR that implements a javax.servlet
     * interface declares each such method itself.
     */
    @Test
    void servletTypesWhenImplementedThenEveryMethodServlet40MadeADefaultIsDeclared() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String name : classNames()) {
            Class<?> type = Class.forName(name, false, JavaxJarIT.class.getClassLoader());
            for (Class<?> api : servletInterfaces(type, new ArrayList<>())) {
                for (java.lang.reflect.Method method : api.getMethods()) {
                    if (method.isDefault() && !declares(type, method)) {
                        missing.add(name + " leaves " + api.getName() + "." + method.getName() + " to its default");
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /** What Servlet 3.1 lacks (types and methods new in 4.0): never linked from the JAR. */
    @Test
    void classesWhenScannedThenNoneLinksToAServlet40OnlyType() throws IOException {
        List<String> servlet40 = List.of("javax/servlet/GenericFilter", "javax/servlet/http/HttpFilter",
                "javax/servlet/http/HttpServletMapping", "javax/servlet/http/MappingMatch",
                "javax/servlet/http/PushBuilder", "getHttpServletMapping", "newPushBuilder", "getTrailerFields",
                "isTrailerFieldsReady", "setTrailerFields", "addJspFile", "getSessionTimeout", "setSessionTimeout",
                "getRequestCharacterEncoding", "setRequestCharacterEncoding", "getResponseCharacterEncoding",
                "setResponseCharacterEncoding");
        List<String> found = new ArrayList<>();
        try (JarFile jar = new JarFile(ItBuild.libraryJar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().endsWith(".class")) {
                    String text = read(jar, entry);
                    servlet40.stream().filter(text::contains).forEach(n -> found.add(entry.getName() + ": " + n));
                }
            }
        }
        assertEquals(List.of(), found);
    }

    private static List<String> classNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(ItBuild.libraryJar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String n = entry.getName();
                if (n.endsWith(".class") && !n.endsWith("module-info.class")) {
                    names.add(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        return names;
    }

    private static List<Class<?>> servletInterfaces(Class<?> type, List<Class<?>> found) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().startsWith("javax.servlet.") && !found.contains(i)) {
                    found.add(i);
                }
                servletInterfaces(i, found);
            }
        }
        return found;
    }

    /** The method is declared by the class or one of its own superclasses (not by an interface's default). */
    private static boolean declares(Class<?> type, java.lang.reflect.Method method) {
        for (Class<?> c = type; c != null && !c.isInterface(); c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod(method.getName(), method.getParameterTypes());
                return true;
            } catch (NoSuchMethodException e) {
                // look further up
            }
        }
        return false;
    }

    private static int major(JarFile jar, String name) throws IOException {
        try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
            byte[] header = in.readNBytes(8);
            return ((header[6] & 0xff) << 8) | (header[7] & 0xff);
        }
    }

    private static String read(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            // ISO-8859-1 maps every byte to one char, so constant-pool UTF-8 of ASCII names reads as itself.
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
