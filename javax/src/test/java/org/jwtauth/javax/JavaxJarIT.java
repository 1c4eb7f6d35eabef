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
