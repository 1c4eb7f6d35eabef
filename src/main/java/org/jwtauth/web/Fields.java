package org.jwtauth.web;

/**
 * The fields of the token endpoints' bodies and how long each may be, checked before anything reaches the
 * authenticator or the database (design section 5).
 */
final class Fields {

    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String ACCESS_TOKEN = "accessToken";
    static final String REFRESH_TOKEN = "refreshToken";
    static final String ALL_DEVICES = "allDevices";
    static final String SESSION_ID = "sessionId";

    /** The store's subject column (RefreshTokenEntity) holds 255; the principal name becomes the subject. */
    static final int MAX_USERNAME = 255;
    static final int MAX_PASSWORD = 1024;
    /** Ours are 43 characters; the bound only keeps junk away from the hash and the database. */
    static final int MAX_REFRESH_TOKEN = 1024;
    /** Our session ids are 22 characters; the column holds 64. */
    static final int MAX_SESSION_ID = 64;
    /** Twice the verifier's own 8 KB bound, so the verifier, not the body reader, refuses a long token. */
    static final int MAX_ACCESS_TOKEN = 16 * 1024;
    /** A whole body; larger ones are refused before parsing. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    /**
     * How much of an oversized body is still read (and discarded) before answering. A server that answers and
     * closes while the client is still sending makes the client see a reset instead of the 400; reading a
     * moderately oversized body to its end lets the answer arrive. Beyond this, abuse gets the reset.
     */
    static final int MAX_DRAINED_BYTES = 1024 * 1024;

    private Fields() {
    }
}
