package org.nearmiss.agencies;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in the agencies' tests: real time, until a test moves it on to cross the
 * monthly cut-off of an agency's figures. It keeps ticking from where it was moved, and a test that
 * moves it puts it back ({@link #reset()}) when it ends: the authenticator codes of staff signing in
 * are checked against this clock and made from real time.
 */
final class MovableClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Duration> offset;

    private MovableClock(ZoneId zone, AtomicReference<Duration> offset) {
        this.zone = zone;
        this.offset = offset;
    }

    /** Replaces the application's clock with one the tests may move. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(ZoneId.systemDefault(), new AtomicReference<>(Duration.ZERO));
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MovableClock(other, offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    /** Today, by this clock. */
    LocalDate today() {
        return LocalDate.now(this);
    }

    /** Moves the clock to an instant in its zone; it may only go forward, as time does. */
    void moveTo(LocalDateTime at) {
        Instant target = at.atZone(zone).toInstant();
        if (target.isBefore(instant())) {
            throw new IllegalArgumentException("The clock only moves forward: " + at + " is past");
        }
        offset.set(Duration.between(Instant.now(), target));
    }

    /** Moves the clock to noon of a day. */
    void moveTo(LocalDate day) {
        moveTo(day.atTime(LocalTime.NOON));
    }

    /** Moves the clock to noon of a day of the month after this clock's. */
    void moveToNextMonth(int dayOfMonth) {
        moveTo(today().plusMonths(1).withDayOfMonth(dayOfMonth));
    }

    /** Back to real time. */
    void reset() {
        offset.set(Duration.ZERO);
    }
}
