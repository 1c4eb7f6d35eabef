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

    /** The audit lines of the authentication events (failures, reuse, revocations), to route to an audit file. */
    public static final String AUDIT = "org.jwtauth.audit";

    private LoggerNames() {
    }
}
