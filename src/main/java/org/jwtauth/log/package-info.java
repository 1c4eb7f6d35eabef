/**
 * The library's logging: {@link org.jwtauth.log.Log}, which writes to the web application's SLF4J provider when
 * it has one and to {@code java.util.logging} (the container's log) otherwise. The library never ships or picks a
 * binding; every logger name starts with {@code org.jwtauth} ({@link org.jwtauth.log.LoggerNames}).
 */
package org.jwtauth.log;
