package org.nearmiss.deidentify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nearmiss.deidentify.DetectorFixtures.words;

import org.junit.jupiter.api.Test;

class StreetAddressesTests {

    private final StreetAddresses detector = new StreetAddresses();

    @Test
    void usAddressesWithTheirUnitsAndBlocks() {
        assertThat(words(detector, "We went to 4471 W. Oak Ave, Apt 2B, then the 1200 block of Main Street."))
                .contains("4471 W. Oak Ave, Apt 2B", "1200 block of Main Street");
    }

    @Test
    void foreignStreetsWithTheNumberBeforeOrAfter() {
        assertThat(words(detector, "She lived at Rua Augusta 1203, then 14 rue de lyon, then Kestrelvej 12, Aarhus."))
                .contains("Rua Augusta 1203", "14 rue de lyon", "Kestrelvej 12");
        assertThat(words(detector, "Our office is on Liszt tér 7. in the old town."))
                .contains("Liszt tér 7.");
        assertThat(words(detector, "now at kossuth utca 12. again")).contains("kossuth utca 12.");
    }

    @Test
    void postOfficeBoxesAndMilitaryAddresses() {
        assertThat(words(detector, "Mail to P.O. Box 4410 or PSC 1234, Box 5678 or Unit 2050 Box 118."))
                .contains("P.O. Box 4410", "PSC 1234, Box 5678", "Unit 2050 Box 118");
    }

    @Test
    void intersectionsAndMileMarkers() {
        assertThat(words(detector, "The stop was at Elm St. and Grand Ave. near mile marker 112, then MM 47.5."))
                .contains("Elm St. and Grand Ave.", "mile marker 112", "MM 47.5");
    }

    @Test
    void streetsWithoutHouseNumbersAndNumberedCorners() {
        assertThat(words(detector, "We held E 42nd St and Old Mill Rd, then Maple and 9th, then exit 27."))
                .contains("E 42nd St", "Old Mill Rd", "Maple and 9th", "exit 27");
        assertThat(words(detector, "The raid went to 2218 Chestnut; she lives at Hillside, Lot 44."))
                .contains("2218 Chestnut", "Lot 44");
    }

    @Test
    void countsAndTimesAreNoStreets() {
        assertThat(words(detector, "The 1st and 2nd shifts met at 2300 hours with 40 Deputies."))
                .isEmpty();
    }

    @Test
    void aStreetTypeWithoutANumberOrNameIsNoAddress() {
        assertThat(words(detector, "We walked down the street and across the road to the park."))
                .isEmpty();
    }
}
