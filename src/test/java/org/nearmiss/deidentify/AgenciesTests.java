package org.nearmiss.deidentify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nearmiss.deidentify.DetectorFixtures.words;

import org.junit.jupiter.api.Test;

class AgenciesTests {

    private final Agencies detector = new Agencies();

    @Test
    void agenciesByTheirPlaceAndTheirEnding() {
        assertThat(words(detector, "Springfield Police Department and Cook County Sheriff’s Office arrived."))
                .contains("Springfield Police Department", "Cook County Sheriff’s Office");
        assertThat(words(detector, "Arivaca Volunteer Fire Department, Horton BIA and the LAPD helped."))
                .contains("Arivaca Volunteer Fire Department", "Horton BIA", "LAPD");
    }

    @Test
    void unitsOfAnAgencyByTheirNames() {
        assertThat(words(
                        detector,
                        "Sierra Front Interagency Dispatch Center sent the Tahoe Hotshots and Kern Strike Team."))
                .contains("Sierra Front Interagency Dispatch Center", "Tahoe Hotshots", "Kern Strike Team");
    }

    @Test
    void aDotThatEndsAnAbbreviationMayBeLeftOut() {
        assertThat(words(detector, "Ames Police Dept. and Ames Police Dept answered."))
                .contains("Ames Police Dept.", "Ames Police Dept");
    }

    @Test
    void theAgencyWithoutItsPlaceNamesNoOne() {
        assertThat(words(detector, "The Police Department and a neighboring Sheriff's Office and our PD came."))
                .isEmpty();
    }
}
