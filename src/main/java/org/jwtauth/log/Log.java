package org.jwtauth.log;

import java.util.Objects;

/**
 * One of the library's loggers. Its lines go to the web application's SLF4J provider when it has one (logback,
 * Log4j 2, slf4j-jdk14 in {@code WEB-INF/lib}), else to {@code java.util.logging} under the same name, which every
 * container writes to its log (Tomcat's catalina log, Jetty's console). Never to both. Chosen once, when the logger
 * is made: the library's loggers are constants, made as their classes load inside the web application.
 *
 * <p>The JDK's {@code System.Logger} would be simpler but goes to the system class loader's {@code LoggerFinder},
 * which an application's SLF4J set-up in {@code WEB-INF/lib} cannot take over. Messages use SLF4J's {@code {}}
 * placeholders on both paths; a last argument that is a {@link Throwable} and has no placeholder is logged with its
 * stack trace. Thread-safe.
 */
public final class Log {

    private final Sink sink;

    private Log(Sink sink) {
        this.sink = sink;
    }

    /** The logger named after {@code type}, e.g. {@code org.jwtauth.web.JwtAuthListener}. */
    public static Log of(Class<?> type) {
        return named(type.getName());
    }

    /** The logger of that name; {@link LoggerNames} lists those that are not class names. */
    public static Log named(String name) {
        return new Log(Sinks.forName(Objects.requireNonNull(name)));
    }

    public void trace(String format, Object... args) {
        log(LogLevel.TRACE, format, args);
    }

    public void debug(String format, Object... args) {
        log(LogLevel.DEBUG, format, args);
    }

    public void info(String format, Object... args) {
        log(LogLevel.INFO, format, args);
    }

    public void warn(String format, Object... args) {
        log(LogLevel.WARN, format, args);
    }

    public void error(String format, Object... args) {
        log(LogLevel.ERROR, format, args);
    }

    private void log(LogLevel level, String format, Object[] args) {
        if (sink.enabled(level)) {
            sink.write(level, format, args);
        }
    }
}
