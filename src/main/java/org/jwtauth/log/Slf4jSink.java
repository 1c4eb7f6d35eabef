package org.jwtauth.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lines handed to the web application's SLF4J provider, which formats them ({@code {}}, a last Throwable). */
final class Slf4jSink implements Sink {

    private final Logger logger;

    Slf4jSink(String name) {
        this.logger = LoggerFactory.getLogger(name);
    }

    @Override
    public boolean enabled(LogLevel level) {
        switch (level) {
            case TRACE: return logger.isTraceEnabled();
            case DEBUG: return logger.isDebugEnabled();
            case INFO: return logger.isInfoEnabled();
            case WARN: return logger.isWarnEnabled();
            default: return logger.isErrorEnabled();
        }
    }

    @Override
    public void write(LogLevel level, String format, Object[] args) {
        switch (level) {
            case TRACE: logger.trace(format, args); break;
            case DEBUG: logger.debug(format, args); break;
            case INFO: logger.info(format, args); break;
            case WARN: logger.warn(format, args); break;
            default: logger.error(format, args); break;
        }
    }
}
