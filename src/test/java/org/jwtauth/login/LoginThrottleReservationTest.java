package org.jwtauth.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.testing.MutableClock;

/**
 * The throttle's guards against parallel guesses, aliases of one username, IPv6 address hopping and floods of the
 * bounded maps (OWASP ASVS V2.2.1).
 */
class LoginThrottleReservationTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new SettingsParser(ConfigSource.of(Map.of(
            ConfigKeys.SECRET, "0123456789abcdef0123456789abcdef")), n -> null).parse().throttle(), clock);

    /** Attempts begun and not yet ended, as parallel requests whose passwords are being checked. */
    private List<LoginThrottle.Attempt> inFlight(String user, String address, int n) {
        List<LoginThrottle.Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            attempts.add(throttle.begin(user, address));
        }
        return attempts;
    }

    private static long granted(List<LoginThrottle.Attempt> attempts) {
        return attempts.stream().filter(LoginThrottle.Attempt::granted).count();
    }

    @Test
    void beginWhenFiftyGuessesAreInFlightAtOnceThenOnlyAsManyAsOneAfterAnotherGetAPasswordCheck() {
        List<LoginThrottle.Attempt> attempts = inFlight("alice", "10.0.0.1", 50);
        // One after another: 5 free failures and the 6th, which starts the lock-out.
        assertEquals(6, granted(attempts));
        attempts.stream().filter(a -> !a.granted())
                .forEach(a -> assertTrue(a.retryAfter().compareTo(Duration.ZERO) > 0));
        attempts.forEach(LoginThrottle.Attempt::failed);
        assertEquals(Duration.ofSeconds(1), throttle.waitBeforeAttempt("alice", "10.0.0.2"));
    }

    @Test
    void beginWhenTheChecksInFlightEndWithoutAVerdictThenTheyCountForNothing() {
        List<LoginThrottle.Attempt> attempts = inFlight("alice", "10.0.0.1", 6);
        attempts.forEach(LoginThrottle.Attempt::close);
        assertEquals(6, granted(inFlight("alice", "10.0.0.1", 50)), "a directory outage is no failed login");
    }

    @Test
    void beginWhenALockOutHasPassedThenOneCheckAtATimeUntilTheNextLockOut() {
        inFlight("alice", "10.0.0.1", 6).forEach(LoginThrottle.Attempt::failed);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, granted(inFlight("alice", "10.0.0.1", 10)));
    }

    @Test
    void beginWhenTheUsernameDiffersInCaseWidthOrCompatibilityFormThenItCountsAsOne() {
        for (String alias : List.of("alice", "Alice", "ALICE", "\uff41\uff4c\uff49\uff43\uff45", "ALİCE".replace("İ", "I"))) {
            throttle.begin(alias, "10.0.0.1").failed();
        }
        throttle.begin("aLiCe", "10.0.0.2").failed();
        assertEquals(Duration.ofSeconds(1), throttle.waitBeforeAttempt("alice", "10.0.0.3"));
        assertEquals(Usernames.throttleKey("strasse"), Usernames.throttleKey("STRASSE"));
        assertEquals(Usernames.throttleKey("straße"), Usernames.throttleKey("STRASSE"));
    }

    @Test
    void acceptableWhenTheUsernameHasSurroundingSpaceOrAControlCharacterThenNot() {
        for (String bad : List.of("alice ", " alice", "alice\t", "alice\u00a0", "\u2003alice", "ali\u0000ce",
                "alice\n", "al\u007fice")) {
            assertFalse(Usernames.acceptable(bad), bad);
        }
        for (String good : List.of("alice", "alice smith", "ålice", "alice@example.org", "a")) {
            assertTrue(Usernames.acceptable(good), good);
        }
    }

    @Test
    void throttleKeyWhenIpv6AddressesShareASlash64ThenOneKeyAndOtherwiseApart() {
        assertEquals(ClientAddresses.throttleKey("2001:db8:1:2::1"),
                ClientAddresses.throttleKey("2001:db8:1:2:ffff:eeee:dddd:cccc"));
        assertEquals(ClientAddresses.throttleKey("2001:db8:1:2::1"),
                ClientAddresses.throttleKey("[2001:0db8:0001:0002::9%eth0]"));
        assertNotEquals(ClientAddresses.throttleKey("2001:db8:1:2::1"), ClientAddresses.throttleKey("2001:db8:1:3::1"));
        assertEquals("192.0.2.7", ClientAddresses.throttleKey("192.0.2.7"));
        assertEquals("192.0.2.7", ClientAddresses.throttleKey("::ffff:192.0.2.7"));
        assertNotEquals(ClientAddresses.throttleKey("192.0.2.7"), ClientAddresses.throttleKey("192.0.2.8"));
    }

    @Test
    void beginWhenAHostHopsAcrossItsSlash64ThenItsAddressIsLockedOut() {
        for (int i = 0; i <= 20; i++) {
            throttle.begin("user" + i, "2001:db8:1:2::" + Integer.toHexString(i + 1)).failed();
        }
        assertEquals(Duration.ofSeconds(1), throttle.waitBeforeAttempt("someone", "2001:db8:1:2:abcd::1"));
        assertEquals(Duration.ZERO, throttle.waitBeforeAttempt("someone", "2001:db8:1:3::1"));
    }

    @Test
    void reserveWhenAFloodOfNewKeysFillsTheMapThenALockedOutKeyStaysLockedUntilItsLockOutEnds() {
        FailureCounter counter = new FailureCounter(1, Duration.ofSeconds(1), Duration.ofMinutes(15), 100);
        Instant now = clock.instant();
        counter.failed(counter.reserve("victim", now), now);
        counter.failed(counter.reserve("victim", now), now);
        for (int i = 0; i < 10_000; i++) {
            counter.failed(counter.reserve("flood" + i, now), now);
        }
        assertEquals(Duration.ofSeconds(1), counter.remainingLockout("victim", now));
        assertEquals(100, counter.size());
    }

    @Test
    void reserveWhenEveryRememberedKeyIsLockedOutThenAnUntouchedKeyStillGetsItsCheck() {
        FailureCounter counter = new FailureCounter(1, Duration.ofSeconds(1), Duration.ofMinutes(15), 100);
        Instant now = clock.instant();
        for (int i = 0; i < 100; i++) {
            counter.failed(counter.reserve("flood" + i, now), now);
            counter.failed(counter.reserve("flood" + i, now), now);
        }
        assertTrue(counter.reserve("bystander", now).granted(), "a user outside the flood is not locked out");
        for (int i = 0; i < 100; i++) {
            assertFalse(counter.reserve("flood" + i, now).granted(), "flood" + i + " stays locked");
        }
    }
}
