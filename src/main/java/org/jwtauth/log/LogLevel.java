package org.jwtauth.log;

/** SLF4J's five levels; {@link JulSink} maps them as slf4j-jdk14 does. */
enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR
}
