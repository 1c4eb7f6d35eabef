package org.jwtauth.token;

/**
 * Turns a bearer token into the caller it describes, or refuses it. Implementations are immutable and
 * thread-safe; the filter and the endpoints that take a bearer token share one.
 */
public interface TokenVerifier {

    /** A currently valid access token, or an exception whose message is a fixed, client-safe text. */
    JwtPrincipal verify(String token) throws InvalidTokenException;
}
