package org.jwtauth.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;

import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Finds out whether the container applied the library's web fragment (Servlet 6.0 section 8.2): a web.xml with
 * {@code metadata-complete="true"} registers no filter of ours, and an {@code <absolute-ordering>} that leaves
 * the fragment out does not list its JAR among the ordered ones. The JAR is found by the fragment's
 * {@code <name>}, not by its file name, so a renamed JAR is recognised.
 */
final class FragmentCheck {

    /** The {@code <name>} of META-INF/web-fragment.xml. */
    static final String FRAGMENT_NAME = "jwt_servlet_auth";
    private static final String FRAGMENT = "META-INF/web-fragment.xml";

    private final ServletContext context;

    FragmentCheck(ServletContext context) {
        this.context = context;
    }

    /** What is wrong, in sentences for the log; empty when the fragment was applied. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        missingFilter().ifPresent(problems::add);
        if (problems.isEmpty() && !registered(ContainerIdentityFilter.class)) {
            problems.add("no filter of class " + ContainerIdentityFilter.class.getName() + " is registered: on"
                    + " Jetty, with a <login-config>, an Authorization: Basic header is then checked against the"
                    + " realm whenever code outside a security constraint asks for its caller. Declare it on /*"
                    + " before the bearer filter, or include the fragment " + FRAGMENT_NAME + ".");
        }
        Object ordered = context.getAttribute(ServletContext.ORDERED_LIBS);
        if (ordered instanceof List && fragmentJar().filter(jar -> listsJar((List<?>) ordered, jar)).isEmpty()) {
            problems.add("web.xml has an <absolute-ordering> that does not list <name>" + FRAGMENT_NAME
                    + "</name>; the container ignores the library's web-fragment.xml");
        }
        return problems;
    }

    /** Why nothing protects the application's resources: no bearer filter registered; empty when one is. */
    Optional<String> missingFilter() {
        if (registered(BearerTokenFilter.class)) {
            return Optional.empty();
        }
        return Optional.of("no filter of class " + BearerTokenFilter.class.getName() + " is registered; the web"
                + " fragment " + FRAGMENT_NAME + " was not applied (metadata-complete=\"true\" or a Servlet 2.5"
                + " web.xml, or an <absolute-ordering> without <name>" + FRAGMENT_NAME + "</name>). Include the"
                + " fragment, or declare the listener " + JwtAuthListener.class.getName() + ", the filters "
                + ContainerIdentityFilter.class.getName() + " (on /*) and " + BearerTokenFilter.class.getName()
                + " and the servlets in web.xml (see the README).");
    }

    /**
     * Whether the ordered libraries name {@code jar}: Tomcat lists bare file names, Jetty absolute paths (and it
     * fills the attribute for a relative ordering too), so only the last path segment is compared.
     */
    private static boolean listsJar(List<?> ordered, String jar) {
        for (Object entry : ordered) {
            String name = String.valueOf(entry).replace('\\', '/');
            if (name.substring(name.lastIndexOf('/') + 1).equals(jar)) {
                return true;
            }
        }
        return false;
    }

    /** The file name of the WEB-INF/lib JAR whose web-fragment.xml is named {@link #FRAGMENT_NAME}. */
    Optional<String> fragmentJar() {
        try {
            for (URL url : Collections.list(context.getClassLoader().getResources(FRAGMENT))) {
                if (FRAGMENT_NAME.equals(fragmentName(url))) {
                    return jarName(url.toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable class path: treated as "not found", which warns
        }
        return Optional.empty();
    }

    /** {@code jar:file:/.../WEB-INF/lib/x.jar!/META-INF/web-fragment.xml} becomes {@code x.jar}. */
    static Optional<String> jarName(String url) {
        int bang = url.lastIndexOf("!/");
        if (bang < 0) {
            return Optional.empty();
        }
        String jar = url.substring(0, bang);
        return Optional.of(jar.substring(jar.lastIndexOf('/') + 1));
    }

    /** The fragment's name, parsed without a DTD or external entities; null for an unreadable document. */
    private static String fragmentName(URL url) {
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            // The fragment's own <name> is a child of the root; <ordering> holds other fragments' names deeper down.
            NodeList children = factory.newDocumentBuilder().parse(in).getDocumentElement().getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node child = children.item(i);
                if (child.getNodeType() == Node.ELEMENT_NODE && "name".equals(child.getLocalName())) {
                    return child.getTextContent().trim();
                }
            }
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    private boolean registered(Class<?> filterClass) {
        try {
            for (FilterRegistration registration : context.getFilterRegistrations().values()) {
                if (filterClass.getName().equals(registration.getClassName())) {
                    return true;
                }
            }
            return false;
        } catch (UnsupportedOperationException e) {
            // Listeners declared programmatically may not introspect; nothing to warn about then.
            return true;
        }
    }
}
