package org.nearmiss.deidentify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nearmiss.deidentify.DetectorFixtures.words;

import org.junit.jupiter.api.Test;

class ContactDetailsTests {

    private final ContactDetails detector = new ContactDetails();

    @Test
    void phoneNumbersInEveryCommonForm() {
        assertThat(words(detector, "Call (555) 201-3344 or 555.201.3344, desk 555 201 3344 x204."))
                .containsExactly("(555) 201-3344", "555.201.3344", "555 201 3344 x204");
        assertThat(words(detector, "From abroad +1 555 201 3344, or 001-555-201-3344; Berlin +49 30 901820."))
                .containsExactly("+1 555 201 3344", "001-555-201-3344", "+49 30 901820");
        assertThat(words(detector, "His cell 5552013344 rang.")).containsExactly("5552013344");
    }

    @Test
    void datesTimeRangesAndShortNumbersAreNoPhones() {
        assertThat(words(detector, "On 2026-03-14, shift 0700-1900, 3 units, 12-4-2025 and 123-45-6789."))
                .isEmpty();
    }

    @Test
    void emailAddressesWithDotsPlusAndSubdomains() {
        assertThat(words(detector, "Write to maria.lopez+duty@metro.pd.example.gov or ramos@sheriff.org."))
                .containsExactly("maria.lopez+duty@metro.pd.example.gov", "ramos@sheriff.org");
    }

    @Test
    void tollFreeNumbersWithTheTrunkPrefixAndHandles() {
        assertThat(words(detector, "Call 1-800-555-0199 or DM @lilfresh_209, not ana@x.org."))
                .containsExactlyInAnyOrder("1-800-555-0199", "@lilfresh_209", "ana@x.org");
    }

    @Test
    void everyMarkSaysWhy() {
        assertThat(detector.find("Call 555-201-3344 or a.b@c.org"))
                .allSatisfy(s -> assertThat(s.reason()).isNotBlank());
    }
}
