package org.nearmiss.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.intake.Intake;
import org.nearmiss.intake.ReportKey;
import org.nearmiss.intake.ReportState;
import org.nearmiss.intake.Stories;
import org.nearmiss.system.AuditLog;
import org.nearmiss.testing.ApiClient;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.ReportIds;
import org.nearmiss.testing.Staff;
import org.nearmiss.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Both stages through the pages, by different signed-in people: marks, codes, a question the
 * anonymous reporter answers, four eyes, publication with de-identified content only.
 */
@AppTest
class ReviewFlowTests {

    static final String STORY = "Officer Dan Ruiz and I stopped a car on 1423 Elm Street on March 3, 2026 after"
            + " dark. The rear passenger kept his hand under his thigh; Ruiz saw a handgun. Call me at 555-123-4567.";
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Intake intake;

    @Autowired
    AuditLog audit;

    @Autowired
    Publications publications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Review review;

    Staff reviewer;
    Staff approver;
    Staff secondApprover;

    @BeforeEach
    void staff() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        reviewer = join("rev-" + tag + "@state.gov", Role.REVIEWER);
        approver = join("app-" + tag + "@state.gov", Role.APPROVER);
        secondApprover = join("app2-" + tag + "@state.gov", Role.APPROVER);
    }

    @Test
    void aReportIsDeidentifiedCodedQuestionedAndPublishedByTwoPeople() {
        ReportKey key =
                intake.file(1, Stories.aTypicalStory().with("narrative", STORY).asMap());
        String id = caseIdOf(key);
        String page = "/review/cases/" + id;

        // The queue lists it; the page shows the reporter's words with the assistant's marks and a first draft.
        assertThat(reviewer.web.get("/review").body())
                .contains(id.substring(0, 8))
                .contains("Traffic stop");
        String opened = reviewer.web.get(page).body();
        assertThat(opened).contains("What the reporter sent").contains("<mark").contains("1423 Elm Street");
        // Each mark says why the assistant made it.
        assertThat(opened).contains("<th scope=\"col\">Why</th>").contains("a house number and a street type");
        assertThat(draftNarrative(opened))
                .doesNotContain("Ruiz")
                .doesNotContain("555-123-4567")
                .doesNotContain("Elm");
        assertThat(opened).contains("value=\"PC-SUBJECT\" id=\"code-PC-SUBJECT\" checked");
        assertThat(audit.latest(5))
                .anySatisfy(e -> assertThat(e.actor() + " " + e.action() + " " + e.subject())
                        .isEqualTo(reviewer.email + " report.original-viewed " + id));

        // Sending on without a title is refused beside the field, keeping what was typed.
        HttpResponse<String> refused = act(
                reviewer,
                id,
                "stage-1",
                List.of(
                        Map.entry("action", "submit"),
                        Map.entry("title", ""),
                        Map.entry("narrative", "My own edit of the story, kept."),
                        Map.entry("codes", "PC-SUBJECT")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"title-error\"").contains("My own edit of the story, kept.");
        assertThat(stageOf(id)).isEqualTo("STAGE_1");

        // A question reaches the anonymous reporter, whose answer brings the report back to stage 1.
        follow(act(
                reviewer,
                id,
                "question",
                List.of(Map.entry("question", "Was the passenger's hand visible at first?"))));
        assertThat(stageOf(id)).isEqualTo("AWAITING_REPORTER");
        assertThat(intake.status(key.display()).state()).isEqualTo(ReportState.AWAITING_REPORTER);
        assertThat(intake.status(key.display()).messages())
                .anySatisfy(m -> assertThat(m.text()).isEqualTo("Was the passenger's hand visible at first?"));
        intake.reply(key.display(), "No, it was under his leg the whole time.");
        assertThat(stageOf(id)).isEqualTo("STAGE_1");
        assertThat(reviewer.web.get(page).body()).contains("No, it was under his leg the whole time.");

        // The first approver helps with stage 1, so cannot decide stage 2.
        follow(act(approver, id, "marks", List.of(Map.entry("handMarks", "thigh = [LEG]"))));
        assertThat(draftNarrative(approver.web.get(page).body())).contains("[LEG]");

        String narrative = "[OFFICER 1] and I stopped a car in the dark. The rear passenger kept his hand"
                + " under his leg; [OFFICER 1] saw a handgun.";
        HttpResponse<String> submitted = act(
                reviewer,
                id,
                "stage-1",
                List.of(
                        Map.entry("action", "submit"),
                        Map.entry("title", "Hidden passenger hides handgun at night stop"),
                        Map.entry("narrative", narrative),
                        Map.entry("lessons", "Watch every occupant's hands."),
                        Map.entry("codes", "PC-SUBJECT"),
                        Map.entry("codes", "PC-MENTAL")));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        assertThat(stageOf(id)).isEqualTo("STAGE_2");

        // The page offers them no stage 2 form, and a hand-made request is refused all the same.
        String ownPage = approver.web.get(page).body();
        assertThat(ownPage).contains("You worked on stage 1 of this report").doesNotContain("id=\"stage-2-form\"");
        HttpResponse<String> ownWork = approver.web.post(
                page + "/stage-2",
                List.of(Map.entry("action", "publish"), Map.entry("title", "T"), Map.entry("lessons", "L")),
                WebSession.csrfOf(ownPage));
        assertThat(ownWork.statusCode()).isEqualTo(409);
        assertThat(ownWork.body()).contains("another approver must do stage 2");
        assertThat(reviewer.web.get(page).body()).doesNotContain("id=\"stage-2-form\"");

        // Publishing needs lessons; then the second approver publishes.
        HttpResponse<String> noLessons = act(
                secondApprover,
                id,
                "stage-2",
                List.of(
                        Map.entry("action", "publish"),
                        Map.entry("title", "Hidden passenger hides handgun at night stop"),
                        Map.entry("narrative", narrative),
                        Map.entry("lessons", " ")));
        assertThat(noLessons.statusCode()).isEqualTo(400);
        assertThat(noLessons.body()).contains("id=\"lessons-error\"");

        HttpResponse<String> published = act(
                secondApprover,
                id,
                "stage-2",
                List.of(
                        Map.entry("action", "publish"),
                        Map.entry("title", "Hidden passenger hides handgun at night stop"),
                        Map.entry("narrative", narrative),
                        Map.entry("lessons", "- Watch every occupant's hands.\n- Light up the back seat."),
                        Map.entry("takeaways", "Every occupant is a possible threat."),
                        Map.entry("acknowledgeRisk", "true")));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(302);
        assertThat(secondApprover.web.follow(published).body())
                .contains("Published as")
                .contains("NM-");

        assertThat(stageOf(id)).isEqualTo("PUBLISHED");
        assertThat(intake.status(key.display()).state()).isEqualTo(ReportState.PUBLISHED);
        ReportPublished publication = publications
                .of(new org.nearmiss.intake.ReportId(UUID.fromString(id)))
                .orElseThrow();
        assertThat(publication.publicId()).matches("NM-\\d{4}-\\d{5}");
        assertThat(publication.narrative()).isEqualTo(narrative);
        assertThat(publication.lessons()).containsExactly("Watch every occupant's hands.", "Light up the back seat.");
        assertThat(publication.codes()).containsExactly("PC-MENTAL", "PC-SUBJECT");
        assertThat(publication.incidentMonth()).isEqualTo("2026-03");
        assertThat(publication.answers()).doesNotContainKeys("narrative", "lessons", "agencyCode");
        assertThat(publication.toString()).doesNotContain("Ruiz", "Elm", "555");

        List<String> trail = audit.latest(40).stream()
                .filter(e -> id.equals(e.subject()))
                .map(e -> e.actor() + " " + e.action())
                .toList();
        assertThat(trail)
                .contains(
                        reviewer.email + " review.question-sent",
                        approver.email + " review.marks-applied",
                        reviewer.email + " review.submitted",
                        secondApprover.email + " review.published");
    }

    @Test
    void sendingBackAndRejectingKeepTheirReasonsAndTheReporterSeesPlainWords() {
        ReportKey key = intake.file(1, Stories.aTypicalStory().asMap());
        String id = caseIdOf(key);
        submitStageOne(id);

        HttpResponse<String> noReason = act(approver, id, "stage-2", List.of(Map.entry("action", "send-back")));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"reason-error\"");

        follow(act(
                approver,
                id,
                "stage-2",
                List.of(
                        Map.entry("action", "send-back"),
                        Map.entry("reason", "Paragraph two still names the street."))));
        assertThat(stageOf(id)).isEqualTo("STAGE_1");
        assertThat(intake.status(key.display()).state()).isEqualTo(ReportState.IN_REVIEW);
        assertThat(reviewer.web.get("/review").body()).contains("Sent back by stage 2");
        assertThat(reviewer.web.get("/review/cases/" + id).body()).contains("Paragraph two still names the street.");

        submitStageOne(id);
        follow(act(
                approver,
                id,
                "stage-2",
                List.of(Map.entry("action", "reject"), Map.entry("reason", "A duplicate of an earlier report."))));
        assertThat(stageOf(id)).isEqualTo("REJECTED");
        assertThat(intake.status(key.display()).state()).isEqualTo(ReportState.REJECTED);
        assertThat(intake.status(key.display()).state().label()).isEqualTo("Not published");
        assertThat(approver.web.get("/review/cases/" + id).body()).contains("A duplicate of an earlier report.");
    }

    @Test
    void aDraftSavedWithoutSendingItOnKeepsTheLimitsAndCodesOfTheSendingStepsBesideTheField() {
        String id = caseIdOf(
                intake.file(1, Stories.aTypicalStory().with("narrative", STORY).asMap()));
        String huge = "x".repeat(200_000);

        assertRefusedBeside(
                act(reviewer, id, "stage-1", List.of(Map.entry("action", "save"), Map.entry("title", huge))), "title");
        assertRefusedBeside(
                act(
                        reviewer,
                        id,
                        "stage-1",
                        List.of(
                                Map.entry("action", "save"),
                                Map.entry("title", "A title"),
                                Map.entry("codes", "UA-SKILL"),
                                Map.entry("codes", "NOT-A-CODE"))),
                "codes");
        assertRefusedBeside(
                act(reviewer, id, "marks", List.of(Map.entry("handMarks", "thigh = [" + huge + "]"))), "handMarks");
        assertRefusedBeside(
                act(reviewer, id, "marks", List.of(Map.entry("mark", "0"), Map.entry("replacement0", huge))),
                "replacement0");
        assertThat(jdbc.sql("select version || ' ' || (sealed_draft is null) from review_case where report_id = ?")
                        .param(UUID.fromString(id))
                        .query(String.class)
                        .single())
                .as("nothing was stored")
                .isEqualTo("0 TRUE");

        submitStageOne(id);
        assertRefusedBeside(
                act(approver, id, "stage-2", List.of(Map.entry("action", "save"), Map.entry("lessons", huge))),
                "lessons");
        assertRefusedBeside(
                act(
                        approver,
                        id,
                        "stage-2",
                        List.of(
                                Map.entry("action", "send-back"),
                                Map.entry("reason", "Shorter, please."),
                                Map.entry("takeaways", huge))),
                "takeaways");
        assertThat(stageOf(id)).isEqualTo("STAGE_2");
        assertThat(approver.web.get("/review/cases/" + id).body()).doesNotContain("xxxxxxxxxx");
    }

    /** Issue #18: a story edited at stage 2 to name people was published as written. */
    static final String NAMED_AT_STAGE_TWO =
            "Sgt. Maria Lopez from Springfield PD called me at 555-201-3344 on 14 March";

    private static final Pattern KEEP = Pattern.compile(
            "name=\"keepField(\\d+)\" value=\"([^\"]*)\">\\s*<input type=\"hidden\" name=\"keepWords\\1\" value=\"([^\"]*)\"");

    @Test
    void wordsTheAssistantStillMarksAtStageTwoArePublishedOnlyWhenTheApproverKeepsEachWithAReason() {
        String id = caseIdOf(intake.file(1, Stories.aTypicalStory().asMap()));
        submitStageOne(id);
        List<Map.Entry<String, String>> edited = List.of(
                Map.entry("action", "publish"),
                Map.entry("title", "A title"),
                Map.entry("narrative", NAMED_AT_STAGE_TWO),
                Map.entry("lessons", "A lesson."),
                Map.entry("acknowledgeRisk", "true"));

        HttpResponse<String> refused = act(approver, id, "stage-2", edited);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body())
                .contains("id=\"identifying\"")
                .contains("Maria Lopez")
                .contains("555-201-3344")
                .contains("a phone number")
                .contains(">" + NAMED_AT_STAGE_TWO + "</textarea>");
        assertThat(stageOf(id)).isEqualTo("STAGE_2");
        assertThat(publications.of(reportId(id))).isEmpty();

        // A blank reason keeps nothing; keeping one mark leaves the others refusing.
        List<Map.Entry<String, String>> keeps = keepsOf(refused.body());
        int marks = keeps.size() / 2;
        assertThat(marks).isGreaterThanOrEqualTo(3);
        List<Map.Entry<String, String>> blank = new ArrayList<>(edited);
        blank.addAll(keeps);
        for (int i = 0; i < marks; i++) {
            blank.add(Map.entry("keepReason" + i, " "));
        }
        assertThat(act(approver, id, "stage-2", blank).statusCode()).isEqualTo(409);
        List<Map.Entry<String, String>> one = new ArrayList<>(edited);
        one.addAll(keeps);
        one.add(Map.entry("keepReason0", "Named in the public press release."));
        HttpResponse<String> stillRefused = act(approver, id, "stage-2", one);
        assertThat(stillRefused.statusCode()).isEqualTo(409);
        assertThat(stillRefused.body()).contains("value=\"Named in the public press release.\"");
        assertThat(publications.of(reportId(id))).isEmpty();

        // A reason goes to the audit log, so one that repeats the words is refused at the marks.
        List<Map.Entry<String, String>> naming = new ArrayList<>(edited);
        naming.addAll(keeps);
        naming.add(Map.entry("keepReason0", "Lopez asked to be named."));
        HttpResponse<String> repeats = act(approver, id, "stage-2", naming);
        assertThat(repeats.statusCode()).isEqualTo(400);
        assertThat(repeats.body())
                .contains("id=\"identifying-error\"")
                .contains("without repeating them")
                .contains(">" + NAMED_AT_STAGE_TWO + "</textarea>");
        assertThat(audit.latest(10)).noneSatisfy(e -> assertThat(e.subject()).contains("Lopez"));

        List<Map.Entry<String, String>> all = new ArrayList<>(edited);
        all.addAll(keeps);
        for (int i = 0; i < marks; i++) {
            all.add(Map.entry("keepReason" + i, "Public record " + i + ", cleared with the agency."));
        }
        HttpResponse<String> published = act(approver, id, "stage-2", all);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(302);
        assertThat(publications.of(reportId(id)).orElseThrow().narrative()).isEqualTo(NAMED_AT_STAGE_TWO);

        List<AuditLog.Entry> kept = audit.latest(60).stream()
                .filter(e -> e.action().equals("review.mark-kept"))
                .filter(e -> e.subject().startsWith(id))
                .toList();
        assertThat(kept).hasSize(marks).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo(approver.email);
            assertThat(e.subject()).contains("narrative").contains("cleared with the agency");
            assertThat(e.subject()).doesNotContain("Maria", "Lopez", "Springfield", "555", "14 March");
        });

        // The reviewer of stage 1 sees what stage 2 kept, and why.
        String reviewersView = reviewer.web.get("/review/cases/" + id).body();
        assertThat(reviewersView)
                .contains("id=\"kept\"")
                .contains("Maria Lopez")
                .contains("Public record 0, cleared with the agency.");
    }

    /** The hidden field and words of every mark the page lists, as posted back with the stage 2 form. */
    private static List<Map.Entry<String, String>> keepsOf(String page) {
        List<Map.Entry<String, String>> keeps = new ArrayList<>();
        Matcher m = KEEP.matcher(page);
        while (m.find()) {
            keeps.add(Map.entry("keepField" + m.group(1), m.group(2)));
            keeps.add(Map.entry(
                    "keepWords" + m.group(1), m.group(3).replace("&#39;", "'").replace("&amp;", "&")));
        }
        return keeps;
    }

    private static org.nearmiss.intake.ReportId reportId(String id) {
        return new org.nearmiss.intake.ReportId(UUID.fromString(id));
    }

    private static void assertRefusedBeside(HttpResponse<String> refused, String field) {
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"" + field + "-error\"");
    }

    @Test
    void aStalePageCannotOverwriteSomeoneElsesWork() {
        String id = caseIdOf(intake.file(1, Stories.aTypicalStory().asMap()));
        String page = reviewer.web.get("/review/cases/" + id).body();
        follow(act(
                approver, id, "stage-1", List.of(Map.entry("action", "save"), Map.entry("title", "Approver's title"))));

        HttpResponse<String> stale = reviewer.web.post(
                "/review/cases/" + id + "/stage-1",
                List.of(Map.entry("version", versionOf(page)), Map.entry("action", "save"), Map.entry("title", "Mine")),
                WebSession.csrfOf(page));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else changed this report");
        assertThat(reviewer.web.get("/review/cases/" + id).body()).contains("value=\"Approver&#39;s title\"");
    }

    @Test
    void anUnknownReportIsNotFoundAndOtherRolesCannotReview() {
        assertThat(reviewer.web.get("/review/cases/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
        Staff analyst = join("an-" + UUID.randomUUID().toString().substring(0, 8) + "@state.gov", Role.ANALYST);
        assertThat(analyst.web.get("/review").statusCode()).isEqualTo(403);
    }

    /** A foot pursuit after midnight that could have hurt someone badly, in the month given. */
    static Stories pursuit(String month) {
        return Stories.aTypicalStory()
                .with("activity", "foot-pursuit")
                .with("incidentMonth", month)
                .with("timeOfDay", "00-04")
                .with("injuryPotential", "serious-injury");
    }

    @Test
    void rareCircumstancesAreShownBeforePublishingAndCoarsenedInOneClick() {
        // No other test publishes in 1987: two alike in February, one in March, one published as the
        // quarter, and a traffic stop in February.
        publishedAs(pursuit("1987-02"), Map.of());
        publishedAs(pursuit("1987-02"), Map.of());
        publishedAs(pursuit("1987-03"), Map.of());
        publishedAs(pursuit("1987-01"), Map.of("incidentMonth", "quarter"));
        publishedAs(pursuit("1987-02").with("activity", "traffic-stop"), Map.of());
        String id = caseIdOf(intake.file(1, pursuit("1987-02").asMap()));
        submitStageOne(id);

        String page = approver.web.get("/review/cases/" + id).body();
        assertThat(page)
                .contains("id=\"risk-warning\"")
                .contains("Shared by 2 published reports (fewer than 5 with this one): this combination could point at"
                        + " the officer.")
                .contains("id=\"coarsen-incidentMonth-quarter\"")
                .contains("id=\"acknowledgeRisk\"");
        assertThat(reviewer.web.get("/review/cases/" + id).body())
                .as("stage 2 weighs it")
                .doesNotContain("id=\"risk\"");

        // Publishing is refused beside the box until the approver coarsens or says to publish as it is.
        List<Map.Entry<String, String>> publish = List.of(
                Map.entry("action", "publish"),
                Map.entry("title", "A title"),
                Map.entry("narrative", "A de-identified story."),
                Map.entry("lessons", "A lesson kept when refused."));
        HttpResponse<String> refused = act(approver, id, "stage-2", publish);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body())
                .contains("id=\"acknowledgeRisk-error\"")
                .contains("fewer than 5")
                .contains(">A lesson kept when refused.</textarea>");
        assertThat(publications.of(reportId(id))).isEmpty();

        HttpResponse<String> notOffered = act(approver, id, "coarsen", List.of(Map.entry("coarsen", "activity:other")));
        assertThat(notOffered.statusCode()).isEqualTo(400);
        assertThat(notOffered.body()).contains("id=\"coarsen-error\"");
        String reviewersPage = reviewer.web.get("/review/cases/" + id).body();
        assertThat(reviewer.web
                        .post(
                                "/review/cases/" + id + "/coarsen",
                                List.of(Map.entry("coarsen", "incidentMonth:quarter")),
                                WebSession.csrfOf(reviewersPage))
                        .statusCode())
                .isEqualTo(403);

        // One click: the quarter instead of the month, and the page counts again.
        HttpResponse<String> coarsened =
                act(approver, id, "coarsen", List.of(Map.entry("coarsen", "incidentMonth:quarter")));
        String after = approver.web.follow(follow(coarsened)).body();
        assertThat(after)
                .contains("Shared by 4 published reports: with this one, at least 5.")
                .contains("January–March 1987")
                .contains("(coarsened for publication)")
                .contains("id=\"coarsen-incidentMonth-month\"")
                .doesNotContain("id=\"risk-warning\"")
                .doesNotContain("id=\"acknowledgeRisk\"");
        assertThat(audit.latest(10))
                .anySatisfy(e -> assertThat(e.actor() + " " + e.action() + " " + e.subject())
                        .isEqualTo(approver.email + " review.coarsened " + id + " incidentMonth quarter"))
                .noneSatisfy(e -> assertThat(e.subject()).contains("1987"));

        // A story that names the month would undo the quarter: refused until it is replaced or kept.
        HttpResponse<String> namesTheMonth = act(
                approver,
                id,
                "stage-2",
                List.of(
                        Map.entry("action", "publish"),
                        Map.entry("title", "A title"),
                        Map.entry("narrative", "In February 1987 we chased a car."),
                        Map.entry("lessons", "A lesson.")));
        assertThat(namesTheMonth.statusCode()).isEqualTo(409);
        assertThat(namesTheMonth.body())
                .contains("February 1987")
                .contains("names the month, which this report publishes only as its quarter");
        assertThat(publications.of(reportId(id))).isEmpty();

        follow(act(approver, id, "stage-2", publish));
        ReportPublished published = publications.of(reportId(id)).orElseThrow();
        assertThat(published.incidentMonth()).isEqualTo("1987-Q1");
        assertThat(published.answers())
                .containsEntry("incidentMonth", "1987-Q1")
                .containsEntry("timeOfDay", "00-04");
        assertThat(intake.codedOf(reportId(id)).orElseThrow().coded())
                .as("the reporter's answers stay as given")
                .containsEntry("incidentMonth", "1987-02");
        assertThat(audit.latest(10)).noneSatisfy(e -> assertThat(e.action()).isEqualTo("review.rare-published"));

        // Readers see the quarter where a report shows its month.
        String report = "/library/reports/" + published.publicId();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (reviewer.web.get(report).statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(reviewer.web.get(report).body())
                .contains(" · January–March 1987")
                .doesNotContain("1987-02")
                .doesNotContain("1987-Q1");
        assertThat(ApiClient.of(port, reviewer)
                        .get("/api/v1/library/reports/" + published.publicId())
                        .body())
                .as("the API gives the stored value")
                .contains("\"month\":\"1987-Q1\"")
                .contains("\"answer\":\"January–March 1987\"")
                .doesNotContain("\"period\"")
                .doesNotContain("1987-02");
    }

    /** Files and publishes a report directly, its answers coarsened as given, acknowledging any rarity. */
    private void publishedAs(Stories story, Map<String, String> coarsenings) {
        org.nearmiss.intake.ReportId report = ReportIds.idOf(jdbc, intake.file(1, story.asMap()));
        SignedIn stageOne = new SignedIn(AccountId.random(), "one@state.gov", "One", Role.REVIEWER);
        SignedIn stageTwo = new SignedIn(AccountId.random(), "two@state.gov", "Two", Role.APPROVER);
        review.saveStageOne(
                report, stageOne, null, "A pursuit", "[OFFICER 1] ran.", "Radio first.", List.of("UA-SKILL"), true);
        coarsenings.forEach((field, to) -> review.coarsen(report, stageTwo, null, field, to));
        review.publish(report, stageTwo, null, "A pursuit", "[OFFICER 1] ran.", "Radio first.", "", List.of(), true);
    }

    private void submitStageOne(String id) {
        HttpResponse<String> submitted = act(
                reviewer,
                id,
                "stage-1",
                List.of(
                        Map.entry("action", "submit"),
                        Map.entry("title", "A title"),
                        Map.entry("narrative", "A de-identified story."),
                        Map.entry("lessons", "A lesson."),
                        Map.entry("codes", "UA-SKILL")));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
    }

    /** Loads the report's page and posts one of its forms with the page's version and CSRF token. */
    private HttpResponse<String> act(Staff who, String id, String action, List<Map.Entry<String, String>> fields) {
        String page = who.web.get("/review/cases/" + id).body();
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(Map.entry("version", versionOf(page)));
        return who.web.post("/review/cases/" + id + "/" + action, all, WebSession.csrfOf(page));
    }

    private static HttpResponse<String> follow(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        return redirect;
    }

    private static String versionOf(String page) {
        Matcher m = VERSION.matcher(page);
        assertThat(m.find()).as("the page carries the version").isTrue();
        return m.group(1);
    }

    private static String draftNarrative(String page) {
        Matcher m = Pattern.compile("<textarea id=\"narrative\"[^>]*>([^<]*)</textarea>")
                .matcher(page);
        assertThat(m.find()).as("the draft story is on the page").isTrue();
        return m.group(1);
    }

    private String caseIdOf(ReportKey key) {
        return ReportIds.idOf(jdbc, key).toString();
    }

    private String stageOf(String id) {
        return jdbc.sql("select stage from review_case where report_id = ?")
                .param(UUID.fromString(id))
                .query(String.class)
                .single();
    }

    private Staff join(String email, Role role) {
        SignedIn admin = new SignedIn(AccountId.random(), "test-admin@state.gov", "Test admin", Role.ADMIN);
        return Staff.joins(port, accounts.invite(admin, email, role), email, "Staff " + role.label());
    }
}
