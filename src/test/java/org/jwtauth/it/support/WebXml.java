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
}
