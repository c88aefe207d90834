package org.nearmiss.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * An agency's figures change once a month and never on the day a report is published: each snapshot
 * counts what was published before the first of a month and is shown from the second.
 */
class CadenceTests {

    @Test
    void fromTheSecondOfAMonthTheSnapshotCountsWhatWasPublishedBeforeTheFirst() {
        Cadence.Snapshot snapshot = Cadence.on(LocalDate.of(2026, 12, 2));
        assertThat(snapshot.cutOff()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(snapshot.next()).isEqualTo(LocalDate.of(2027, 1, 2));
        assertThat(Cadence.on(LocalDate.of(2026, 12, 31))).isEqualTo(snapshot);
    }

    @Test
    void onTheFirstTheLastMonthsSnapshotIsStillShown() {
        // A report published as the month turned is stored before the new snapshot is first shown.
        assertThat(Cadence.on(LocalDate.of(2027, 1, 1))).isEqualTo(Cadence.on(LocalDate.of(2026, 12, 2)));
        assertThat(Cadence.on(LocalDate.of(2027, 3, 1)).cutOff()).isEqualTo(LocalDate.of(2027, 2, 1));
    }

    @Test
    void overTwoYearsTheSnapshotChangesOnlyOnTheSecondOfEachMonthAndNeverGoesBack() {
        LocalDate day = LocalDate.of(2027, 1, 2);
        Cadence.Snapshot shown = Cadence.on(day);
        int changes = 0;
        while (day.isBefore(LocalDate.of(2029, 1, 2))) {
            day = day.plusDays(1);
            Cadence.Snapshot today = Cadence.on(day);
            if (!today.equals(shown)) {
                assertThat(day.getDayOfMonth()).as(day.toString()).isEqualTo(2);
                assertThat(today.cutOff()).isEqualTo(shown.cutOff().plusMonths(1));
                assertThat(day).isEqualTo(shown.next());
                changes++;
            }
            assertThat(today.cutOff()).isBefore(day).isAfterOrEqualTo(shown.cutOff());
            shown = today;
        }
        assertThat(changes).isEqualTo(24);
    }

    @Test
    void daysAreTheClocksTheOnesPublicationDaysAreStoredIn() {
        // 2 February 2027, 03:00 UTC is still the 1st in Chicago and already noon of the 2nd in Tokyo.
        Instant instant = Instant.parse("2027-02-02T03:00:00Z");
        assertThat(Cadence.current(Clock.fixed(instant, ZoneId.of("America/Chicago")))
                        .cutOff())
                .isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(Cadence.current(Clock.fixed(instant, ZoneId.of("Asia/Tokyo")))
                        .cutOff())
                .isEqualTo(LocalDate.of(2027, 2, 1));
    }
}
