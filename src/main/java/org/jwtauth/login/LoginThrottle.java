package org.jwtauth.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jwtauth.config.ThrottleSettings;
import org.jwtauth.log.Log;

/**
 * Slows down password guessing (OWASP ASVS V2.2.1): failed logins are counted per username and per client
 * address, and past a few free attempts each further failure locks that username or address out for a growing
 * time. While locked, the password is not even checked. Each check is reserved before it starts ({@link #begin}),
 * so parallel guesses get no more checks than sequential ones. A successful login clears the username's count
 * (not the address's: one address may be guessing many usernames). Usernames are counted by their
 * {@link Usernames#throttleKey canonical form}, addresses by {@link ClientAddresses#throttleKey network}.
 */
public final class LoginThrottle {

    private static final Log LOG = Log.of(LoginThrottle.class);

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

    /** One login attempt; end it with exactly one of its methods, or close it (which counts for nothing). */
    public final class Attempt implements AutoCloseable {
        private final String userKey;
        private final String addressKey;
        private final FailureCounter.Reservation user;
        private final FailureCounter.Reservation address;
        private final Duration retryAfter;
        private boolean open;

        private Attempt(String userKey, String addressKey, FailureCounter.Reservation user,
                        FailureCounter.Reservation address, Duration retryAfter) {
            this.userKey = userKey;
            this.addressKey = addressKey;
            this.user = user;
            this.address = address;
            this.retryAfter = retryAfter;
            this.open = retryAfter.isZero();
        }

        /** Whether the password may be checked now. */
        public boolean granted() {
            return retryAfter.isZero();
        }

        /** How long to wait when not granted. */
        public Duration retryAfter() {
            return retryAfter;
        }

        /** Wrong username or password. */
        public void failed() {
            if (end()) {
                Instant now = clock.instant();
                Duration userLockout = byUsername.failed(user, now);
                Duration addressLockout = byAddress.failed(address, now);
                // One line per lock-out, not per refused attempt: an attack costs at most one line per lock-out
                // period and key. Usernames are logged as Tomcat's LockOutRealm does; the password never is.
                if (!userLockout.isZero()) {
                    LOG.warn("Login throttle: username {} locked out for {} after repeated failed logins", userKey,
                            userLockout);
                }
                if (!addressLockout.isZero()) {
                    LOG.warn("Login throttle: client address {} locked out for {} after repeated failed logins",
                            addressKey, addressLockout);
                }
            }
        }

        public void succeeded() {
            if (end()) {
                byUsername.succeeded(user, userKey);
                byAddress.released(address);
            }
        }

        /** No verdict (the directory failed, the request could not be checked): not a failed login. */
        @Override
        public void close() {
            if (end()) {
                byUsername.released(user);
                byAddress.released(address);
            }
        }

        private synchronized boolean end() {
            boolean wasOpen = open;
            open = false;
            return wasOpen;
        }
    }

    /** Reserves a password check for this username from this address, or says how long to wait. */
    public Attempt begin(String username, String address) {
        Instant now = clock.instant();
        String userKey = Usernames.throttleKey(username);
        String addressKey = ClientAddresses.throttleKey(address);
        FailureCounter.Reservation user = byUsername.reserve(userKey, now);
        if (!user.granted()) {
            return new Attempt(userKey, addressKey, user, user, user.refusedFor);
        }
        FailureCounter.Reservation addr = byAddress.reserve(addressKey, now);
        if (!addr.granted()) {
            byUsername.released(user);
            return new Attempt(userKey, addressKey, user, addr, addr.refusedFor);
        }
        return new Attempt(userKey, addressKey, user, addr, Duration.ZERO);
    }

    /** How long an attempt for this username from this address would have to wait now; zero when it may go. */
    public Duration waitBeforeAttempt(String username, String address) {
        Instant now = clock.instant();
        Duration user = byUsername.remainingLockout(Usernames.throttleKey(username), now);
        Duration addr = byAddress.remainingLockout(ClientAddresses.throttleKey(address), now);
        return user.compareTo(addr) >= 0 ? user : addr;
    }
}
