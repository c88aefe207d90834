package org.nearmiss.deidentify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nearmiss.deidentify.DetectorFixtures.words;

import org.junit.jupiter.api.Test;

class AgesTests {

    private final Ages detector = new Ages();

    @Test
    void agesAsNarrativesGiveThem() {
        assertThat(words(detector, "A 34-year-old male, age 19, a 7 y/o and a woman 80 years of age; she was 16."))
                .containsExactly("34-year-old", "age 19", "7 y/o", "80 years of age", "she was 16");
    }

    @Test
    void anAgeSetOffAfterThePerson() {
        assertThat(words(
                        detector,
                        "One juvenile (15) ran. The victim, 81, and Ana Ruiz, 23, stayed. DOB 04/30/2006 (18)."))
                .containsExactly("15", "81", "23", "18");
    }

    @Test
    void measuresAreNoAges() {
        assertThat(words(detector, "The grade turned 30 degrees and the fire turned 40 percent."))
                .isEmpty();
    }
}
