package org.jwtauth.token;

import java.security.Key;
import java.util.Locale;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.jwtauth.token.InvalidTokenException.Reason;

/**
 * The signature stage of access-token verification, kept apart from the claims so that it can be tested on its
 * own: the {@link TokenShape} check, then the JWS signature (RFC 7515 section 5.2) with exactly the configured
 * algorithm (RFC 8725 section 3.1) and the key chosen by {@code kid} among the configured {@link SigningKeys}
 * only. Key-carrying header parameters ({@code jku}, {@code x5u}, {@code jwk}, {@code x5c}) are never read; a
 * {@code crit} parameter fails, since none is understood (RFC 7515 section 4.1.11); a nested JWT
 * ({@code cty: JWT}) is refused (RFC 8725 section 2.7). Immutable and thread-safe; a jose4j
 * {@link JsonWebSignature} is made per call.
 */
final class JwsSignatureVerifier {

    private final SigningKeys keys;
    private final AlgorithmConstraints algorithm;

    JwsSignatureVerifier(SigningKeys keys) {
        this.keys = keys;
        this.algorithm = new AlgorithmConstraints(ConstraintType.PERMIT, keys.algorithm());
    }

    /**
     * The payload of {@code token} once its signature has been verified.
     *
     * @throws InvalidTokenException {@link Reason#MALFORMED} when the shape check fails, else {@link Reason#INVALID}
     */
    byte[] verify(String token) throws InvalidTokenException {
        if (!TokenShape.isCompactJws(token)) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(algorithm);
            jws.setCompactSerialization(token);
            if (isNested(jws.getContentTypeHeaderValue())) {
                throw new InvalidTokenException(Reason.INVALID);
            }
            Key key = keys.verificationKey(jws.getKeyIdHeaderValue()).orElse(null);
            if (key == null) {
                throw new InvalidTokenException(Reason.INVALID);
            }
            jws.setKey(key);
            // Checks the algorithm against the constraint, the key against the algorithm, and crit.
            if (!jws.verifySignature()) {
                throw new InvalidTokenException(Reason.INVALID);
            }
            return jws.getUnverifiedPayloadBytes(); // verified just above
        } catch (JoseException | RuntimeException | StackOverflowError e) {
            // Deliberately no logging of e: jose4j messages may quote the token (design section 5).
            throw new InvalidTokenException(Reason.INVALID);
        }
    }

    /** RFC 7519 section 5.2: {@code cty} "JWT" marks a nested JWT; "application/" may be omitted. */
    private static boolean isNested(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.equals("jwt") || type.equals("application/jwt");
    }
}
