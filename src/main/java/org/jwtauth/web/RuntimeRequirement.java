package org.jwtauth.web;

/**
 * The Java version the library needs, checked by the first class a container loads from the JAR. The library is
 * Java 11 bytecode, which an older JVM refuses with an {@code UnsupportedClassVersionError} naming a class file
 * version; this class and {@link JwtAuthInitializer} are compiled for Java 8 (a separate compiler execution in the
 * POM), so on Java 8 (Tomcat 10.0 runs on it) the initializer can stop the application with this sentence instead.
 * Java 8 API only, here.
 */
final class RuntimeRequirement {

    static final int REQUIRED = 11;

    private RuntimeRequirement() {
    }

    /** Why this JVM cannot run the library, or null when it can; {@code specification} as "1.8", "11", "17". */
    static String problem(String specification) {
        String version = specification == null ? "" : specification.trim();
        String major = version.startsWith("1.") ? version.substring(2) : version;
        int dot = major.indexOf('.');
        try {
            if (Integer.parseInt(dot < 0 ? major : major.substring(0, dot)) >= REQUIRED) {
                return null;
            }
        } catch (NumberFormatException e) {
            // An unreadable version: let the class loading itself decide.
            return null;
        }
        return "jwt-servlet-auth needs Java " + REQUIRED + " or later; this JVM is Java " + version + " ("
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + "). Run the"
                + " container on Java " + REQUIRED + " or later (Tomcat 10.1 and 11 and Jetty 12 need it anyway).";
    }
}
