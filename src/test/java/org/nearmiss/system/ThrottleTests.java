package org.nearmiss.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ThrottleTests {

    private final MutableClock clock = new MutableClock();
    private final Throttle throttle =
            new Throttle(new NearmissProperties.Throttling(Duration.ofMinutes(1), 3, 5, 5), clock);

    @Test
    void aClientOverItsAllowanceIsTurnedAwayUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            throttle.admit(Throttle.Action.FILE, "198.51.100.7");
        }
        assertThatThrownBy(() -> throttle.admit(Throttle.Action.FILE, "198.51.100.7"))
                .isInstanceOf(Throttle.TooManyRequests.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(
                                ((Throttle.TooManyRequests) e).retryAfterSeconds())
                        .isBetween(1L, 60L));

        clock.advance(Duration.ofSeconds(61));
        assertThatCode(() -> throttle.admit(Throttle.Action.FILE, "198.51.100.7"))
                .doesNotThrowAnyException();
    }

    @Test
    void clientsAndKindsOfRequestAreCountedApart() {
        for (int i = 0; i < 3; i++) {
            throttle.admit(Throttle.Action.FILE, "198.51.100.7");
        }
        assertThatCode(() -> throttle.admit(Throttle.Action.FILE, "198.51.100.8"))
                .doesNotThrowAnyException();
        assertThatCode(() -> throttle.admit(Throttle.Action.LOOKUP, "198.51.100.7"))
                .doesNotThrowAnyException();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T03:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
