package org.jwtauth.it.support;

/**
 * web.xml text for tests. Servlet 5.0 is the oldest Jakarta schema the library supports, so the
 * tests' applications declare it, like the legacy applications the library is dropped into.
 */
public final class WebXml {

    private WebXml() {
    }

    /** A Servlet 5.0 web.xml whose {@code <web-app>} element contains {@code body}. */
    public static String of(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\"\n"
                + "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                + "         xsi:schemaLocation=\"https://jakarta.ee/xml/ns/jakartaee"
                + " https://jakarta.ee/xml/ns/jakartaee/web-app_5_0.xsd\"\n"
                + "         version=\"5.0\">\n"
                + body + "\n"
                + "</web-app>\n";
    }

    /**
     * A Servlet 5.0 web.xml with {@code metadata-complete="true"}: the container reads no web-fragment.xml and no
     * annotations, but still runs the ServletContainerInitializers of WEB-INF/lib (Servlet 6.0 section 8.2.4).
     */
    public static String metadataComplete(String body) {
        return of(body).replaceFirst("version=\"5.0\">", "version=\"5.0\" metadata-complete=\"true\">");
    }

    /** A Servlet 5.0 web-fragment.xml named {@code name} containing {@code body}. */
    public static String fragment(String name, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-fragment xmlns=\"https://jakarta.ee/xml/ns/jakartaee\"\n"
                + "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                + "         xsi:schemaLocation=\"https://jakarta.ee/xml/ns/jakartaee"
                + " https://jakarta.ee/xml/ns/jakartaee/web-fragment_5_0.xsd\"\n"
                + "         version=\"5.0\">\n"
                + "<name>" + name + "</name>\n"
                + body + "\n"
                + "</web-fragment>\n";
    }

    /** A {@code <servlet>} and its {@code <servlet-mapping>}s. */
    public static String servlet(String name, Class<?> servletClass, String... urlPatterns) {
        StringBuilder xml = new StringBuilder()
                .append("<servlet><servlet-name>").append(name).append("</servlet-name>")
                .append("<servlet-class>").append(servletClass.getName()).append("</servlet-class></servlet>\n")
                .append("<servlet-mapping><servlet-name>").append(name).append("</servlet-name>");
        for (String pattern : urlPatterns) {
            xml.append("<url-pattern>").append(pattern).append("</url-pattern>");
        }
        return xml.append("</servlet-mapping>\n").toString();
    }

    /** A {@code <context-param>}. */
    public static String contextParam(String name, String value) {
        return "<context-param><param-name>" + name + "</param-name><param-value>" + value
                + "</param-value></context-param>\n";
    }

    /**
     * BASIC login-config with a realm name and the declared roles. This is what makes
     * {@code HttpServletRequest.login} use the container realm in both Jetty and Tomcat.
     */
    public static String basicLogin(String realmName, String... roles) {
        StringBuilder xml = new StringBuilder("<login-config><auth-method>BASIC</auth-method><realm-name>")
                .append(realmName).append("</realm-name></login-config>\n");
        for (String role : roles) {
            xml.append("<security-role><role-name>").append(role).append("</role-name></security-role>\n");
        }
        return xml.toString();
    }

    /**
     * A {@code <servlet>} with {@code <async-supported>true</async-supported>} (Servlet spec 2.3.3.3), and its
     * {@code <servlet-mapping>}s.
     */
    public static String asyncServlet(String name, Class<?> servletClass, String... urlPatterns) {
        return servlet(name, servletClass, urlPatterns).replaceFirst("</servlet-class></servlet>",
                "</servlet-class><async-supported>true</async-supported></servlet>");
    }

    /**
     * A {@code <filter>} of {@code filterClass} with its init-params (name/value pairs) and a
     * {@code <filter-mapping>} to {@code urlPattern}.
     */
    public static String filter(String name, String filterClass, String urlPattern, String... initParams) {
        return filterDeclaration(name, filterClass, initParams) + "<filter-mapping><filter-name>" + name
                + "</filter-name><url-pattern>" + urlPattern + "</url-pattern></filter-mapping>\n";
    }

    /**
     * A {@code <filter>} that only names a filter declared elsewhere (a web fragment's) and adds init-params:
     * class, mapping and async support come from the other declaration (Servlet spec 8.2.3, web.xml wins).
     */
    public static String filterParams(String name, String... initParams) {
        return filterDeclaration(name, null, initParams);
    }

    private static String filterDeclaration(String name, String filterClass, String... initParams) {
        if (initParams.length % 2 != 0) {
            throw new IllegalArgumentException("Init-params must be name/value pairs");
        }
        StringBuilder xml = new StringBuilder("<filter><filter-name>").append(name).append("</filter-name>");
        if (filterClass != null) {
            xml.append("<filter-class>").append(filterClass).append("</filter-class>");
        }
        for (int i = 0; i < initParams.length; i += 2) {
            xml.append("<init-param><param-name>").append(initParams[i]).append("</param-name><param-value>")
                    .append(initParams[i + 1]).append("</param-value></init-param>");
        }
        return xml.append("</filter>\n").toString();
    }
}
