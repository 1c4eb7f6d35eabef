package org.jwtauth.log;

/** Where one logger's lines go: SLF4J or java.util.logging. */
interface Sink {

    boolean enabled(LogLevel level);

    /** Writes one line; {@code format} has {@code {}} placeholders for {@code args}. */
    void write(LogLevel level, String format, Object[] args);
}
