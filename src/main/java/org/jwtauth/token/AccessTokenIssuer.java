package org.jwtauth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.ReservedClaimNames;
import org.jose4j.lang.JoseException;

/**
 * Signs access tokens in the JWT profile of RFC 9068: header {@code typ: at+jwt} and {@code kid}; claims
 * {@code iss, aud, sub, exp, iat, jti, sid} and the roles claim. Thread-safe.
 */
public final class AccessTokenIssuer {

    /** Claims an authenticator cannot set: the issuer owns them. */
    private static final Set<String> OWN_CLAIMS = Set.of(ReservedClaimNames.ISSUER, ReservedClaimNames.AUDIENCE,
            ReservedClaimNames.SUBJECT, ReservedClaimNames.EXPIRATION_TIME, ReservedClaimNames.ISSUED_AT,
            ReservedClaimNames.NOT_BEFORE, ReservedClaimNames.JWT_ID, AccessTokenClaims.SESSION_ID);

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final String rolesClaim;
    private final Duration lifetime;
    private final Clock clock;

    public AccessTokenIssuer(SigningKeys keys, String issuer, String audience, String rolesClaim, Duration lifetime,
                             Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.rolesClaim = rolesClaim;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /**
     * @param extraClaims further claims (e.g. from a custom authenticator); registered claims, {@code sid} and the
     *                    roles claim among them are ignored
     */
    public IssuedAccessToken issue(String subject, Collection<String> roles, String sessionId,
                                   Map<String, Object> extraClaims) {
        // NumericDate has one-second resolution (RFC 7519 section 2); truncate so exp and the response agree.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(lifetime);
        JwtClaims claims = new JwtClaims();
        extraClaims.forEach((name, value) -> {
            if (!OWN_CLAIMS.contains(name) && !name.equals(rolesClaim)) {
                claims.setClaim(name, value);
            }
        });
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setGeneratedJwtId();
        claims.setClaim(AccessTokenClaims.SESSION_ID, sessionId);
        claims.setStringListClaim(rolesClaim, List.copyOf(roles));

        JsonWebSignature jws = new JsonWebSignature();
        OwnTokenHeader.set(jws, keys.algorithm(), keys.signingKeyId());
        jws.setKey(keys.signingKey());
        jws.setPayload(claims.toJson());
        try {
            return new IssuedAccessToken(jws.getCompactSerialization(), expiresAt);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign an access token with the configured key", e);
        }
    }
}
