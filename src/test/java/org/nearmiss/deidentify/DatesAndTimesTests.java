package org.nearmiss.deidentify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nearmiss.deidentify.DetectorFixtures.words;

import org.junit.jupiter.api.Test;

class DatesAndTimesTests {

    private final DatesAndTimes detector = new DatesAndTimes();

    @Test
    void datesWrittenTheUsAndTheEuropeanWay() {
        assertThat(words(detector, "On March 14, 2026, on 14 March, on the 3rd of Sept. and on 14.03.2026."))
                .contains("March 14, 2026", "14 March", "3rd of Sept", "14.03.2026");
        assertThat(words(detector, "Filed 2026-03-14, seen 3/14/26.")).contains("2026-03-14", "3/14/26");
    }

    @Test
    void aDateBecomesItsMonthAndATimeABandOfTheDay() {
        assertThat(detector.find("on March 14, 2026 at 0315 hours and at 4:45 pm"))
                .extracting(Suggestion::replacement)
                .contains("March 2026", "[NIGHT]", "[AFTERNOON]");
    }

    @Test
    void twentyFourHourTimesOnlyWhereTheWordsBeforeSaySo() {
        assertThat(words(detector, "At 1620 we left; approximately 2300 hrs we came back."))
                .contains("1620", "2300 hrs");
        assertThat(words(detector, "We drove 1620 feet with 2300 gallons.")).isEmpty();
    }

    @Test
    void aMonthAndDayWithoutTheYearButNotAFraction() {
        assertThat(words(detector, "On 03/16 and again by 6/14.")).containsExactly("03/16", "6/14");
        assertThat(words(detector, "A 3/4 mile walk, 1/2 the crew, 24/7 cover and 5/16 inch bolts."))
                .isEmpty();
    }

    @Test
    void aDayOfTheMonthOnceTheMonthIsKnown() {
        assertThat(words(detector, "We worked on the 10th and until the 23rd of that month."))
                .containsExactly("10th", "23rd");
        assertThat(words(detector, "On the 11th the crew left; we come back between the 23rd and 25th."))
                .containsExactly("11th", "23rd", "25th");
        assertThat(words(detector, "On the 2nd day the 3rd engine arrived.")).isEmpty();
    }

    @Test
    void datesWithTheMonthBetweenDashesOrTheYearFirst() {
        assertThat(words(detector, "Filed 14-Mar-2026 and 2026/03/14.")).contains("14-Mar-2026", "2026/03/14");
    }

    @Test
    void weekdaysAndYearsAreMarkedForTheReviewerToDecide() {
        assertThat(words(detector, "It was a Tuesday in 2019.")).containsExactly("Tuesday", "2019");
        assertThat(words(detector, "Engine 2019-B and $2019 and 20.19 are no years."))
                .isEmpty();
    }
}
