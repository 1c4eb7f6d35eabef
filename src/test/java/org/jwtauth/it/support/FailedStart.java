package org.jwtauth.it.support;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.function.Executable;

/**
 * A deployment that must not start, and why it did not: Jetty hands on the exception of a failed start, Tomcat logs
 * it and only says that the context did not start, so both the thrown exception and what Tomcat logged are kept.
 */
public final class FailedStart {

    private FailedStart() {
    }

    /** Runs {@code deploy}, requires it to throw, and returns every stack trace seen meanwhile as one text. */
    public static String of(Executable deploy) {
        List<Throwable> seen = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override public void publish(LogRecord record) {
                if (record.getThrown() != null) {
                    seen.add(record.getThrown());
                }
            }
            @Override public void flush() { }
            @Override public void close() { }
        };
        Logger tomcat = Logger.getLogger("org.apache.catalina");
        tomcat.addHandler(handler);
        try {
            seen.add(assertThrows(Throwable.class, deploy, "the web app started, but it must not"));
        } finally {
            tomcat.removeHandler(handler);
        }
        StringWriter traces = new StringWriter();
        seen.forEach(t -> t.printStackTrace(new PrintWriter(traces)));
        return traces.toString();
    }
}
