package org.jwtauth.token;

/**
 * Whether a token that verifies is nevertheless no longer acceptable: its session was revoked, or its subject
 * signed out of all devices after it was issued (design section 10). Asked for every request, cached or not, so
 * it answers from memory; the filter never waits on the database. Implementations are thread-safe.
 */
@FunctionalInterface
public interface TokenCutOff {

    /** Nothing is cut off. */
    TokenCutOff NONE = principal -> false;

    boolean isCutOff(JwtPrincipal principal);
}
