package org.nearmiss.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nearmiss.intake.Questionnaire;
import org.nearmiss.intake.Questionnaires;

class ReidentificationRiskTests {

    static final Questionnaire QUESTIONNAIRE = new Questionnaires().current();

    final ReidentificationRisk risk = new ReidentificationRisk(5);

    /** A foot pursuit after midnight in February 2026 that could have been fatal, with a few more answers. */
    static Map<String, Object> footPursuit() {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("activity", "foot-pursuit");
        answers.put("incidentMonth", "2026-02");
        answers.put("timeOfDay", "00-04");
        answers.put("lighting", "dark-unlit");
        answers.put("injuryPotential", "fatality");
        answers.put("factors", List.of("no-backup"));
        return answers;
    }

    static Map<String, Object> footPursuitWith(String field, Object value) {
        Map<String, Object> answers = footPursuit();
        if (value == null) {
            answers.remove(field);
        } else {
            answers.put(field, value);
        }
        return answers;
    }

    static List<Map<String, Object>> copies(Map<String, Object> answers, int n) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(answers);
        }
        return all;
    }

    @Test
    void aReportSharesTheCombinationOnlyWhenEveryAnswerThatCountsIsTheSame() {
        List<Map<String, Object>> others = List.of(
                footPursuit(),
                footPursuitWith("lighting", "daylight"), // not a quasi-identifier: still shares
                footPursuitWith("factors", List.of("fatigue")),
                footPursuitWith("activity", "traffic-stop"),
                footPursuitWith("timeOfDay", "04-08"),
                footPursuitWith("injuryPotential", "minor-injury"),
                footPursuitWith("incidentMonth", "2026-03"),
                footPursuitWith("timeOfDay", null)); // says less than this report does

        ReidentificationRisk.Assessment assessed = risk.assess(QUESTIONNAIRE, footPursuit(), Map.of(), others);

        assertThat(assessed.shared()).isEqualTo(3);
        assertThat(assessed.circumstances())
                .extracting(ReidentificationRisk.Circumstance::field)
                .containsExactly("incidentMonth", "activity", "timeOfDay", "injuryPotential");
        assertThat(assessed.circumstances())
                .extracting(ReidentificationRisk.Circumstance::answer)
                .containsExactly("2026-02", "Foot pursuit", "Midnight to 4 a.m.", "Someone could have been killed");
    }

    @Test
    void itIsRareWhenFewerThanKReportsWithItselfWouldShareIt() {
        assertThat(risk.assess(QUESTIONNAIRE, footPursuit(), Map.of(), List.of())
                        .rare())
                .as("the first of its kind")
                .isTrue();
        ReidentificationRisk.Assessment three =
                risk.assess(QUESTIONNAIRE, footPursuit(), Map.of(), copies(footPursuit(), 3));
        assertThat(three.shared()).isEqualTo(3);
        assertThat(three.rare()).as("four with itself, k is five").isTrue();
        ReidentificationRisk.Assessment four =
                risk.assess(QUESTIONNAIRE, footPursuit(), Map.of(), copies(footPursuit(), 4));
        assertThat(four.shared()).isEqualTo(4);
        assertThat(four.rare()).as("five with itself").isFalse();
        assertThat(four.k()).isEqualTo(5);
        assertThat(new ReidentificationRisk(2)
                        .assess(QUESTIONNAIRE, footPursuit(), Map.of(), copies(footPursuit(), 1))
                        .rare())
                .isFalse();
    }

    @Test
    void aMonthSharesAQuarterThatHoldsItButAQuarterDoesNotShareAMonth() {
        List<Map<String, Object>> others = List.of(
                footPursuit(),
                footPursuitWith("incidentMonth", "2026-01"),
                footPursuitWith("incidentMonth", "2026-03"),
                footPursuitWith("incidentMonth", "2026-Q1"),
                footPursuitWith("incidentMonth", "2026-04"),
                footPursuitWith("incidentMonth", "2026"),
                footPursuitWith("incidentMonth", null));

        assertThat(risk.assess(QUESTIONNAIRE, footPursuit(), Map.of(), others).shared())
                .as("February alone: a quarter or a year may or may not be February")
                .isEqualTo(1);
        assertThat(risk.assess(QUESTIONNAIRE, footPursuit(), Map.of("incidentMonth", "quarter"), others)
                        .shared())
                .as("January to March")
                .isEqualTo(4);
        assertThat(risk.assess(QUESTIONNAIRE, footPursuit(), Map.of("incidentMonth", "year"), others)
                        .shared())
                .as("all of 2026")
                .isEqualTo(6);
    }

    @Test
    void eachCoarseningSaysWhatItWouldGiveAndCanBeUndone() {
        List<Map<String, Object>> others = new ArrayList<>();
        others.addAll(copies(footPursuit(), 1));
        others.addAll(copies(footPursuitWith("incidentMonth", "2026-03"), 3));
        others.addAll(copies(footPursuitWith("incidentMonth", "2026-11"), 2));
        others.addAll(copies(footPursuitWith("timeOfDay", "20-24"), 2));

        ReidentificationRisk.Assessment assessed = risk.assess(QUESTIONNAIRE, footPursuit(), Map.of(), others);
        assertThat(assessed.shared()).isEqualTo(1);
        assertThat(assessed.options())
                .extracting(o -> o.field() + " " + o.to() + " " + o.shared() + " " + o.rare())
                .containsExactly(
                        "incidentMonth quarter 4 false", "incidentMonth year 6 false", "timeOfDay not-stated 3 true");
        assertThat(assessed.options().getFirst().label()).contains("January–March 2026");

        ReidentificationRisk.Assessment coarsened =
                risk.assess(QUESTIONNAIRE, footPursuit(), Map.of("incidentMonth", "quarter"), others);
        assertThat(coarsened.shared()).isEqualTo(4);
        assertThat(coarsened.rare()).isFalse();
        assertThat(coarsened.circumstances().getFirst().answer()).isEqualTo("January–March 2026");
        assertThat(coarsened.circumstances().getFirst().coarsened()).isTrue();
        assertThat(coarsened.options())
                .extracting(o -> o.field() + " " + o.to())
                .containsExactly("incidentMonth year", "incidentMonth month", "timeOfDay not-stated");
    }

    @Test
    void nothingIsOfferedForAnAnswerTheReporterDidNotGive() {
        ReidentificationRisk.Assessment assessed =
                risk.assess(QUESTIONNAIRE, footPursuitWith("timeOfDay", null), Map.of(), List.of());
        assertThat(assessed.options())
                .extracting(ReidentificationRisk.Option::field)
                .containsOnly("incidentMonth");
        assertThat(assessed.circumstances().get(2).answer()).isEqualTo("Not stated");
    }

    @Test
    void theCoarsenedAnswersAreWhatIsPublishedAndTheReportersStayAsTheyWere() {
        Map<String, Object> reported = footPursuit();
        Map<String, Object> published =
                ReidentificationRisk.coarsened(reported, Map.of("incidentMonth", "quarter", "timeOfDay", "not-stated"));

        assertThat(published).containsEntry("incidentMonth", "2026-Q1").doesNotContainKey("timeOfDay");
        assertThat(published).containsEntry("activity", "foot-pursuit").containsEntry("lighting", "dark-unlit");
        assertThat(reported).containsEntry("incidentMonth", "2026-02").containsEntry("timeOfDay", "00-04");
        assertThat(ReidentificationRisk.coarsened(reported, Map.of("incidentMonth", "year")))
                .containsEntry("incidentMonth", "2026");
        assertThat(ReidentificationRisk.coarsened(reported, Map.of())).isEqualTo(reported);
    }

    @Test
    void onlyTheMonthAndTheTimeOfDayAreCoarsenedAndOnlyToTheirLevels() {
        for (String[] bad : new String[][] {
            {"activity", "other"},
            {"incidentMonth", "week"},
            {"incidentMonth", null},
            {null, "quarter"},
            {"timeOfDay", "quarter"}
        }) {
            assertThatThrownBy(() -> ReidentificationRisk.with(Map.of(), bad[0], bad[1]))
                    .isInstanceOfSatisfying(ReviewRefused.class, r -> {
                        assertThat(r.reason()).isEqualTo(ReviewRefused.Reason.INCOMPLETE);
                        assertThat(r.field()).isEqualTo("coarsen");
                    });
        }
        Map<String, String> quarter = ReidentificationRisk.with(Map.of(), "incidentMonth", "quarter");
        assertThat(quarter).containsExactly(Map.entry("incidentMonth", "quarter"));
        assertThat(ReidentificationRisk.with(quarter, "incidentMonth", "month"))
                .as("the reporter's own level undoes it")
                .isEmpty();
        assertThat(ReidentificationRisk.with(quarter, "timeOfDay", "not-stated"))
                .containsEntry("incidentMonth", "quarter")
                .containsEntry("timeOfDay", "not-stated");
    }
}
