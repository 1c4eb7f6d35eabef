package org.jwtauth.refresh;

/** Life cycle of one stored refresh token. */
public enum RefreshTokenState {
    /** May be exchanged once. */
    ACTIVE,
    /** Already exchanged for its successor; presenting it again is reuse (RFC 9700 section 4.14.2). */
    ROTATED,
    /** Its family was revoked (logout or reuse detected). */
    REVOKED
}
