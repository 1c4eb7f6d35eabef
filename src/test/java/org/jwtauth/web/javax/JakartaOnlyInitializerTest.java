package org.jwtauth.web.javax;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;

import javax.servlet.ServletContext;
import javax.servlet.ServletException;

import org.junit.jupiter.api.Test;

/**
 * A javax.servlet container (Tomcat 9 or 8.5, Jetty 9 or 10) reads META-INF/services/javax.servlet...; the Jakarta
 * JAR's entry there stops the application naming what it needs, before the container tries the fragment's jakarta
 * classes and fails with a linkage error.
 */
class JakartaOnlyInitializerTest {

    @Test
    void startupWhenJavaxContainerThenRefusedNamingTheServletRequirement() {
        ServletContext tomcat85 = context(Map.of("getMajorVersion", 3, "getMinorVersion", 1,
                "getServerInfo", "Apache Tomcat/8.5.100", "getContextPath", "/shop"));

        ServletException e = assertThrows(ServletException.class,
                () -> new JakartaOnlyInitializer().onStartup(null, tomcat85));

        String message = e.getMessage();
        assertTrue(message.contains("jakarta.servlet 5.0 or later"), message);
        assertTrue(message.contains("Servlet 3.1"), message);
        assertTrue(message.contains("Apache Tomcat/8.5.100"), message);
        assertTrue(message.contains("/shop"), message);
        assertTrue(message.contains("Tomcat 10.0"), message);
    }

    private static ServletContext context(Map<String, Object> answers) {
        return (ServletContext) Proxy.newProxyInstance(JakartaOnlyInitializerTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> answers.get(method.getName()));
    }
}
