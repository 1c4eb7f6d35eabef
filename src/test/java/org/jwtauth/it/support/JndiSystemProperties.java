package org.jwtauth.it.support;

import java.util.HashMap;
import java.util.Map;

/**
 * The JVM-wide JNDI system properties that Tomcat's {@code enableNaming()} sets, captured before and put back
 * after, so that a Jetty started later in the same JVM finds its own naming again.
 */
final class JndiSystemProperties {

    private static final String[] NAMES = {"java.naming.factory.initial", "java.naming.factory.url.pkgs",
        "catalina.useNaming"};

    private final Map<String, String> saved = new HashMap<>();

    private JndiSystemProperties() {
    }

    static JndiSystemProperties capture() {
        JndiSystemProperties p = new JndiSystemProperties();
        for (String name : NAMES) {
            p.saved.put(name, System.getProperty(name));
        }
        return p;
    }

    void restore() {
        saved.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }
}
