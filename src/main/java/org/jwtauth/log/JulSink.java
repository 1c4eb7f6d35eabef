package org.jwtauth.log;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Lines written to {@code java.util.logging} under the same logger name, with the levels slf4j-jdk14 uses
 * (TRACE FINEST, DEBUG FINE, INFO INFO, WARN WARNING, ERROR SEVERE), so a deployer's logging.properties reads
 * the same whichever path a line took. Each record names the library class and method that logged it:
 * Tomcat's OneLineFormatter and the JDK's SimpleFormatter print them, and left alone they would name this class.
 */
final class JulSink implements Sink {

    private static final StackWalker STACK = StackWalker.getInstance();
    private static final String LOG = Log.class.getName();
    private static final String SINK = JulSink.class.getName();

    // Kept here: java.util.logging holds loggers weakly, and a level set on this one by code would be lost.
    private final Logger logger;

    JulSink(String name) {
        this.logger = Logger.getLogger(name);
    }

    @Override
    public boolean enabled(LogLevel level) {
        return logger.isLoggable(julLevel(level));
    }

    @Override
    public void write(LogLevel level, String format, Object[] args) {
        FormattedMessage message = FormattedMessage.of(format, args);
        LogRecord record = new LogRecord(julLevel(level), message.text());
        record.setLoggerName(logger.getName());
        record.setThrown(message.thrown());
        caller().ifPresent(frame -> {
            record.setSourceClassName(frame.getClassName());
            record.setSourceMethodName(frame.getMethodName());
        });
        logger.log(record);
    }

    static Level julLevel(LogLevel level) {
        switch (level) {
            case TRACE: return Level.FINEST;
            case DEBUG: return Level.FINE;
            case INFO: return Level.INFO;
            case WARN: return Level.WARNING;
            default: return Level.SEVERE;
        }
    }

    private static Optional<StackWalker.StackFrame> caller() {
        return STACK.walk(frames -> frames
                .filter(f -> !f.getClassName().equals(SINK) && !f.getClassName().equals(LOG)).findFirst());
    }
}
