package org.nearmiss.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.Test;

class PhrasesTests {

    private static final EnglishAnalyzer STEMMER = new EnglishAnalyzer();

    @Test
    void pairsOfWordsBothAccountsUseComeBeforeSingleWordsAndCoverThem() {
        var shared = Phrases.shared(
                "He ran to the fence line and I lost sight of him in the foot pursuit.",
                "During a foot pursuit the suspect climbed the fence line behind a garage.",
                3,
                stem -> 1,
                100,
                STEMMER);
        // "fence", "line", "foot" and "pursuit" alone say no more than the pairs that hold them.
        assertThat(shared).containsExactlyInAnyOrder("fence line", "foot pursuit");
    }

    @Test
    void wordsMostAccountsUseAreNoReason() {
        Map<String, Integer> docFreq = Map.of("offic", 90, "radio", 3);
        var shared = Phrases.shared(
                "The officer keyed the radio.",
                "Another officer said the radio was dead.",
                3,
                stem -> docFreq.getOrDefault(stem, 1),
                100,
                STEMMER);
        assertThat(shared).containsExactly("radio");
    }

    @Test
    void replacementsFromDeidentificationAndFillerAreIgnored() {
        assertThat(Phrases.candidates("[OFFICER 1] went to [CITY] with the radio"))
                .containsExactly("radio")
                .doesNotContain("officer", "city", "went");
    }
}
