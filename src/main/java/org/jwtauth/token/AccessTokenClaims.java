package org.jwtauth.token;

/** Names shared by the issuer and the verifier. */
final class AccessTokenClaims {

    /** RFC 9068 section 2.1: access tokens are typed so that other JWTs cannot be substituted for them. */
    static final String TYPE = "at+jwt";

    /** The refresh-token family the access token was issued in (OpenID Connect's session id claim name). */
    static final String SESSION_ID = "sid";

    private AccessTokenClaims() {
    }
}
