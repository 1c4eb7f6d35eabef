package org.jwtauth.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.config.ThrottleSettings;
import org.jwtauth.testing.MutableClock;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));

    private static ThrottleSettings settings(String... keyValues) {
        Map<String, String> map = new HashMap<>(Map.of(ConfigKeys.SECRET, "0123456789abcdef0123456789abcdef"));
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return new SettingsParser(ConfigSource.of(map), n -> null).parse().throttle();
    }

    private final LoginThrottle throttle = new LoginThrottle(settings(), clock);

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.begin(user, address).failed();
        }
    }

    @Test
    void settingsWhenNothingConfiguredThenFiveAttemptsPerUsernameTwentyPerAddressOneSecondDoublingToFifteenMinutes() {
        ThrottleSettings s = settings();
        assertEquals(5, s.usernameAttempts());
        assertEquals(20, s.addressAttempts());
        assertEquals(Duration.ofSeconds(1), s.delay());
        assertEquals(Duration.ofMinutes(15), s.maxDelay());
        assertEquals(10_000, s.capacity());
    }

    @Test
    void waitWhenAUsernameFailedFiveTimesThenZeroAndEachFurtherFailureDoublesTheLockout() {
        fail("alice", "10.0.0.1", 5);
        assertEquals(Duration.ZERO, throttle.waitBeforeAttempt("alice", "10.0.0.1"));
        fail("alice", "10.0.0.1", 1);
        assertEquals(Duration.ofSeconds(1), throttle.waitBeforeAttempt("alice", "10.0.0.2"));
        clock.advance(Duration.ofSeconds(1));
        fail("alice", "10.0.0.1", 1);
        assertEquals(Duration.ofSeconds(2), throttle.waitBeforeAttempt("alice", "10.0.0.3"));
        clock.advance(Duration.ofSeconds(2));
        fail("alice", "10.0.0.1", 1);
        assertEquals(Duration.ofSeconds(4), throttle.waitBeforeAttempt("alice", "10.0.0.3"));
    }

    @Test
    void waitWhenFailuresKeepComingThenTheLockoutNeverExceedsTheMaximum() {
        for (int i = 0; i < 60; i++) {
            // Each failure once the previous lock-out has passed (while locked, the password is not checked).
            clock.advance(throttle.waitBeforeAttempt("alice", "10.0.0.1"));
            fail("alice", "10.0.0.1", 1);
        }
        assertEquals(Duration.ofMinutes(15), throttle.waitBeforeAttempt("alice", "10.0.0.9"));
    }

    @Test
    void recordFailureWhenUsernamesDifferOnlyInCaseThenTheyCountAsOne() {
        fail("Alice", "10.0.0.1", 3);
        fail("ALICE", "10.0.0.2", 3);
        assertTrue(throttle.waitBeforeAttempt("alice", "10.0.0.3").compareTo(Duration.ZERO) > 0);
    }

    @Test
    void waitWhenOneAddressFailedTwentyTimesAcrossUsernamesThenThatAddressIsLockedOut() {
        for (int i = 0; i < 20; i++) {
            throttle.begin("user" + i, "10.0.0.66").failed();
        }
        assertEquals(Duration.ZERO, throttle.waitBeforeAttempt("someone", "10.0.0.66"));
        throttle.begin("user20", "10.0.0.66").failed();
        assertEquals(Duration.ofSeconds(1), throttle.waitBeforeAttempt("someone", "10.0.0.66"));
        assertEquals(Duration.ZERO, throttle.waitBeforeAttempt("someone", "10.0.0.67"));
    }

    @Test
    void recordSuccessWhenUsernameWasLockedOutThenItsCountStartsOver() {
        fail("alice", "10.0.0.1", 6);
        clock.advance(Duration.ofSeconds(1));
        throttle.begin("alice", "10.0.0.1").succeeded();
        assertEquals(Duration.ZERO, throttle.waitBeforeAttempt("alice", "10.0.0.2"));
        fail("alice", "10.0.0.1", 5);
        assertEquals(Duration.ZERO, throttle.waitBeforeAttempt("alice", "10.0.0.2"), "the count started over");
    }

    @Test
    void recordFailureWhenAQuietPeriodPassedThenEarlierFailuresAreForgotten() {
        fail("alice", "10.0.0.1", 5);
        clock.advance(Duration.ofMinutes(16));
        fail("alice", "10.0.0.1", 1);
        assertEquals(Duration.ZERO, throttle.waitBeforeAttempt("alice", "10.0.0.1"));
    }

    @Test
    void recordFailureWhenManyDistinctUsernamesThenMemoryStaysBounded() {
        FailureCounter counter = new FailureCounter(5, Duration.ofSeconds(1), Duration.ofMinutes(15), 1000);
        for (int i = 0; i < 100_000; i++) {
            counter.failed(counter.reserve("user" + i, clock.instant()), clock.instant());
        }
        assertEquals(1000, counter.size());
    }

    @Test
    void parseWhenThrottleSettingIsInvalidThenRefusedNamingTheKey() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> settings(ConfigKeys.THROTTLE_ATTEMPTS, "many"));
        assertEquals(ConfigKeys.THROTTLE_ATTEMPTS, e.key());
        e = assertThrows(ConfigurationException.class,
                () -> settings(ConfigKeys.THROTTLE_DELAY, "PT10M", ConfigKeys.THROTTLE_MAX_DELAY, "PT1M"));
        assertEquals(ConfigKeys.THROTTLE_MAX_DELAY, e.key());
    }
}
