package org.jwtauth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.AudValidator;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.IssValidator;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.TypeValidator;
import org.jwtauth.token.InvalidTokenException.Reason;

/**
 * Verifies access tokens (RFC 8725, RFC 9068 section 4). The signature is checked first, by a
 * {@link JwsSignatureVerifier} (exactly one permitted algorithm, a configured key); then one jose4j
 * {@link JwtConsumer}, built once and shared by all threads, reads the claims of that same string and checks
 * {@code typ}, {@code iss}, {@code aud}. The time claims are checked here against the injected {@link Clock},
 * since a jose4j consumer's evaluation time is fixed when it is built.
 */
public final class AccessTokenVerifier {

    private final JwsSignatureVerifier signature;
    private final JwtConsumer consumer;
    private final TimeRules timeRules;
    private final String rolesClaim;

    public AccessTokenVerifier(SigningKeys keys, String issuer, String audience, String rolesClaim,
                               Duration lifetime, Duration clockSkew, Clock clock) {
        this.rolesClaim = rolesClaim;
        this.timeRules = new TimeRules(clock, clockSkew, lifetime);
        this.signature = new JwsSignatureVerifier(keys);
        this.consumer = new JwtConsumerBuilder()
                // jose4j's date validator reads the system clock; ours (TimeRules) reads the injected one.
                .setSkipAllDefaultValidators()
                // verify() has the signature checked by JwsSignatureVerifier before this consumer sees the token.
                .setSkipSignatureVerification()
                .setJwsAlgorithmConstraints(ConstraintType.PERMIT, keys.algorithm())
                .registerValidator(new TypeValidator(true, AccessTokenClaims.TYPE))
                .registerValidator(new IssValidator(issuer, true))
                .registerValidator(new AudValidator(Set.of(audience), true))
                .registerValidator(notNested())
                .build();
    }

    /** A currently valid access token, or an exception whose message is a fixed, client-safe text. */
    public JwtPrincipal verify(String token) throws InvalidTokenException {
        return verify(token, Duration.ZERO);
    }

    /**
     * For the refresh endpoint: everything must hold except that the token may have expired, by at most
     * {@code maxExpiredAge} (the session's absolute lifetime).
     */
    public JwtPrincipal verifyAllowingExpiry(String token, Duration maxExpiredAge) throws InvalidTokenException {
        return verify(token, maxExpiredAge);
    }

    private JwtPrincipal verify(String token, Duration expiredGrace) throws InvalidTokenException {
        signature.verify(token);
        JwtClaims claims = ConsumedClaims.of(consumer, token);
        try {
            Instant expiresAt = timeRules.check(claims, expiredGrace);
            // Design section 5: jti is required. The consumer's JtiValidator is a default validator, skipped above.
            requiredString(claims, "jti");
            return new JwtPrincipal(requiredString(claims, "sub"), requiredString(claims, AccessTokenClaims.SESSION_ID),
                    roles(claims), expiresAt, claims.getClaimsMap());
        } catch (MalformedClaimException | ClassCastException e) {
            throw new InvalidTokenException(Reason.INVALID);
        }
    }

    private static String requiredString(JwtClaims claims, String name) throws InvalidTokenException,
            MalformedClaimException {
        String value = claims.getStringClaimValue(name);
        if (value == null || value.isEmpty()) {
            throw new InvalidTokenException(Reason.INVALID);
        }
        return value;
    }

    private Set<String> roles(JwtClaims claims) throws MalformedClaimException, InvalidTokenException {
        if (!claims.hasClaim(rolesClaim)) {
            return Set.of();
        }
        List<String> list = claims.getStringListClaimValue(rolesClaim);
        if (list.contains(null)) {
            // jose4j lets a JSON null through as a "string"; JwtPrincipal's Set.copyOf would throw a NullPointerException.
            throw new InvalidTokenException(Reason.INVALID);
        }
        return new LinkedHashSet<>(list);
    }

    /** RFC 8725 section 2.7: a nested JWT (cty: JWT) is never what we issued. */
    private static ErrorCodeValidator notNested() {
        return context -> context.getJoseObjects().size() == 1 ? null
                : new ErrorCodeValidator.Error(org.jose4j.jwt.consumer.ErrorCodes.MISCELLANEOUS, "nested JWT");
    }
}
