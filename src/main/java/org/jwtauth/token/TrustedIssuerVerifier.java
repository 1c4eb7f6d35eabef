package org.jwtauth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.AudValidator;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.IssValidator;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.UnresolvableKeyException;
import org.jwtauth.config.SigningAlgorithm;
import org.jwtauth.config.TrustedIssuerSettings;
import org.jwtauth.token.InvalidTokenException.Reason;

/**
 * Verifies access tokens of the trusted second issuer with the keys of its JWKS ({@link RemoteJwks}): only the
 * configured algorithms, the key chosen by {@code kid} among the fetched keys, the issuer's {@code iss} and this
 * application's {@code aud}, bounded times. Gateways often type their tokens {@code JWT} or not at all, so
 * {@code typ} may be absent, {@code JWT} or {@code at+jwt} (RFC 9068 section 2.1); {@code sid} is not required.
 */
public final class TrustedIssuerVerifier {

    private static final Set<String> ACCEPTED_TYPES = Set.of("jwt", "at+jwt", "application/jwt",
            "application/at+jwt");

    private final JwtConsumer consumer;
    private final TimeRules timeRules;
    private final String rolesClaim;

    public TrustedIssuerVerifier(TrustedIssuerSettings settings, RemoteJwks jwks, Duration clockSkew, Clock clock) {
        this.rolesClaim = settings.rolesClaim();
        this.timeRules = new TimeRules(clock, clockSkew, settings.maxLifetime());
        String[] algorithms = settings.algorithms().stream().map(SigningAlgorithm::joseName).toArray(String[]::new);
        this.consumer = new JwtConsumerBuilder()
                .setSkipAllDefaultValidators()
                .setJwsAlgorithmConstraints(ConstraintType.PERMIT, algorithms)
                .setVerificationKeyResolver((jws, nesting) -> {
                    SigningAlgorithm algorithm = SigningAlgorithm.parse(jws.getAlgorithmHeaderValue())
                            .orElseThrow(() -> new UnresolvableKeyException("algorithm"));
                    return jwks.key(jws.getKeyIdHeaderValue(), algorithm)
                            .orElseThrow(() -> new UnresolvableKeyException("unknown kid"));
                })
                .registerValidator(acceptedType())
                .registerValidator(new IssValidator(settings.issuer(), true))
                .registerValidator(new AudValidator(Set.of(settings.audience()), true))
                .build();
    }

    public JwtPrincipal verify(String token) throws InvalidTokenException {
        if (!TokenShape.isCompactJws(token)) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        JwtClaims claims = ConsumedClaims.of(consumer, token);
        try {
            Instant expiresAt = timeRules.check(claims, Duration.ZERO);
            String subject = claims.getSubject();
            if (subject == null || subject.isEmpty()) {
                throw new InvalidTokenException(Reason.INVALID);
            }
            Object sid = claims.getClaimValue("sid");
            return new JwtPrincipal(subject, sid instanceof String ? (String) sid : null, roles(claims), expiresAt,
                    claims.getClaimsMap());
        } catch (MalformedClaimException | ClassCastException e) {
            throw new InvalidTokenException(Reason.INVALID);
        }
    }

    /** An array of names, or one space-separated string as some providers write it. */
    private Set<String> roles(JwtClaims claims) throws MalformedClaimException {
        Object value = claims.getClaimValue(rolesClaim);
        if (value == null) {
            return Set.of();
        }
        if (value instanceof String) {
            return new LinkedHashSet<>(Arrays.asList(((String) value).trim().split("\\s+")));
        }
        return new LinkedHashSet<>(claims.getStringListClaimValue(rolesClaim));
    }

    /** RFC 7515 section 4.1.9: typ is compared case-insensitively, "application/" may be omitted. */
    private static ErrorCodeValidator acceptedType() {
        return context -> {
            if (context.getJoseObjects().size() != 1) {
                return new ErrorCodeValidator.Error(ErrorCodes.MISCELLANEOUS, "nested JWT");
            }
            String type = context.getJoseObjects().get(0).getHeader("typ");
            return type == null || ACCEPTED_TYPES.contains(type.toLowerCase(Locale.ROOT)) ? null
                    : new ErrorCodeValidator.Error(ErrorCodes.TYPE_INVALID, "typ");
        };
    }
}
