package org.nearmiss.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionnairesTests {

    private final Questionnaires questionnaires = new Questionnaires();

    @Test
    void theCurrentVersionIsReadFromItsDataFile() {
        Questionnaire current = questionnaires.current();
        assertThat(current.version()).isEqualTo(1);
        assertThat(current.steps()).hasSizeBetween(1, 3);
    }

    @Test
    void itAsksWhatALawEnforcementNearMissNeeds() {
        assertThat(questionnaires.current().questions())
                .extracting(Question::id)
                .contains(
                        "activity",
                        "incidentMonth",
                        "timeOfDay",
                        "lighting",
                        "weather",
                        "locationType",
                        "officersOnScene",
                        "backup",
                        "assignment",
                        "suspects",
                        "weapons",
                        "weaponKnownBeforehand",
                        "injuryPotential",
                        "factors",
                        "chainBreaker",
                        "narrative",
                        "lessons",
                        "agencyCode",
                        "experience");
        assertThat(questionnaires.current().question("activity").orElseThrow().options())
                .extracting(Question.Option::value)
                .contains(
                        "disturbance", "ambush", "traffic-stop", "traffic-pursuit", "foot-pursuit", "warrant-service");
        assertThat(questionnaires.current().question("factors").orElseThrow().options())
                .extracting(Question.Option::value)
                .contains(
                        "situational-awareness",
                        "concealed-weapon",
                        "equipment-failure",
                        "communication",
                        "complacency",
                        "fatigue",
                        "training",
                        "policy-procedure",
                        "hazardous-environment",
                        "vehicle-traffic");
    }

    @Test
    void nothingAsksWhoTheReporterIs() {
        assertThat(questionnaires.current().questions())
                .extracting(q -> (q.id() + " " + q.label()).toLowerCase())
                .noneMatch(text -> text.matches(".*\\b(name|e-?mail|phone|badge|rank|address|birth|age)\\b.*"));
    }

    @Test
    void unknownVersionsAreRefusedByName() {
        assertThatThrownBy(() -> questionnaires.version(99)).isInstanceOf(QuestionnaireUnknown.class);
        assertThatThrownBy(() -> questionnaires.version(null)).isInstanceOf(QuestionnaireUnknown.class);
    }

    @Test
    void aQuestionnaireThatMakesNoSenseFailsTheStart() {
        Question noOptions = new Question(
                "activity",
                QuestionType.SINGLE,
                1,
                "Activity",
                null,
                true,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        Question duplicate = new Question(
                "narrative",
                QuestionType.LONGTEXT,
                1,
                "Story",
                null,
                true,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        List<Questionnaire.Step> oneStep = List.of(new Questionnaire.Step(1, "Only", null));

        assertThatThrownBy(() -> new Questionnaires(List.of(new Questionnaire(1, "t", oneStep, List.of(noOptions)))))
                .hasMessageContaining("options");
        assertThatThrownBy(() ->
                        new Questionnaires(List.of(new Questionnaire(1, "t", oneStep, List.of(duplicate, duplicate)))))
                .hasMessageContaining("unique");
        List<Questionnaire.Step> fourSteps = List.of(
                new Questionnaire.Step(1, "a", null),
                new Questionnaire.Step(2, "b", null),
                new Questionnaire.Step(3, "c", null),
                new Questionnaire.Step(4, "d", null));
        assertThatThrownBy(() -> new Questionnaires(List.of(new Questionnaire(1, "t", fourSteps, List.of(duplicate)))))
                .hasMessageContaining("three steps");
    }
}
