package org.nearmiss.deidentify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What holds for every detector, whatever it looks for. */
class DetectorsTests {

    static Stream<Named<Detector>> detectors() {
        return Detectors.all().stream().map(d -> Named.of(d.getClass().getSimpleName(), d));
    }

    /** Texts made to trip rules up: long tokens, long runs of capitals, digits and punctuation. */
    static final List<String> HOSTILE = List.of(
            "",
            "1-".repeat(5_000),
            "A-".repeat(5_000),
            "Zorb, ".repeat(2_000),
            "Sgt. ".repeat(2_000),
            "12 ".repeat(3_000) + "Street",
            "@".repeat(10_000),
            "a.".repeat(5_000) + "com",
            "\n\n\n".repeat(2_000),
            "Ünïcödé ẞ ".repeat(1_000) + "\uD83D\uDE00".repeat(500));

    @ParameterizedTest
    @MethodSource("detectors")
    void marksLieInsideTheTextAndSayWhy(Detector detector) {
        for (String text : HOSTILE) {
            assertThat(detector.find(text)).allSatisfy(s -> {
                assertThat(s.end()).isLessThanOrEqualTo(text.length());
                assertThat(s.reason()).isNotBlank();
                assertThat(s.replacement()).startsWith("[").endsWith("]");
            });
        }
    }

    @ParameterizedTest
    @MethodSource("detectors")
    void aPlainSentenceMarksNothing(Detector detector) {
        assertThat(detector.find("We stopped the car, talked with the driver and cleared the call without trouble."))
                .isEmpty();
    }

    @Test
    void everyListTheDetectorsReadShipsWithItsSource() throws IOException {
        String sources;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("deidentify/SOURCE.txt")) {
            sources = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Stream<Path> lists = Files.list(Path.of("src/main/resources/deidentify"))) {
            List<String> names = lists.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".txt") && !n.equals("SOURCE.txt") && !n.startsWith("LICENSE"))
                    .toList();
            assertThat(names).isNotEmpty().allSatisfy(name -> {
                assertThat(sources).as("SOURCE.txt names " + name).contains(name);
                assertThat(WordList.read(name)).as(name + " has entries").isNotEmpty();
            });
        }
    }

    @Test
    void listEntriesBecomeLiteralPatternsWithOptionalDotsAndEitherApostrophe() {
        String officer = WordList.alternatives("officer-titles.txt");
        assertThat("Sgt").matches(officer);
        assertThat("Sgt.").matches(officer);
        assertThat("S.t").doesNotMatch(officer);
        String agency = WordList.alternatives("agency-endings.txt");
        assertThat("Sheriff's Office").matches(agency);
        assertThat("Sheriff’s  Office").matches(agency);
    }
}
