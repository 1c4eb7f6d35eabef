package org.jwtauth.token;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.AudValidator;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.IssValidator;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;
import org.jwtauth.token.InvalidTokenException.Reason;

/**
 * Verifies the access tokens of one issuer (RFC 8725, RFC 9068 section 4): the {@link TokenShape} check, then,
 * for a token whose header is exactly one of ours, the {@link #onePass} check (signature on the text, claims parsed
 * once), and for any other one jose4j {@link JwtConsumer}, built once and shared by all threads, that checks the signature with
 * the permitted algorithms only (RFC 8725 section 3.1) and a key its resolver picks among configured keys (never
 * {@code jku}, {@code x5u}, {@code jwk} or {@code x5c} from the token, section 3.10), refuses {@code crit}
 * (RFC 7515 section 4.1.11) and nested JWTs (RFC 8725 section 2.7), and checks {@code typ}, {@code iss} and
 * {@code aud}. The time claims are checked against the injected {@link Clock} by {@link TimeRules}, since a
 * jose4j consumer reads the system clock; the {@link PrincipalMapper} turns the claims into the caller.
 *
 * <p>Built like jose4j's {@code JwtConsumerBuilder}: {@link #builder()} for any issuer, or
 * {@link #forOwnTokens} for this application's tokens.
 */
public final class AccessTokenVerifier implements TokenVerifier {

    private final JwtConsumer consumer;
    private final AlgorithmConstraints algorithms;
    private final VerificationKeyResolver keys;
    private final TimeRules timeRules;
    private final PrincipalMapper mapper;
    /** The claim rules (issuer, audience, any added), run by the consumer and by the one-pass path alike. */
    private final List<ErrorCodeValidator> claimRules;
    /** The exact first segment of each of our own headers, and its check; empty for another issuer's verifier. */
    private final String[] ownHeaders;
    private final SignatureCheck[] ownHeaderChecks;

    private AccessTokenVerifier(Builder b) {
        this.algorithms = new AlgorithmConstraints(ConstraintType.PERMIT, b.algorithms.toArray(String[]::new));
        this.keys = b.keys;
        this.timeRules = new TimeRules(b.clock, b.clockSkew, b.maxLifetime);
        this.mapper = new PrincipalMapper(new RolesClaim(b.rolesClaim, b.rolesMayBeOneString), b.ownTokens);
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                // jose4j's date validator reads the system clock; TimeRules reads the injected one.
                .setSkipAllDefaultValidators()
                .setJwsAlgorithmConstraints(algorithms)
                .setVerificationKeyResolver(keys)
                .registerValidator(new TypeRule(b.typeRequired, b.acceptedTypes));
        List<ErrorCodeValidator> rules = new ArrayList<>(List.of(new IssValidator(b.issuer, true),
                new AudValidator(b.audiences, true)));
        rules.addAll(b.rules);
        this.claimRules = List.copyOf(rules);
        claimRules.forEach(builder::registerValidator);
        this.consumer = builder.build();
        List<String> keyIds = b.ownKeys == null ? List.of() : b.ownKeys.verificationKeyIds();
        this.ownHeaders = new String[keyIds.size()];
        this.ownHeaderChecks = new SignatureCheck[keyIds.size()];
        for (int i = 0; i < keyIds.size(); i++) {
            ownHeaders[i] = OwnTokenHeader.encoded(b.ownKeys.algorithm(), keyIds.get(i));
            ownHeaderChecks[i] = SignatureCheck.of(b.ownKeys.algorithm(),
                    b.ownKeys.verificationKey(keyIds.get(i)).orElseThrow());
        }
    }

    /** This application's own tokens: one algorithm, our keys, {@code typ: at+jwt}, {@code sid} and {@code jti}. */
    public static AccessTokenVerifier forOwnTokens(SigningKeys keys, String issuer, String audience,
                                                   String rolesClaim, Duration lifetime, Duration clockSkew,
                                                   Clock clock) {
        return forOwnTokens(keys, issuer, Set.of(audience), rolesClaim, lifetime, clockSkew, clock);
    }

    /** The same, accepting any of {@code audiences} (the refresh endpoint's transition to a new default). */
    static AccessTokenVerifier forOwnTokens(SigningKeys keys, String issuer, Set<String> audiences,
                                            String rolesClaim, Duration lifetime, Duration clockSkew, Clock clock) {
        return builder().issuer(issuer).audiences(audiences).algorithms(List.of(keys.algorithm()))
                .keys((jws, nesting) -> keys.verificationKey(jws.getKeyIdHeaderValue())
                        .orElseThrow(() -> new UnresolvableKeyException("kid")))
                .types(true, Set.of(AccessTokenClaims.TYPE)).ownTokens(true).ownHeaders(keys).rolesClaim(rolesClaim, false)
                .maxLifetime(lifetime).clockSkew(clockSkew).clock(clock).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
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
        if (!TokenShape.isCompactJws(token)) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        int payloadStart = token.indexOf('.') + 1;
        SignatureCheck ours = ownHeader(token, payloadStart - 1);
        JwtClaims claims;
        try {
            claims = ours == null ? consumer.process(token).getJwtClaims() : onePass(token, payloadStart, ours);
        } catch (InvalidJwtException | MalformedClaimException | RuntimeException | StackOverflowError e) {
            // Deliberately no logging of e: jose4j messages quote the claims (design section 5).
            throw new InvalidTokenException(Reason.INVALID);
        }
        return mapper.principal(claims, timeRules.check(claims, expiredGrace));
    }

    /**
     * A token whose header is exactly one of ours needs no header parsing: its {@code alg}, {@code kid} and
     * {@code typ} are known, and it has no {@code crit}, {@code cty} or key-carrying parameter. So the signature
     * is checked first, on the text (a forgery costs one signature check and no JSON), and the claims are parsed
     * once. Any other header takes the consumer's general path, with every header rule.
     */
    private JwtClaims onePass(String token, int payloadStart, SignatureCheck signature)
            throws InvalidTokenException, InvalidJwtException, MalformedClaimException {
        int signatureStart = token.indexOf('.', payloadStart) + 1;
        byte[] signingInput = token.substring(0, signatureStart - 1).getBytes(StandardCharsets.US_ASCII);
        if (!signature.verifies(signingInput, Base64.getUrlDecoder().decode(token.substring(signatureStart)))) {
            throw new InvalidTokenException(Reason.INVALID);
        }
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(payloadStart, signatureStart - 1)),
                StandardCharsets.UTF_8);
        JwtClaims claims = JwtClaims.parse(payload);
        JwtContext context = new JwtContext(token, claims, List.of());
        for (ErrorCodeValidator rule : claimRules) {
            if (rule.validate(context) != null) {
                throw new InvalidTokenException(Reason.INVALID);
            }
        }
        return claims;
    }

    /** Whether {@code token} would take {@link #onePass} (its header is exactly one of ours); for tests. */
    boolean takesOnePass(String token) {
        return ownHeader(token, token.indexOf('.')) != null;
    }

    /** The check of the one of our headers that {@code token} starts with, up to {@code dot}; else null. */
    private SignatureCheck ownHeader(String token, int dot) {
        // One or two headers (a previous secret's): comparing in place beats hashing a substring.
        for (int i = 0; i < ownHeaders.length; i++) {
            if (ownHeaders[i].length() == dot && token.startsWith(ownHeaders[i])) {
                return ownHeaderChecks[i];
            }
        }
        return null;
    }

    /**
     * The signature check alone, with the consumer's own algorithm constraints and key resolver, for conformance
     * vectors whose payloads are not claim sets (the consumer would refuse them before any signature question).
     */
    boolean signatureVerifies(String token) {
        if (!TokenShape.isCompactJws(token)) {
            return false;
        }
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(algorithms);
            jws.setCompactSerialization(token);
            if (TypeRule.isNested(jws)) {
                return false;
            }
            Key key = keys.resolveKey(jws, List.of());
            jws.setKey(key);
            return jws.verifySignature();
        } catch (JoseException | RuntimeException | StackOverflowError e) {
            return false;
        }
    }

    /** The rules of one issuer; every setting but the roles claim's format and the type is required. */
    public static final class Builder {
        private String issuer;
        private Set<String> audiences;
        private List<String> algorithms;
        private VerificationKeyResolver keys;
        private boolean typeRequired;
        private Set<String> acceptedTypes = Set.of();
        private boolean ownTokens;
        private String rolesClaim;
        private boolean rolesMayBeOneString;
        private Duration maxLifetime;
        private Duration clockSkew;
        private Clock clock;
        private final List<ErrorCodeValidator> rules = new ArrayList<>();
        private SigningKeys ownKeys;

        private Builder() {
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String audience) {
            return audiences(Set.of(audience));
        }

        /** A token is accepted when its {@code aud} holds one of these (RFC 7519 section 4.1.3). */
        public Builder audiences(Set<String> audiences) {
            this.audiences = Set.copyOf(audiences);
            return this;
        }

        /** The JWS {@code alg} values accepted; anything else is refused before a key is looked up. */
        public Builder algorithms(List<String> algorithms) {
            this.algorithms = List.copyOf(algorithms);
            return this;
        }

        /** Picks the verification key among configured or fetched keys only (RFC 8725 section 3.10). */
        public Builder keys(VerificationKeyResolver keys) {
            this.keys = keys;
            return this;
        }

        /**
         * The {@code typ} header values accepted (lower case, without {@code application/}, RFC 7515 section
         * 4.1.9); with {@code required} false a token without {@code typ} passes too.
         */
        public Builder types(boolean required, Set<String> accepted) {
            this.typeRequired = required;
            this.acceptedTypes = Set.copyOf(accepted);
            return this;
        }

        /** Ours: {@code sid} and {@code jti} are required (design section 5). */
        public Builder ownTokens(boolean ownTokens) {
            this.ownTokens = ownTokens;
            return this;
        }

        /** Recognise the headers these keys' tokens carry, for {@link #onePass}. */
        Builder ownHeaders(SigningKeys keys) {
            this.ownKeys = keys;
            return this;
        }

        /** The claim with the role names; a JSON array, or also one space-separated string when allowed. */
        public Builder rolesClaim(String rolesClaim, boolean mayBeOneString) {
            this.rolesClaim = rolesClaim;
            this.rolesMayBeOneString = mayBeOneString;
            return this;
        }

        /** The longest {@code exp - iat} accepted (plus the skew). */
        public Builder maxLifetime(Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
            return this;
        }

        public Builder clockSkew(Duration clockSkew) {
            this.clockSkew = clockSkew;
            return this;
        }

        /** A further check of the claims, after the signature and the issuer's rules. */
        public Builder rule(ErrorCodeValidator rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public AccessTokenVerifier build() {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(audiences, "audience");
            Objects.requireNonNull(algorithms, "algorithms");
            Objects.requireNonNull(keys, "keys");
            Objects.requireNonNull(rolesClaim, "rolesClaim");
            Objects.requireNonNull(maxLifetime, "maxLifetime");
            Objects.requireNonNull(clockSkew, "clockSkew");
            Objects.requireNonNull(clock, "clock");
            return new AccessTokenVerifier(this);
        }
    }
}
