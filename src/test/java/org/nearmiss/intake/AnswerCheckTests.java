package org.nearmiss.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerCheckTests {

    private final Questionnaire questionnaire = new Questionnaires().current();
    private final AnswerCheck check =
            new AnswerCheck(Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));

    @Test
    void aTypicalStorySplitsIntoCodedAnswersAndFreeText() {
        Answers answers = check.check(questionnaire, Stories.aTypicalStory().asMap());

        assertThat(answers.questionnaireVersion()).isEqualTo(1);
        assertThat(answers.coded())
                .containsEntry("activity", "traffic-stop")
                .containsEntry("incidentMonth", "2026-03")
                .containsEntry("officersOnScene", 2)
                .containsEntry("factors", List.of("concealed-weapon", "complacency"))
                .doesNotContainKeys("narrative", "lessons");
        assertThat(answers.freeText())
                .containsEntry("narrative", Stories.NARRATIVE)
                .containsKey("lessons")
                .doesNotContainKey("activity");
    }

    @Test
    void everyProblemIsReportedAtOnceByQuestion() {
        AnswersInvalid invalid = problemsWith(Stories.aTypicalStory()
                .without("activity")
                .with("incidentMonth", "2027-01")
                .with("officersOnScene", "two")
                .with("lighting", "moonlight")
                .with("bogus", "x")
                .asMap());

        assertThat(invalid.problems())
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("activity", "incidentMonth", "officersOnScene", "lighting", "bogus");
        assertThat(invalid.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }

    @Test
    void theMonthIsAMonthNotADateAndNotInTheFuture() {
        assertThat(fieldsWrong(Stories.aTypicalStory().with("incidentMonth", "2026-03-14")))
                .containsExactly("incidentMonth");
        assertThat(fieldsWrong(Stories.aTypicalStory().with("incidentMonth", "2026-12")))
                .containsExactly("incidentMonth");
        assertThat(fieldsWrong(Stories.aTypicalStory().with("incidentMonth", "1969-12")))
                .containsExactly("incidentMonth");
        assertThat(check.check(
                                questionnaire,
                                Stories.aTypicalStory()
                                        .with("incidentMonth", "2026-11")
                                        .asMap())
                        .coded())
                .containsEntry("incidentMonth", "2026-11");
    }

    @Test
    void choicesMustBeOfferedOnesAndSingleQuestionsTakeOne() {
        assertThat(fieldsWrong(Stories.aTypicalStory().with("activity", "traffic-stop", "ambush")))
                .containsExactly("activity");
        assertThat(fieldsWrong(Stories.aTypicalStory().with("factors", "fatigue", "astrology")))
                .containsExactly("factors");
        assertThat(check.check(
                                questionnaire,
                                Stories.aTypicalStory()
                                        .with("factors", "fatigue", "fatigue")
                                        .asMap())
                        .coded())
                .containsEntry("factors", List.of("fatigue"));
    }

    @Test
    void numbersStayWithinTheirLimits() {
        assertThat(fieldsWrong(Stories.aTypicalStory().with("officersOnScene", "0")))
                .containsExactly("officersOnScene");
        assertThat(fieldsWrong(Stories.aTypicalStory().with("officersOnScene", "100")))
                .containsExactly("officersOnScene");
        assertThat(fieldsWrong(Stories.aTypicalStory().with("officersOnScene", "1.5")))
                .containsExactly("officersOnScene");
    }

    @Test
    void textHasALengthBetweenItsLimitsAndAFormWhereOneIsSet() {
        assertThat(fieldsWrong(Stories.aTypicalStory().with("narrative", "Too short.")))
                .containsExactly("narrative");
        assertThat(fieldsWrong(Stories.aTypicalStory().with("narrative", "x".repeat(20_001))))
                .containsExactly("narrative");
        assertThat(fieldsWrong(Stories.aTypicalStory().with("agencyCode", "<script>")))
                .containsExactly("agencyCode");
        assertThat(check.check(
                                questionnaire,
                                Stories.aTypicalStory()
                                        .with("agencyCode", "TX-4471")
                                        .asMap())
                        .freeText())
                .containsEntry("agencyCode", "TX-4471");
    }

    @Test
    void blankAnswersCountAsUnansweredAndLineEndingsAreUnified() {
        assertThat(fieldsWrong(Stories.aTypicalStory().with("narrative", "   ")))
                .containsExactly("narrative");
        Answers answers = check.check(
                questionnaire,
                Stories.aTypicalStory()
                        .with("timeOfDay", "")
                        .with("narrative", "Line one of a story that is long enough.\r\nLine two\u0000.")
                        .asMap());
        assertThat(answers.coded()).doesNotContainKey("timeOfDay");
        assertThat(answers.freeText().get("narrative"))
                .isEqualTo("Line one of a story that is long enough.\nLine two.");
    }

    private List<String> fieldsWrong(Stories story) {
        return problemsWith(story.asMap()).problems().stream()
                .map(FieldProblem::field)
                .toList();
    }

    private AnswersInvalid problemsWith(Map<String, List<String>> raw) {
        AnswersInvalid invalid = catchThrowableOfType(AnswersInvalid.class, () -> check.check(questionnaire, raw));
        assertThat(invalid).as("answers should have been refused").isNotNull();
        return invalid;
    }
}
