package org.nearmiss.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportKeyTests {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aKeyIsSevenGroupsOfFourFromAnAlphabetOfThirtyTwo() {
        String shown = ReportKey.generate(random).display();
        assertThat(shown).matches("([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}");
        // 28 symbols of 5 bits each: 140 random bits, above the 128 required.
        assertThat(ReportKey.LENGTH * 5).isGreaterThanOrEqualTo(128);
    }

    @Test
    void keysDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(ReportKey.generate(random).display())).isTrue();
        }
    }

    @Test
    void typingIsForgivingAboutCaseSpacesDashesAndLookAlikes() {
        ReportKey key = ReportKey.parse("1000-ABCD-EFGH-JKMN-PQRS-TVWX-YZ01").orElseThrow();
        assertThat(ReportKey.parse("i0o0 abcd efgh jkmn pqrs tvwx yzol"))
                .get()
                .extracting(ReportKey::hash)
                .isEqualTo(key.hash());
        assertThat(ReportKey.parse(" 1000ABCDEFGHJKMNPQRSTVWXYZ01 "))
                .get()
                .extracting(ReportKey::hash)
                .isEqualTo(key.hash());
    }

    @Test
    void somethingThatCannotBeAKeyIsNoKey() {
        assertThat(ReportKey.parse(null)).isEmpty();
        assertThat(ReportKey.parse("")).isEmpty();
        assertThat(ReportKey.parse("1000-ABCD")).isEmpty();
        assertThat(ReportKey.parse("1000-ABCD-EFGH-JKMN-PQRS-TVWX-YZ0U")).isEmpty();
        assertThat(ReportKey.parse("x".repeat(10_000))).isEmpty();
    }

    @Test
    void theHashIsStoredNotTheKeyAndTheKeyNeverPrintsItself() {
        ReportKey key = ReportKey.generate(random);
        assertThat(key.hash()).hasSize(64).doesNotContain(key.display().replace("-", ""));
        assertThat(key.toString())
                .doesNotContain(key.display())
                .doesNotContain(key.display().substring(0, 4));
    }
}
