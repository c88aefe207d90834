package org.nearmiss.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Ten business days, counted by hand on a calendar. */
class SlaTests {

    @Test
    void tenBusinessDaysSkipWeekends() {
        // Monday 2 Nov 2026 + 10 business days = Monday 16 Nov.
        assertThat(Sla.dueOn(LocalDate.of(2026, 11, 2))).isEqualTo(LocalDate.of(2026, 11, 16));
        // Friday 6 Nov + 10 = Friday 20 Nov.
        assertThat(Sla.dueOn(LocalDate.of(2026, 11, 6))).isEqualTo(LocalDate.of(2026, 11, 20));
        // Filed on Saturday 7 Nov: the first business day after is Monday 9, due Friday 20.
        assertThat(Sla.dueOn(LocalDate.of(2026, 11, 7))).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void businessDaysBetweenCountWeekdaysAfterTheFirstDay() {
        LocalDate friday = LocalDate.of(2026, 11, 6);
        assertThat(Sla.businessDaysBetween(friday, friday)).isZero();
        assertThat(Sla.businessDaysBetween(friday, friday.plusDays(2)))
                .as("Friday to Sunday")
                .isZero();
        assertThat(Sla.businessDaysBetween(friday, friday.plusDays(3)))
                .as("Friday to Monday")
                .isEqualTo(1);
        assertThat(Sla.businessDaysBetween(friday, friday.plusDays(14))).isEqualTo(10);
        assertThat(Sla.businessDaysBetween(friday, friday.minusDays(5))).isZero();
    }
}
