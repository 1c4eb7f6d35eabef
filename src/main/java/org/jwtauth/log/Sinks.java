package org.jwtauth.log;

/** Chooses a logger's {@link Sink}: SLF4J if the web application has a provider, else java.util.logging. */
final class Sinks {

    private Sinks() {
    }

    static Sink forName(String name) {
        try {
            if (Slf4jProvider.present()) {
                return new Slf4jSink(name);
            }
        } catch (LinkageError e) {
            // slf4j-api is not in WEB-INF/lib (a deployer left it out): java.util.logging then.
        }
        return new JulSink(name);
    }
}
