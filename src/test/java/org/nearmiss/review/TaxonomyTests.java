package org.nearmiss.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nearmiss.intake.Questionnaires;

/** The HFACS-style taxonomy is data, checked against the questionnaire's factors. */
class TaxonomyTests {

    final Taxonomy taxonomy = new Taxonomy(new Questionnaires());

    @Test
    void hasTheFourHfacsLevelsAndSuggestsCodesFromTheReportersFactors() {
        assertThat(taxonomy.levels())
                .extracting(Taxonomy.Level::id)
                .containsExactly("unsafe-acts", "preconditions", "supervision", "organizational");
        assertThat(taxonomy.suggestedFor(List.of("fatigue", "concealed-weapon")))
                .containsExactly("PC-PHYSIOLOGICAL", "PC-SUBJECT");
        assertThat(taxonomy.suggestedFor(List.of("other"))).isEmpty();
        assertThat(taxonomy.known(List.of("OI-PROCESS", "nonsense", "UA-SKILL")))
                .containsExactly("UA-SKILL", "OI-PROCESS");
    }

    @Test
    void aFactorWithoutACodeOrACodeForAnUnknownFactorFailsTheStart() {
        Taxonomy.Data data = new Taxonomy.Data(
                1,
                List.of(new Taxonomy.Level(
                        "unsafe-acts",
                        "Unsafe acts",
                        null,
                        List.of(new Taxonomy.Code("UA", "x", null, List.of("fatigue"))))));
        assertThatThrownBy(() -> new Taxonomy(data, List.of("fatigue", "training")))
                .hasMessageContaining("without a taxonomy code: [training]");
        assertThatThrownBy(() -> new Taxonomy(data, List.of("training")))
                .hasMessageContaining("unknown factor fatigue");
    }
}
