package org.jwtauth.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.jwtauth.testing.MutableClock;

class LineBudgetTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T18:00:00Z"));
    private final LineBudget budget = new LineBudget(2, Duration.ofMinutes(1), clock);

    @Test
    void permitWhenTheBudgetIsSpentThenRefusedUntilTheWindowEndsThenPermittedWithTheSuppressedCount() {
        assertEquals(OptionalLong.of(0), budget.permit("a"));
        assertEquals(OptionalLong.of(0), budget.permit("a"));
        assertEquals(OptionalLong.empty(), budget.permit("a"));
        assertEquals(OptionalLong.empty(), budget.permit("a"));
        assertEquals(OptionalLong.of(0), budget.permit("b"), "each key has its own budget");

        clock.advance(Duration.ofSeconds(59));
        assertEquals(OptionalLong.empty(), budget.permit("a"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(OptionalLong.of(3), budget.permit("a"));
        assertEquals(OptionalLong.of(0), budget.permit("a"));
    }
}
