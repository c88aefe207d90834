package org.nearmiss.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.intake.ReportId;

/** The review state machine: every legal move, and every illegal one refused by name. */
class ReviewCaseTests {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    final SignedIn reviewer = person(Role.REVIEWER);
    final SignedIn approver = person(Role.APPROVER);
    final SignedIn otherApprover = person(Role.APPROVER);
    final Draft complete = new Draft(
            "Hidden passenger reaches for handgun",
            "[OFFICER 1] stopped a car at night.",
            "Watch every occupant's hands.",
            "",
            List.of("UA-SKILL"),
            List.of(),
            "",
            "",
            List.of(),
            Map.of());

    @Test
    void aReportGoesThroughBothStagesToPublication() {
        ReviewCase c = ReviewCase.opened(ReportId.random(), MONDAY);
        assertThat(c.stage()).isEqualTo(Stage.STAGE_1);

        c.editDraft(reviewer);
        c.submit(reviewer, complete, MONDAY.plusDays(1));
        assertThat(c.stage()).isEqualTo(Stage.STAGE_2);
        assertThat(c.stageSince()).isEqualTo(MONDAY.plusDays(1));

        c.publish(approver, complete, MONDAY.plusDays(2));
        assertThat(c.stage()).isEqualTo(Stage.PUBLISHED);
        assertThat(c.closedOn()).isEqualTo(MONDAY.plusDays(2));
        assertThat(c.stage().reporterSees()).isEqualTo(org.nearmiss.intake.ReportState.PUBLISHED);
    }

    @Test
    void whoeverDidAnyPartOfStageOneCannotDoStageTwo() {
        ReviewCase c = ReviewCase.opened(ReportId.random(), MONDAY);
        c.editDraft(approver); // an approver helped with stage 1
        c.submit(reviewer, complete, MONDAY);

        for (Runnable stageTwo : List.<Runnable>of(
                () -> c.publish(approver, complete, MONDAY),
                () -> c.sendBack(approver, "Fix it", MONDAY),
                () -> c.reject(approver, "Spam", MONDAY),
                () -> c.editStageTwo(approver))) {
            assertThatThrownBy(stageTwo::run)
                    .isInstanceOfSatisfying(
                            ReviewRefused.class,
                            r -> assertThat(r.reason()).isEqualTo(ReviewRefused.Reason.SAME_PERSON));
        }
        assertThat(c.stage()).isEqualTo(Stage.STAGE_2);

        c.publish(otherApprover, complete, MONDAY);
        assertThat(c.stage()).isEqualTo(Stage.PUBLISHED);
    }

    @Test
    void stageTwoIsForApproversOnlyAndStageOneForReviewersAndApprovers() {
        ReviewCase c = ReviewCase.opened(ReportId.random(), MONDAY);
        assertRefused(() -> c.editDraft(person(Role.ANALYST)), ReviewRefused.Reason.NOT_YOUR_ROLE);
        assertRefused(() -> c.editDraft(person(Role.ADMIN)), ReviewRefused.Reason.NOT_YOUR_ROLE);
        c.submit(reviewer, complete, MONDAY);
        assertRefused(() -> c.publish(person(Role.REVIEWER), complete, MONDAY), ReviewRefused.Reason.NOT_YOUR_ROLE);
        assertRefused(() -> c.publish(person(Role.ADMIN), complete, MONDAY), ReviewRefused.Reason.NOT_YOUR_ROLE);
    }

    @Test
    void movesOutOfTurnAreRefusedAsWrongStage() {
        ReviewCase c = ReviewCase.opened(ReportId.random(), MONDAY);
        assertRefused(() -> c.publish(approver, complete, MONDAY), ReviewRefused.Reason.WRONG_STAGE);
        assertRefused(() -> c.sendBack(approver, "why", MONDAY), ReviewRefused.Reason.WRONG_STAGE);
        assertRefused(() -> c.reject(approver, "why", MONDAY), ReviewRefused.Reason.WRONG_STAGE);
        assertRefused(() -> c.shredded(MONDAY), ReviewRefused.Reason.WRONG_STAGE);

        c.askReporter(reviewer, "Was it dark?", MONDAY);
        assertThat(c.stage()).isEqualTo(Stage.AWAITING_REPORTER);
        assertRefused(() -> c.submit(reviewer, complete, MONDAY), ReviewRefused.Reason.WRONG_STAGE);
        assertRefused(() -> c.askReporter(reviewer, "And?", MONDAY), ReviewRefused.Reason.WRONG_STAGE);
        c.editDraft(reviewer); // work goes on while waiting

        assertThat(c.reporterAnswered(MONDAY.plusDays(3))).isTrue();
        assertThat(c.stage()).isEqualTo(Stage.STAGE_1);
        assertThat(c.reporterAnswered(MONDAY.plusDays(3)))
                .as("a second answer changes nothing")
                .isFalse();

        c.submit(reviewer, complete, MONDAY);
        c.reject(approver, "Not a near miss", MONDAY);
        assertRefused(() -> c.editDraft(reviewer), ReviewRefused.Reason.WRONG_STAGE);
        assertRefused(() -> c.publish(otherApprover, complete, MONDAY), ReviewRefused.Reason.WRONG_STAGE);
        assertThat(c.rejectReason()).isEqualTo("Not a near miss");
    }

    @Test
    void stepsThatNeedWordsRefuseWithoutThemNamingTheField() {
        ReviewCase c = ReviewCase.opened(ReportId.random(), MONDAY);
        assertIncomplete(() -> c.submit(reviewer, complete.withText("", "x", "", ""), MONDAY), "title");
        assertIncomplete(() -> c.submit(reviewer, complete.withText("T", " ", "", ""), MONDAY), "narrative");
        assertIncomplete(() -> c.submit(reviewer, complete.withCodes(List.of()), MONDAY), "codes");
        assertIncomplete(() -> c.askReporter(reviewer, "  ", MONDAY), "question");
        assertIncomplete(() -> c.askReporter(reviewer, "?".repeat(ReviewCase.MAX_QUESTION + 1), MONDAY), "question");
        // Counted as the embedded database (and a page's maxlength) count, in UTF-16 units: a title of
        // 101 emoji is 202 of them, and the publication's title column refused it with a failure.
        String emoji = "\ud83d\ude94".repeat(Draft.MAX_TITLE / 2 + 1);
        assertIncomplete(() -> c.submit(reviewer, complete.withText(emoji, "x", "", ""), MONDAY), "title");
        assertThat(c.stage()).isEqualTo(Stage.STAGE_1);

        c.submit(reviewer, complete, MONDAY);
        assertIncomplete(() -> c.publish(approver, complete.withText("T", "N", "", ""), MONDAY), "lessons");
        assertIncomplete(() -> c.sendBack(approver, "", MONDAY), "reason");
        assertIncomplete(() -> c.reject(approver, null, MONDAY), "reason");
        assertThat(c.stage()).isEqualTo(Stage.STAGE_2);
    }

    @Test
    void everyStoredDraftKeepsTheLimitsOfTheSendingStepsFieldByField() {
        String over = "x".repeat(200_000);
        ReviewCase.requireWithinLimits(complete);
        ReviewCase.requireWithinLimits(complete.withText(
                "t".repeat(Draft.MAX_TITLE), "n".repeat(Draft.MAX_NARRATIVE), "", "k".repeat(Draft.MAX_TAKEAWAYS)));

        assertIncomplete(() -> ReviewCase.requireWithinLimits(complete.withText(over, "n", "", "")), "title");
        assertIncomplete(() -> ReviewCase.requireWithinLimits(complete.withText("t", over, "", "")), "narrative");
        assertIncomplete(() -> ReviewCase.requireWithinLimits(complete.withText("t", "n", over, "")), "lessons");
        assertIncomplete(() -> ReviewCase.requireWithinLimits(complete.withText("t", "n", "", over)), "takeaways");
        assertIncomplete(() -> ReviewCase.requireWithinLimits(complete.withMarks(List.of(), over)), "handMarks");
        assertIncomplete(
                () -> ReviewCase.requireWithinLimits(complete.withMarks(List.of(), "Elm = [" + "S".repeat(200) + "]")),
                "handMarks");
        Mark longReplacement = new Mark(0, 3, "PERSON", "[" + "P".repeat(Draft.MAX_REPLACEMENT) + "]", true);
        assertIncomplete(
                () -> ReviewCase.requireWithinLimits(
                        complete.withMarks(List.of(new Mark(0, 3, "PERSON", "[PERSON 1]", true), longReplacement), "")),
                "marks[1].replacement");
        assertIncomplete(() -> ReviewCase.requireWithinLimits(complete.sentBack(over)), "reason");
    }

    @Test
    void sentBackReportsReturnToStageOneMarkedAsSuch() {
        ReviewCase c = ReviewCase.opened(ReportId.random(), MONDAY);
        c.submit(reviewer, complete, MONDAY);
        c.sendBack(approver, "The street name is still in paragraph 2", MONDAY.plusDays(1));
        assertThat(c.stage()).isEqualTo(Stage.STAGE_1);
        assertThat(c.sentBack()).isTrue();

        c.submit(reviewer, complete, MONDAY.plusDays(2));
        assertThat(c.sentBack()).isFalse();
        c.publish(approver, complete, MONDAY.plusDays(3));
        assertThat(c.stage()).isEqualTo(Stage.PUBLISHED);
    }

    @Test
    void textIsDueForShreddingOnlyAfterClosingPlusRetention() {
        ReviewCase c = ReviewCase.opened(ReportId.random(), MONDAY);
        Period retention = Period.ofDays(30);
        assertThat(c.dueForShredding(MONDAY.plusYears(1), retention))
                .as("open reports keep their text")
                .isFalse();

        c.submit(reviewer, complete, MONDAY);
        c.publish(approver, complete, MONDAY);
        assertThat(c.dueForShredding(MONDAY.plusDays(29), retention)).isFalse();
        assertThat(c.dueForShredding(MONDAY.plusDays(30), retention)).isTrue();

        c.shredded(MONDAY.plusDays(30));
        assertThat(c.dueForShredding(MONDAY.plusDays(31), retention))
                .as("once is enough")
                .isFalse();
        assertRefused(c::requireOriginal, ReviewRefused.Reason.SHREDDED);
    }

    @Test
    void theClockFlagsOpenReportsPastTheirDueDayButNotWhileTheReporterHasTheQuestion() {
        ReviewCase c = ReviewCase.opened(ReportId.random(), MONDAY);
        LocalDate due = c.dueOn();
        assertThat(due).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(c.overdue(due)).isFalse();
        assertThat(c.overdue(due.plusDays(1))).isTrue();
        assertThat(c.businessDaysOpen(due.plusDays(1))).isEqualTo(11);

        c.askReporter(reviewer, "Was it dark?", MONDAY);
        assertThat(c.overdue(due.plusDays(1))).isFalse();

        c.reporterAnswered(MONDAY);
        c.submit(reviewer, complete, MONDAY);
        c.publish(approver, complete, MONDAY.plusDays(3));
        assertThat(c.overdue(due.plusDays(30)))
                .as("closed reports are never overdue")
                .isFalse();
        assertThat(c.businessDaysOpen(due.plusDays(30)))
                .as("the clock stops at closing")
                .isEqualTo(3);
    }

    private static void assertRefused(Runnable step, ReviewRefused.Reason reason) {
        assertThatThrownBy(step::run)
                .isInstanceOfSatisfying(
                        ReviewRefused.class, r -> assertThat(r.reason()).isEqualTo(reason));
    }

    private static void assertIncomplete(Runnable step, String field) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(ReviewRefused.class, r -> {
            assertThat(r.reason()).isEqualTo(ReviewRefused.Reason.INCOMPLETE);
            assertThat(r.field()).isEqualTo(field);
        });
    }

    private static SignedIn person(Role role) {
        AccountId id = AccountId.random();
        return new SignedIn(id, id + "@state.gov", "Someone", role);
    }
}
