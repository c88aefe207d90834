package org.nearmiss.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nearmiss.review.IncidentPeriod.Level;

class IncidentPeriodTests {

    @Test
    void aMonthQuarterOrYearIsReadBackAsItIsStored() {
        for (String stored : new String[] {"2026-02", "2026-Q1", "2026"}) {
            assertThat(IncidentPeriod.parse(stored))
                    .hasValueSatisfying(p -> assertThat(p.toString()).isEqualTo(stored));
        }
        assertThat(IncidentPeriod.parse("2026-Q5")).isEmpty();
        assertThat(IncidentPeriod.parse("2026-13")).isEmpty();
        assertThat(IncidentPeriod.parse("spring")).isEmpty();
        assertThat(IncidentPeriod.parse("2026-00")).isEmpty();
        assertThat(IncidentPeriod.parse("2026-1")).isEmpty();
        assertThat(IncidentPeriod.parse("2026-Q0")).isEmpty();
        assertThat(IncidentPeriod.parse("2026/02")).isEmpty();
        assertThat(IncidentPeriod.parse("20x6")).isEmpty();
        assertThat(IncidentPeriod.parse(null)).isEmpty();
    }

    @Test
    void aMonthIsCoarsenedToTheQuarterAndYearHoldingIt() {
        IncidentPeriod february = IncidentPeriod.parse("2026-02").orElseThrow();
        IncidentPeriod december = IncidentPeriod.parse("2025-12").orElseThrow();

        assertThat(february.coarsenedTo(Level.QUARTER)).hasToString("2026-Q1");
        assertThat(december.coarsenedTo(Level.QUARTER)).hasToString("2025-Q4");
        assertThat(february.coarsenedTo(Level.YEAR)).hasToString("2026");
        assertThat(february.coarsenedTo(Level.MONTH)).isEqualTo(february);
        assertThat(february.coarsenedTo(Level.YEAR).coarsenedTo(Level.QUARTER))
                .as("never finer than it is")
                .hasToString("2026");
    }

    @Test
    void aFinerPeriodFallsWithinACoarserOneButNotTheOtherWayRound() {
        IncidentPeriod february = IncidentPeriod.parse("2026-02").orElseThrow();
        IncidentPeriod firstQuarter = IncidentPeriod.parse("2026-Q1").orElseThrow();

        assertThat(february.within(firstQuarter)).isTrue();
        assertThat(february.within(IncidentPeriod.parse("2026").orElseThrow())).isTrue();
        assertThat(firstQuarter.within(firstQuarter)).isTrue();
        assertThat(firstQuarter.within(february))
                .as("a quarter may or may not be February")
                .isFalse();
        assertThat(february.within(IncidentPeriod.parse("2026-Q2").orElseThrow()))
                .isFalse();
        assertThat(february.within(IncidentPeriod.parse("2025-Q1").orElseThrow()))
                .isFalse();
    }

    @Test
    void readersSeeAQuarterByItsMonthsAndAMonthAsBefore() {
        assertThat(IncidentPeriod.label("2026-02")).isEqualTo("2026-02");
        assertThat(IncidentPeriod.label("2026-Q1")).isEqualTo("January–March 2026");
        assertThat(IncidentPeriod.label("2025-Q4")).isEqualTo("October–December 2025");
        assertThat(IncidentPeriod.label("2026")).isEqualTo("2026");
        assertThat(IncidentPeriod.label("whenever")).isEqualTo("whenever");
    }
}
