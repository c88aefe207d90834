package org.nearmiss.review;

import static org.nearmiss.review.ReviewRefused.Reason.INCOMPLETE;
import static org.nearmiss.review.ReviewRefused.Reason.NOT_YOUR_ROLE;
import static org.nearmiss.review.ReviewRefused.Reason.SAME_PERSON;
import static org.nearmiss.review.ReviewRefused.Reason.SHREDDED;
import static org.nearmiss.review.ReviewRefused.Reason.WRONG_STAGE;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.Set;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.intake.ReportId;

/**
 * One report's way through review: the only place its stage changes, each change guarded. Stage 1
 * (de-identify, code, ask the reporter) is done by reviewers or approvers; stage 2 (publish, send
 * back, reject) by an approver who did no part of stage 1.
 */
public final class ReviewCase {

    static final int MAX_REASON = 2_000;
    static final int MAX_QUESTION = 2_000;

    private final ReportId reportId;
    private final LocalDate filedOn;
    private final long version;
    private final Set<AccountId> stageOneBy;
    private Stage stage;
    private LocalDate stageSince;
    private boolean sentBack;
    private String rejectReason;
    private LocalDate closedOn;
    private LocalDate shreddedOn;

    ReviewCase(
            ReportId reportId,
            LocalDate filedOn,
            long version,
            Set<AccountId> stageOneBy,
            Stage stage,
            LocalDate stageSince,
            boolean sentBack,
            String rejectReason,
            LocalDate closedOn,
            LocalDate shreddedOn) {
        this.reportId = reportId;
        this.filedOn = filedOn;
        this.version = version;
        this.stageOneBy = new LinkedHashSet<>(stageOneBy);
        this.stage = stage;
        this.stageSince = stageSince;
        this.sentBack = sentBack;
        this.rejectReason = rejectReason;
        this.closedOn = closedOn;
        this.shreddedOn = shreddedOn;
    }

    /** A report just filed, waiting for stage 1. */
    static ReviewCase opened(ReportId reportId, LocalDate filedOn) {
        return new ReviewCase(reportId, filedOn, 0, Set.of(), Stage.STAGE_1, filedOn, false, null, null, null);
    }

    /** Saves stage 1 work: allowed while in stage 1 or waiting for the reporter. */
    void editDraft(SignedIn who) {
        requireStageOneRole(who);
        requireStage("Only a report in stage 1 can be edited.", Stage.STAGE_1, Stage.AWAITING_REPORTER);
        stageOneBy.add(who.id());
    }

    void askReporter(SignedIn who, String question, LocalDate today) {
        requireStageOneRole(who);
        requireStage("Questions go to the reporter during stage 1.", Stage.STAGE_1);
        requireText("question", question, MAX_QUESTION, "Write the question for the reporter");
        stageOneBy.add(who.id());
        moveTo(Stage.AWAITING_REPORTER, today);
    }

    /** The reporter answered: the report is back in stage 1. Does nothing in any other stage. */
    boolean reporterAnswered(LocalDate today) {
        if (stage != Stage.AWAITING_REPORTER) {
            return false;
        }
        moveTo(Stage.STAGE_1, today);
        return true;
    }

    void submit(SignedIn who, Draft draft, LocalDate today) {
        requireStageOneRole(who);
        requireStage("Only a report in stage 1 can go to stage 2.", Stage.STAGE_1);
        requireText("title", draft.title(), Draft.MAX_TITLE, "Write a title that tells the story");
        requireText("narrative", draft.narrative(), Draft.MAX_NARRATIVE, "Write the de-identified narrative");
        if (draft.codes().isEmpty()) {
            throw new ReviewRefused(INCOMPLETE, "codes", "Code at least one contributing factor.");
        }
        stageOneBy.add(who.id());
        sentBack = false;
        moveTo(Stage.STAGE_2, today);
    }

    /**
     * Looks at what stage 2 weighs before deciding (how rare the circumstances are): any approver
     * while the report is at stage 2, including one who may not decide it.
     */
    void viewStageTwo(SignedIn who) {
        requirePerson(who);
        if (who.role() != Role.APPROVER) {
            throw new ReviewRefused(NOT_YOUR_ROLE, "Stage 2 is done by approvers.");
        }
        requireStage("The circumstances are weighed at stage 2.", Stage.STAGE_2);
    }

    /** Saves stage 2 work (lessons, takeaways, corrections) without deciding yet. */
    void editStageTwo(SignedIn who) {
        requireStageTwo(who);
    }

    void sendBack(SignedIn who, String reason, LocalDate today) {
        requireStageTwo(who);
        requireText("reason", reason, MAX_REASON, "Say what stage 1 should change");
        sentBack = true;
        moveTo(Stage.STAGE_1, today);
    }

    void reject(SignedIn who, String reason, LocalDate today) {
        requireStageTwo(who);
        requireText("reason", reason, MAX_REASON, "Give the reason for rejecting");
        rejectReason = reason.strip();
        closedOn = today;
        moveTo(Stage.REJECTED, today);
    }

    void publish(SignedIn who, Draft draft, LocalDate today) {
        requireStageTwo(who);
        requireText("title", draft.title(), Draft.MAX_TITLE, "Write a title that tells the story");
        requireText("narrative", draft.narrative(), Draft.MAX_NARRATIVE, "The narrative is empty");
        requireText("lessons", draft.lessons(), Draft.MAX_LESSONS, "Write the lessons learned");
        if (draft.takeaways().length() > Draft.MAX_TAKEAWAYS) {
            throw new ReviewRefused(
                    INCOMPLETE, "takeaways", "Keep the takeaways under " + Draft.MAX_TAKEAWAYS + " characters.");
        }
        closedOn = today;
        moveTo(Stage.PUBLISHED, today);
    }

    /** Whether the reporter's text is due to be destroyed: closed for at least the retention period. */
    boolean dueForShredding(LocalDate today, Period retention) {
        return stage.closed() && shreddedOn == null && !closedOn.plus(retention).isAfter(today);
    }

    void shredded(LocalDate today) {
        if (!stage.closed()) {
            throw new ReviewRefused(WRONG_STAGE, "Only a published or rejected report's text is destroyed.");
        }
        shreddedOn = today;
    }

    /** Refuses to show or use the reporter's text once it is destroyed. */
    void requireOriginal() {
        if (shreddedOn != null) {
            throw new ReviewRefused(
                    SHREDDED, "The reporter's text was destroyed on " + shreddedOn + ", after the retention period.");
        }
    }

    /** Review is the work of people: automation tokens, whatever their role, take no step. */
    static void requirePerson(SignedIn who) {
        if (who.automation()) {
            throw new ReviewRefused(
                    NOT_YOUR_ROLE, "Review steps are taken by people; automation tokens cannot take them.");
        }
    }

    private void requireStageOneRole(SignedIn who) {
        requirePerson(who);
        if (who.role() != Role.REVIEWER && who.role() != Role.APPROVER) {
            throw new ReviewRefused(NOT_YOUR_ROLE, "Stage 1 is done by reviewers and approvers.");
        }
    }

    private void requireStageTwo(SignedIn who) {
        requirePerson(who);
        if (who.role() != Role.APPROVER) {
            throw new ReviewRefused(NOT_YOUR_ROLE, "Stage 2 is done by approvers.");
        }
        requireStage("Only a report in stage 2 can be approved, sent back or rejected.", Stage.STAGE_2);
        if (stageOneBy.contains(who.id())) {
            throw new ReviewRefused(
                    SAME_PERSON, "You worked on stage 1 of this report; another approver must do stage 2.");
        }
    }

    private void requireStage(String message, Stage... allowed) {
        for (Stage s : allowed) {
            if (stage == s) {
                return;
            }
        }
        throw new ReviewRefused(WRONG_STAGE, message + " This report is at: " + stage.label() + ".");
    }

    /**
     * What every stored draft keeps to, whichever step stores it (saving without sending on, applying
     * marks, stage 2's save, sending back): the lengths the sending steps and publication take. A
     * draft saved without sending it on once took a title of 200,000 characters.
     *
     * @throws ReviewRefused INCOMPLETE naming the first field over its limit
     */
    static void requireWithinLimits(Draft draft) {
        requireAtMost("title", draft.title(), Draft.MAX_TITLE);
        requireAtMost("narrative", draft.narrative(), Draft.MAX_NARRATIVE);
        requireAtMost("lessons", draft.lessons(), Draft.MAX_LESSONS);
        requireAtMost("takeaways", draft.takeaways(), Draft.MAX_TAKEAWAYS);
        requireHandMarks(draft.handMarks());
        for (int i = 0; i < draft.marks().size(); i++) {
            if (draft.marks().get(i).replacement().length() > Draft.MAX_REPLACEMENT) {
                throw new ReviewRefused(
                        INCOMPLETE,
                        "marks[" + i + "].replacement",
                        "Keep a replacement under " + Draft.MAX_REPLACEMENT + " characters.");
            }
        }
        requireAtMost("reason", draft.sentBackBecause(), MAX_REASON);
    }

    /**
     * The hand marks' limits, checked before they are applied: each replacement is put in wherever
     * its words occur, so a long one would grow the narrative many times over before its length is
     * known.
     */
    static void requireHandMarks(String handMarks) {
        if (handMarks == null) {
            return;
        }
        requireAtMost("handMarks", handMarks, Draft.MAX_HAND_MARKS);
        if (HandMark.parse(handMarks).stream().anyMatch(h -> h.replacement().length() > Draft.MAX_REPLACEMENT)) {
            throw new ReviewRefused(
                    INCOMPLETE, "handMarks", "Keep each replacement under " + Draft.MAX_REPLACEMENT + " characters.");
        }
    }

    private static void requireText(String field, String text, int max, String missing) {
        if (text == null || text.isBlank()) {
            throw new ReviewRefused(INCOMPLETE, field, missing + ".");
        }
        requireAtMost(field, text, max);
    }

    private static void requireAtMost(String field, String text, int max) {
        // UTF-16 units, as the embedded database's columns and a page's maxlength count: an emoji is two.
        if (text.length() > max) {
            throw new ReviewRefused(INCOMPLETE, field, "Keep it under " + max + " characters.");
        }
    }

    private void moveTo(Stage next, LocalDate today) {
        stage = next;
        stageSince = today;
    }

    public ReportId reportId() {
        return reportId;
    }

    public LocalDate filedOn() {
        return filedOn;
    }

    public long version() {
        return version;
    }

    public Stage stage() {
        return stage;
    }

    public LocalDate stageSince() {
        return stageSince;
    }

    /** Whether stage 2 sent it back and stage 1 has not resubmitted it yet. */
    public boolean sentBack() {
        return sentBack;
    }

    public String rejectReason() {
        return rejectReason;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public LocalDate shreddedOn() {
        return shreddedOn;
    }

    public Set<AccountId> stageOneBy() {
        return Set.copyOf(stageOneBy);
    }

    /** Whether this person did any part of stage 1, and so may not do stage 2. */
    public boolean workedOnStageOne(AccountId who) {
        return stageOneBy.contains(who);
    }

    public LocalDate dueOn() {
        return Sla.dueOn(filedOn);
    }

    /** Business days since filing, up to the day it closed. */
    public int businessDaysOpen(LocalDate today) {
        return Sla.businessDaysBetween(filedOn, closedOn == null ? today : closedOn);
    }

    /**
     * Past the target and still with us: open, not waiting on the reporter (whose time is not ours),
     * and later than the due day.
     */
    public boolean overdue(LocalDate today) {
        return !stage.closed() && stage != Stage.AWAITING_REPORTER && today.isAfter(dueOn());
    }
}
