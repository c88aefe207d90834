package org.nearmiss.deidentify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nearmiss.deidentify.DetectorFixtures.found;
import static org.nearmiss.deidentify.DetectorFixtures.words;

import org.junit.jupiter.api.Test;

class ReferenceNumbersTests {

    private final ReferenceNumbers detector = new ReferenceNumbers();

    @Test
    void numbersAfterTheWordsThatAnnounceThem() {
        assertThat(words(detector, "Badge #4471 and Unit 12 took case # 24-0113 and CAD no. 8812."))
                .contains("Badge #4471", "Unit 12", "case # 24-0113", "CAD no. 8812");
    }

    @Test
    void platesNeedADigitAndMarkOnlyThePlate() {
        String text = "The plate read 7XKM203 and the tag was expired.";
        assertThat(found(detector, text, Kind.PLATE))
                .extracting(s -> text.substring(s.start(), s.end()))
                .containsExactly("7XKM203");
    }

    @Test
    void ipAddressesAndNumbersShapedLikeAnSsn() {
        assertThat(words(detector, "From 192.168.10.4 with 123-45-6789 on it."))
                .contains("192.168.10.4", "123-45-6789");
        assertThat(words(detector, "Version 1.2.3 and 300.1.1.1 are no addresses."))
                .isEmpty();
    }

    @Test
    void apparatusAndRadioCallSigns() {
        assertThat(words(detector, "Engine 41 and Medic 12 staged; Adam-12 and Lincoln 4 took 1A12 and 4B21."))
                .contains("Engine 41", "Medic 12", "Adam-12", "Lincoln 4", "1A12", "4B21");
        assertThat(words(detector, "Mike 20 minutes later, the 4x4 and the F150 were gone."))
                .isEmpty();
    }

    @Test
    void numberedUnitsAndReferencesRightAfterTheirWord() {
        assertThat(words(detector, "The 11th District and Troop G served the warrant, W24-00916, with 2David14."))
                .contains("11th District", "Troop G", "W24-00916", "2David14");
        assertThat(words(detector, "Ran the plate, DKR 1234, twice.")).contains("DKR 1234");
        assertThat(words(detector, "In case 2024 comes and the report, which was late, arrived."))
                .isEmpty();
    }

    @Test
    void theWordsAloneMarkNothing() {
        assertThat(words(detector, "Our unit responded to the case; the badge was on the car."))
                .isEmpty();
    }
}
