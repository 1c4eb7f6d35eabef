package org.jwtauth.token;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jwtauth.token.InvalidTokenException.Reason;

/** Runs a shared jose4j consumer and turns every way it can fail into one fixed, client-safe refusal. */
final class ConsumedClaims {

    private ConsumedClaims() {
    }

    static JwtClaims of(JwtConsumer consumer, String token) throws InvalidTokenException {
        try {
            return consumer.process(token).getJwtClaims();
        } catch (InvalidJwtException | RuntimeException | StackOverflowError e) {
            // Deliberately no logging of e: jose4j messages quote the claims (design section 5).
            throw new InvalidTokenException(Reason.INVALID);
        }
    }
}
