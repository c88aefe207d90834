package org.nearmiss.deidentify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The statistical detector beside the rules: the shipped weights load and tag the same way every
 * time, names from anywhere and in lower case get a person's label, odd and huge input takes time in
 * proportion to its length, and combining it with the rules never drops or narrows a rule's mark.
 * Needs no data outside the project; training is not run here (see {@code EntityModelTraining}).
 */
class EntityModelTests {

    private final EntityModel model = EntityModel.shipped();
    private final Deidentifier rules = new Deidentifier(EntityModel::none);

    @Test
    void theShippedModelLoadsWithWeightsAndConfidence() {
        assertThat(model).isSameAs(EntityModel.shipped());
        assertThat(model.confidence().beside().size()
                        + model.confidence().relabel().size())
                .as("the model acts on something")
                .isPositive();
        assertThat(model.spans("Officer Ramos arrived.", List.of())).isNotNull();
    }

    @Test
    void theModelFileReadTwiceTagsTheSame() throws IOException {
        EntityModel again;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EntityModel.RESOURCE)) {
            again = EntityModel.read(in);
        }
        String text = "Deputy Nguyễn Thị Lan and Sgt. Ramos of the Riverton Police Department met Zsófia"
                + " Kovács-Szöllössy, who works for Brightwater Logistics Group, at 1420 Lincoln Blvd.";
        List<Suggestion> marks = rules.suggest(text);
        assertThat(again.spans(text, marks)).isEqualTo(model.spans(text, marks));
        assertThat(again.confidence()).isEqualTo(model.confidence());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "The interpreter, Zsófia Kovács-Szöllössy, helped us talk with the family.|Kovács-Szöllössy",
                "Witness Oluwaseun Adeyemi said the truck ran the red light.|Adeyemi",
                "Deputy Nguyễn Thị Lan took the report.|Nguyễn",
                "The driver, Grzegorz Brzęczyszczykiewicz, had no insurance.|Brzęczyszczykiewicz",
                "We later learned Jürgen Weiß had a warrant.|Weiß",
            })
    void namesFromOtherOriginsAreLabelledPeople(String sentence, String name) {
        assertThat(personCovering(sentence, name)).as(sentence).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "my partner jake and i cleared the house room by room|jake",
                "sgt. maria lopez called me after the stop|lopez",
            })
    void namesTypedInLowerCaseAreLabelledPeople(String sentence, String name) {
        assertThat(personCovering(sentence, name)).as(sentence).isTrue();
    }

    @Test
    void emptyTextHasNoSpansAndLeavesTheRulesAlone() {
        assertThat(model.spans("", List.of())).isEmpty();
        assertThat(model.spans(null, List.of())).isEmpty();
        assertThat(model.find("")).isEmpty();
        assertThat(model.combine("", List.of())).isEmpty();
        assertThat(new Deidentifier().suggest("")).isEmpty();
        assertThat(model.spans("   \n\t ", List.of())).isEmpty();
    }

    @Test
    void withoutTheModelTheRulesAreUnchanged() {
        String text = "Sgt. Ramos of the Riverton Police Department arrived at 0230 hours.";
        assertThat(EntityModel.none().combine(text, rules.suggest(text))).isEqualTo(rules.suggest(text));
    }

    @Test
    void combiningNeverDropsOrNarrowsARuleMarkAndNeverOverlaps() {
        Random random = new Random(7);
        List<String> words = List.of(
                "Sgt.",
                "Ramos",
                "Maria",
                "Lopez",
                "of",
                "the",
                "Riverton",
                "Police",
                "Department",
                "at",
                "1420",
                "Lincoln",
                "Blvd",
                "Usaa",
                "Group",
                "works",
                "for",
                "Zsófia",
                "Kovács",
                "in",
                "Boise",
                ",",
                ".",
                "\n",
                "called",
                "555-201-3344",
                "on",
                "March",
                "14",
                "Engine",
                "12",
                "Inc.",
                "LLC",
                "my",
                "partner");
        for (int t = 0; t < 300; t++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 5 + random.nextInt(40); w++) {
                text.append(words.get(random.nextInt(words.size()))).append(' ');
            }
            String s = text.toString();
            List<Suggestion> ruled = rules.suggest(s);
            List<Suggestion> combined = model.combine(s, ruled);
            for (Suggestion r : ruled) {
                assertThat(combined)
                        .as("%s: rule mark %s kept", s, r)
                        .anyMatch(c -> c.start() <= r.start() && r.end() <= c.end());
            }
            for (int i = 1; i < combined.size(); i++) {
                assertThat(combined.get(i - 1).end())
                        .as(s)
                        .isLessThanOrEqualTo(combined.get(i).start());
            }
            assertThat(new Deidentifier().suggest(s)).isEqualTo(combined);
        }
    }

    @Test
    void aHundredThousandOfOneLetterTakesTimeInProportion() {
        assertGrowsLinearly(n -> "a".repeat(n));
        assertGrowsLinearly(n -> "A".repeat(n));
    }

    @Test
    void manyShortWordsTakeTimeInProportion() {
        assertGrowsLinearly(n -> "Zorb Ramos, ".repeat(n / 12));
        assertGrowsLinearly(n -> "a\n".repeat(n / 2));
    }

    @Test
    void shapesWriteEachRunOfAKindOnce() {
        assertThat(Words.shape("Szöllössy")).isEqualTo("Xxäxäx");
        assertThat(Words.shape("D.")).isEqualTo("X.");
        assertThat(Words.shape("O'Brien-Smith")).isEqualTo("X'Xx-Xx");
        assertThat(Words.shape("1420")).isEqualTo("d");
    }

    @Test
    void trainingTheSameSentencesTwiceGivesTheSameWeights() {
        Lexicon lexicon = Lexicon.shipped();
        List<EntityModelTraining.Labelled> sentences =
                new OfficerSentences(lexicon, List.of("Glock", "Ford"), new Random(1)).make(60);
        Map<String, float[]> first =
                EntityModelTraining.train(sentences, lexicon).averaged();
        Map<String, float[]> second =
                EntityModelTraining.train(sentences, lexicon).averaged();
        assertThat(first.keySet()).isEqualTo(second.keySet()).isNotEmpty();
        first.forEach((feature, weights) ->
                assertThat(second.get(feature)).as(feature).containsExactly(weights));
    }

    private boolean personCovering(String sentence, String name) {
        int start = sentence.indexOf(name);
        int end = start + name.length();
        return model.spans(sentence, rules.suggest(sentence)).stream()
                .anyMatch(s -> s.kind() == Kind.PERSON && s.start() <= start && end <= s.end());
    }

    /**
     * Four times the text may take at most ten times as long (a square would take sixteen), after
     * runs of both lengths to warm up (the longer one grows the heap, which the first timed runs paid
     * for) and the best of five, as {@code DeidentifierGrowthTests} times the rules.
     */
    private void assertGrowsLinearly(IntFunction<String> text) {
        String shorter = text.apply(25_000);
        String longer = text.apply(100_000);
        for (int warm = 0; warm < 2; warm++) {
            model.spans(shorter, List.of());
            model.spans(longer, List.of());
        }
        long small = Long.MAX_VALUE;
        long large = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long t0 = System.nanoTime();
            model.spans(shorter, List.of());
            long t1 = System.nanoTime();
            model.spans(longer, List.of());
            long t2 = System.nanoTime();
            small = Math.min(small, t1 - t0);
            large = Math.min(large, t2 - t1);
        }
        assertThat((double) large / Math.max(small, 1))
                .as(
                        "%.1f ms for %d characters, %.1f ms for %d",
                        small / 1e6, shorter.length(), large / 1e6, longer.length())
                .isLessThan(10);
    }
}
