package org.jwtauth.log;

/**
 * Logger names that are not a class name. Every other logger of the library is named after its class
 * ({@code org.jwtauth.<package>.<Class>}); all start with {@link #ROOT}, so one setting routes or silences them.
 * These names are part of the library's contract (docs/operations.md lists them): deployers route by them.
 */
public final class LoggerNames {

    /** The parent of every logger of the library. */
    public static final String ROOT = "org.jwtauth";

    /** EclipseLink's own lines about the token store, stripped of exception messages. */
    public static final String ECLIPSELINK = "org.jwtauth.store.eclipselink";

    private LoggerNames() {
    }
}
