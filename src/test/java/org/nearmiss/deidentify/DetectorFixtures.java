package org.nearmiss.deidentify;

import java.util.List;

/** What a detector marks in a text, as the words themselves, for tests that read like the story. */
final class DetectorFixtures {

    private DetectorFixtures() {}

    static List<String> words(Detector detector, String text) {
        return detector.find(text).stream()
                .map(s -> text.substring(s.start(), s.end()))
                .toList();
    }

    static List<Suggestion> found(Detector detector, String text, Kind kind) {
        return detector.find(text).stream().filter(s -> s.kind() == kind).toList();
    }
}
