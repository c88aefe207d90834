package org.nearmiss.deidentify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Identifiers as officers write them in their stories: each sentence holds one, and the assistant must
 * mark it (the words in the second column must be covered by a mark). Written from how reports are
 * written, not from any labelled set.
 */
class OfficersStoriesTests {

    private final Deidentifier deidentifier = new Deidentifier();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "We stopped him at mile marker 112 on the interstate.|mile marker 112",
                "The crash was near MM 47 northbound.|MM 47",
                "We met at the intersection of Maple Avenue and 5th Street.|Maple Avenue",
                "He ran from Elm St. and Grand Ave. toward the park.|Elm St.",
                "Dispatch sent us to 1420 N. Lincoln Blvd for a disturbance.|1420 N. Lincoln Blvd",
                "Mail it to PO Box 4471 please.|PO Box 4471",
                "Unit 3-Adam-12 called for backup.|3-Adam-12",
                "My badge #4471 was on my vest.|4471",
                "The plate read 7ABC123 when I ran it.|7ABC123",
                "Case #2024-00123 was opened that night.|2024-00123",
                "He was 17 years old and scared.|17 years old",
                "Call me at (555) 201-3344 ext. 12 after shift.|(555) 201-3344",
                "His number is +1 555.201.3344 on the report.|555.201.3344",
                "She called from 001-555-201-3344 abroad.|555-201-3344",
                "Deputy Nguyễn Thị Lan took the report.|Nguyễn Thị Lan",
                "Sgt. maria lopez called me after the stop.|maria lopez",
                "Officer O'Brien-Smith cleared the scene.|O'Brien-Smith",
                "We called him Tiny but his name was Marcus Bell.|Marcus Bell",
                "It happened on March 14 at 0230 hours.|March 14",
                "His DL# W123-456-78-901 was suspended.|W123-456-78-901",
                "The body was found near Bear Creek after dark.|Bear Creek",
                "We staged at the Lost Horse Canyon trailhead.|Lost Horse Canyon",
                "Radio traffic from Sawtooth Ridge was broken.|Sawtooth Ridge",
                "The camp sat inside Ochoco National Forest land.|Ochoco National Forest",
            })
    void anIdentifierInAnOfficersSentenceIsMarked(String sentence, String identifier) {
        int start = sentence.indexOf(identifier);
        int end = start + identifier.length();
        List<Suggestion> marks = deidentifier.suggest(sentence);
        assertThat(marks)
                .as(
                        "%s: marks %s",
                        sentence,
                        marks.stream()
                                .map(s -> sentence.substring(s.start(), s.end()))
                                .toList())
                .anyMatch(s -> s.start() <= start && end <= s.end()
                        || s.start() < end && start < s.end() && (s.end() - s.start()) * 2 >= identifier.length());
    }
}
