package org.jwtauth.events;

/** Why a login, a refresh or a token was refused. */
public enum AuthEventReason {
    /** Login: wrong username or password (the answer does not say which). */
    BAD_CREDENTIALS,
    /** Login: the username or the client address is locked out by the login throttle. */
    THROTTLED,
    /** Login: the authenticator (directory) failed; answered 503. */
    DIRECTORY_UNAVAILABLE,
    /** Refresh: the access or refresh token is not one we accept; filter: a bad signature, issuer, audience, ... */
    INVALID,
    /** Refresh: the refresh token or its session expired; filter: the access token expired. */
    EXPIRED,
    /** Refresh: a rotated refresh token presented again (see {@link AuthEventType#REUSE_DETECTED}). */
    REUSED,
    /** Refresh: the refresh token belongs to another subject or session than the access token. */
    MISMATCH,
    /** Refresh: the authenticator no longer knows the user; the session ended. */
    USER_GONE,
    /** Filter: not a token at all, an empty one, two Authorization headers, a token in the query. */
    MALFORMED,
    /** Filter: the token verifies, but its session was revoked or its subject signed out everywhere. */
    CUT_OFF,
    /** Filter: the token verifies but carries none of the roles the filter requires. */
    INSUFFICIENT_ROLE
}
