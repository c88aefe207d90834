package org.nearmiss.deidentify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nearmiss.review.Draft;

/**
 * The assistant's time grows with the length of the text, not its square, for texts made to make
 * its rules rescan or backtrack: "1-" repeated took 2.9 s at 20,000 characters, a list of names or
 * hyphenated capitals overflowed the stack. Each shape is timed at a quarter of the narrative limit
 * and at the limit after a run to warm up (the best of three when the first looks slow); four times
 * the text may take at most ten times as long (a square would take sixteen). No absolute time is
 * asserted, so a slow or busy machine does not fail it.
 */
class DeidentifierGrowthTests {

    static final int SMALL = Draft.MAX_NARRATIVE_CHARS / 4;
    static final int LARGE = 4 * SMALL;
    static final int RUNS = 3;
    static final double MOST_FOR_FOUR_TIMES = 10;

    private final Deidentifier deidentifier = new Deidentifier();

    static Stream<Arguments> shapes() {
        return Stream.of(
                shape("1- repeated", n -> repeat("1-", n)),
                shape("digits and separators", n -> repeat("12 34.56-78/90 ", n)),
                shape("capitalised unknown words", n -> repeat("Zorblax Quimby ", n)),
                shape("many different names", DeidentifierGrowthTests::manyNames),
                shape("a list without an end", n -> repeat("Zorb, ", n)),
                shape("hyphenated capitals", n -> repeat("A-", n)),
                shape("capitals and apostrophes", n -> repeat("A'", n)),
                shape("capitals and dots", n -> repeat("A.", n)),
                shape("words on their own lines", n -> repeat("Zorbx.\n", n)),
                shape("text in capitals", n -> repeat("MESCALERO APACHE ", n)),
                shape("spaces", n -> "a" + " ".repeat(n - 2) + "b"),
                shape("dots", n -> ".".repeat(n)),
                shape("a@ repeated", n -> repeat("a@", n)),
                shape("letters and hyphens", n -> repeat("x-", n)),
                shape("an address without an end", n -> "Rua" + repeat(" Abc", n - 3)),
                shape("a mail domain without an end", n -> "a@b" + repeat(".c", n - 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void timeGrowsWithTheLengthOfTheText(IntFunction<String> text) {
        String shorter = text.apply(SMALL);
        String longer = text.apply(LARGE);
        assertThat(longer.length()).isBetween(LARGE * 9 / 10, Draft.MAX_NARRATIVE_CHARS);

        // Once before timing: the first run of a shape runs code the JIT has not compiled yet, which
        // would make the shorter text look slow and hide growth.
        deidentifier.suggest(shorter);
        long small = timeOf(shorter);
        long large = timeOf(longer);
        // A pause of the machine's can make one run look slow: before failing, the best of a few.
        for (int run = 1; run < RUNS && ratio(large, small) >= MOST_FOR_FOUR_TIMES; run++) {
            small = Math.min(small, timeOf(shorter));
            large = Math.min(large, timeOf(longer));
        }

        assertThat(ratio(large, small))
                .as(
                        "%.1f ms for %d characters, %.1f ms for %d",
                        small / 1e6, shorter.length(), large / 1e6, longer.length())
                .isLessThan(MOST_FOR_FOUR_TIMES);
    }

    private long timeOf(String text) {
        long started = System.nanoTime();
        deidentifier.suggest(text);
        return System.nanoTime() - started;
    }

    private static double ratio(long large, long small) {
        return (double) large / Math.max(small, 1);
    }

    private static Arguments shape(String name, IntFunction<String> text) {
        return Arguments.of(Named.of(name, text));
    }

    private static String repeat(String unit, int length) {
        return unit.repeat(length / unit.length());
    }

    /** Sentences each naming someone else, so every name is a surname to look for again. */
    private static String manyNames(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < length; i++) {
            text.append("Sgt. Q")
                    .append(Integer.toString(i, 26).replaceAll("\\d", "x"))
                    .append("z said no. ");
        }
        return text.substring(0, length);
    }
}
