package org.jwtauth.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jwtauth.config.ThrottleSettings;
import java.util.Locale;

/**
 * Slows down password guessing (OWASP ASVS V2.2.1): failed logins are counted per username and per client
 * address, and past a few free attempts each further failure locks that username or address out for a growing
 * time. While locked, the password is not even checked. A successful login clears the username's count (not
 * the address's: one address may be guessing many usernames).
 */
public final class LoginThrottle {

    private final FailureCounter byUsername;
    private final FailureCounter byAddress;
    private final Clock clock;

    public LoginThrottle(ThrottleSettings settings, Clock clock) {
        this.byUsername = new FailureCounter(settings.usernameAttempts(), settings.delay(), settings.maxDelay(),
                settings.capacity());
        this.byAddress = new FailureCounter(settings.addressAttempts(), settings.delay(), settings.maxDelay(),
                settings.capacity());
        this.clock = clock;
    }

    /** How long this attempt must wait before its password may be checked; zero when it may go ahead. */
    public Duration waitBeforeAttempt(String username, String address) {
        Instant now = clock.instant();
        Duration user = byUsername.remainingLockout(key(username), now);
        Duration addr = byAddress.remainingLockout(address, now);
        return user.compareTo(addr) >= 0 ? user : addr;
    }

    public void recordFailure(String username, String address) {
        Instant now = clock.instant();
        byUsername.recordFailure(key(username), now);
        byAddress.recordFailure(address, now);
    }

    public void recordSuccess(String username) {
        byUsername.reset(key(username));
    }

    /** Realms differ in case sensitivity; counting "Alice" and "alice" together is the safe side. */
    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
