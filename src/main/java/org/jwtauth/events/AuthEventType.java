package org.jwtauth.events;

/** What happened; docs/operations.md lists each with its fields and when it is published. */
public enum AuthEventType {
    /** A login succeeded: subject, the new session, the client address. */
    LOGIN,
    /** A login was refused: the username tried (when acceptable), the address, a reason. */
    LOGIN_FAILED,
    /** A refresh token was exchanged: subject, session, address. */
    REFRESH,
    /** A refresh was refused: subject and session when the access token verified, the address, a reason. */
    REFRESH_FAILED,
    /** A rotated refresh token came back; its session (family) was revoked. */
    REUSE_DETECTED,
    /** Logout of one device: its session was revoked. */
    LOGOUT,
    /** Logout of every device of the subject (over HTTP or by the application). */
    LOGOUT_ALL_DEVICES,
    /** One session was ended by its user (over HTTP), by the application, or by a login beyond the limit per user. */
    SESSION_REVOKED,
    /** The filter refused a bearer token: a reason, subject and session only when the token verified. */
    TOKEN_REJECTED,
    /** An endpoint answered 503 because the database could not be reached. */
    STORE_UNAVAILABLE
}
