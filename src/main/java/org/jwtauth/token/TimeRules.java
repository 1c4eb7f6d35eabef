package org.jwtauth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jwtauth.token.InvalidTokenException.Reason;

/**
 * {@code exp}, {@code iat} and {@code nbf} (RFC 7519 sections 4.1.4 to 4.1.6) against the injected clock, with a
 * bounded skew. {@code exp} and {@code iat} are required; a token may not claim to be issued in the future nor
 * to be valid for longer than the configured lifetime, so a stolen signing key cannot mint a year-long token
 * that this deployment would accept.
 */
final class TimeRules {

    private final Clock clock;
    private final long skewSeconds;
    private final long maxValiditySeconds;

    TimeRules(Clock clock, Duration skew, Duration lifetime) {
        this.clock = clock;
        this.skewSeconds = skew.getSeconds();
        this.maxValiditySeconds = lifetime.getSeconds() + skew.getSeconds();
    }

    /** @return the expiry */
    Instant check(JwtClaims claims, Duration expiredGrace) throws InvalidTokenException {
        try {
            return checked(claims, expiredGrace);
        } catch (MalformedClaimException e) {
            throw new InvalidTokenException(Reason.INVALID);
        }
    }

    private Instant checked(JwtClaims claims, Duration expiredGrace) throws InvalidTokenException,
            MalformedClaimException {
        long now = clock.instant().getEpochSecond();
        long exp = required(claims.getExpirationTime());
        long iat = required(claims.getIssuedAt());
        NumericDate nbf = claims.getNotBefore();
        if (iat > now + skewSeconds || (nbf != null && nbf.getValue() > now + skewSeconds)) {
            throw new InvalidTokenException(Reason.INVALID);
        }
        long validity;
        long expiredFor;
        try {
            // Exact arithmetic: a hostile exp or iat may be any long (1e300 parses to Long.MAX_VALUE).
            validity = Math.subtractExact(exp, iat);
            expiredFor = Math.subtractExact(now, exp);
        } catch (ArithmeticException e) {
            throw new InvalidTokenException(Reason.INVALID);
        }
        if (validity < 0 || validity > maxValiditySeconds) {
            throw new InvalidTokenException(Reason.INVALID);
        }
        // RFC 7519 section 4.1.4: valid only while now is before exp. In whole seconds, now >= exp means the
        // second of exp has begun, so a token is expired from then on (plus the skew and grace).
        if (expiredFor >= skewSeconds + expiredGrace.getSeconds()) {
            throw new InvalidTokenException(Reason.EXPIRED);
        }
        return Instant.ofEpochSecond(exp);
    }

    private static long required(NumericDate date) throws InvalidTokenException {
        if (date == null) {
            throw new InvalidTokenException(Reason.INVALID);
        }
        return date.getValue();
    }
}
