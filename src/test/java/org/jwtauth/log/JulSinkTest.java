package org.jwtauth.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The java.util.logging path: the logger's own name, slf4j-jdk14's levels, the library's caller as the source. */
class JulSinkTest {

    private static final String NAME = "org.jwtauth.test.JulSinkTest";

    private final Logger logger = Logger.getLogger(NAME);
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(true);
        logger.setLevel(null);
    }

    @Test
    void warnWhenWrittenThenWarningRecordUnderTheSameNameNamingTheCaller() {
        IllegalStateException e = new IllegalStateException("boom");
        JulSink sink = new JulSink(NAME);
        sink.write(LogLevel.WARN, "reuse for {}", new Object[] {"alice", e});
        assertEquals(1, records.size());
        LogRecord record = records.get(0);
        assertEquals(Level.WARNING, record.getLevel());
        assertEquals(NAME, record.getLoggerName());
        assertEquals("reuse for alice", record.getMessage());
        assertSame(e, record.getThrown());
        assertEquals(JulSinkTest.class.getName(), record.getSourceClassName());
        assertEquals("warnWhenWrittenThenWarningRecordUnderTheSameNameNamingTheCaller", record.getSourceMethodName());
    }

    @Test
    void levelsWhenMappedThenAsSlf4jJdk14() {
        assertEquals(Level.FINEST, JulSink.julLevel(LogLevel.TRACE));
        assertEquals(Level.FINE, JulSink.julLevel(LogLevel.DEBUG));
        assertEquals(Level.INFO, JulSink.julLevel(LogLevel.INFO));
        assertEquals(Level.WARNING, JulSink.julLevel(LogLevel.WARN));
        assertEquals(Level.SEVERE, JulSink.julLevel(LogLevel.ERROR));
    }

    @Test
    void enabledWhenLoggerAtInfoThenDebugIsNot() {
        JulSink sink = new JulSink(NAME);
        assertTrue(sink.enabled(LogLevel.INFO));
        assertFalse(sink.enabled(LogLevel.DEBUG));
    }
}
