package org.nearmiss.agencies;

import java.time.Clock;
import java.time.LocalDate;

/**
 * When an agency's figures may change: once a month, never on the day a report is published. Each
 * snapshot counts the reports published before the first day of a month (the cut-off) and is shown
 * from the day after it until the next one, so a coordinator who watches the dashboard cannot tell
 * which day, or which of the month's publications, made it move. The day's grace lets a report
 * published as the month turned be stored before the snapshot is first shown: once shown, a snapshot
 * never changes. Days are the application clock's, the ones publication days are stored in.
 */
final class Cadence {

    /** Days after the cut-off before its snapshot is shown. */
    static final int GRACE_DAYS = 1;

    private Cadence() {}

    /**
     * The figures shown on a day.
     *
     * @param cutOff only reports published before this day are counted
     * @param next the day the next snapshot is shown
     */
    record Snapshot(LocalDate cutOff, LocalDate next) {}

    /** The snapshot shown today by the clock. */
    static Snapshot current(Clock clock) {
        return on(LocalDate.now(clock));
    }

    /** The snapshot shown on a day. */
    static Snapshot on(LocalDate day) {
        LocalDate cutOff = day.minusDays(GRACE_DAYS).withDayOfMonth(1);
        return new Snapshot(cutOff, cutOff.plusMonths(1).plusDays(GRACE_DAYS));
    }
}
