package org.jwtauth.it.support;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Warnings and errors logged by Tomcat's web-app class loader (its leak checks: threads, ThreadLocals and JDBC
 * drivers a web app left behind) while open. Jetty logs none of these.
 */
public final class ContainerWarnings extends Handler implements AutoCloseable {
    // Kept in a field: java.util.logging holds loggers weakly.
    private final Logger logger = Logger.getLogger("org.apache.catalina.loader");
    private final List<String> messages = Collections.synchronizedList(new ArrayList<>());

    private ContainerWarnings() {
    }

    public static ContainerWarnings capture() {
        ContainerWarnings warnings = new ContainerWarnings();
        warnings.logger.addHandler(warnings);
        return warnings;
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            String text = record.getMessage();
            if (record.getParameters() != null && record.getParameters().length > 0) {
                text = MessageFormat.format(text, record.getParameters());
            }
            messages.add(record.getLoggerName() + ": " + text);
        }
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
