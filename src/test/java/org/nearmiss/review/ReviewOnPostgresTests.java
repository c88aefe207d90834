package org.nearmiss.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.intake.Intake;
import org.nearmiss.intake.ReportId;
import org.nearmiss.intake.ReportKey;
import org.nearmiss.intake.ReportState;
import org.nearmiss.intake.Stories;
import org.nearmiss.testing.PostgresDataSource;
import org.nearmiss.testing.ReportIds;
import org.nearmiss.testing.TempDataDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** Every review step, publication order and shredding on PostgreSQL, as production runs them. */
@SpringBootTest(properties = {"nearmiss.intake.status-floor=0ms", "nearmiss.review.retention=P0D"})
@ContextConfiguration(initializers = {TempDataDir.class, PostgresDataSource.class})
class ReviewOnPostgresTests {

    @Autowired
    Review review;

    @Autowired
    Intake intake;

    @Autowired
    Publications publications;

    @Autowired
    JdbcClient jdbc;

    final SignedIn reviewer = person(Role.REVIEWER);
    final SignedIn approver = person(Role.APPROVER);

    @Test
    void aReportIsReviewedPublishedAndShreddedOnPostgres() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        ReportKey key = intake.file(
                1,
                Stories.aTypicalStory().with("narrative", ReviewFlowTests.STORY).asMap());
        ReportId id = ReportIds.idOf(jdbc, key);

        assertThat(review.queue())
                .anySatisfy(item -> assertThat(item.reviewCase().reportId()).isEqualTo(id));
        Review.Workspace first = review.open(id, reviewer);
        assertThat(first.draft().marks()).isNotEmpty();
        assertThat(first.draft().narrative()).doesNotContain("555-123-4567");

        review.decideMarks(
                id, reviewer, first.reviewCase().version(), Map.of(0, new Review.MarkDecision(false, null)), "");
        assertThatThrownBy(() ->
                        review.saveStageOne(id, reviewer, first.reviewCase().version(), "t", "n", "", List.of(), false))
                .isInstanceOfSatisfying(
                        ReviewRefused.class, r -> assertThat(r.reason()).isEqualTo(ReviewRefused.Reason.STALE));

        review.ask(id, reviewer, null, "Was it dark?");
        intake.reply(key.display(), "Yes.");
        review.saveStageOne(
                id, reviewer, null, "A title", "[OFFICER 1] saw it.", "Look.", List.of("UA-SKILL", "PC-SUBJECT"), true);
        ReportPublished published = review.publish(
                id, approver, null, "A title", "[OFFICER 1] saw it.", "Look.", "Hands.", List.of(), true);

        assertThat(publications.after(published.sequence() - 1, 10)).containsExactly(published);
        assertThat(published.codes()).containsExactly("UA-SKILL", "PC-SUBJECT");
        assertThat(intake.status(key.display()).state()).isEqualTo(ReportState.PUBLISHED);

        assertThat(review.shredDue()).isGreaterThanOrEqualTo(1);
        assertThat(intake.originalOf(id)).isEmpty();
        assertThat(review.open(id, approver).publication()).contains(published);
    }

    @Test
    void circumstancesAreCountedAndCoarsenedOnPostgres() {
        publishedAs(ReviewFlowTests.pursuit("1989-02"), false);
        publishedAs(ReviewFlowTests.pursuit("1989-02"), false);
        publishedAs(ReviewFlowTests.pursuit("1989-03"), true);
        publishedAs(ReviewFlowTests.pursuit("1990-02"), false);
        ReportId id = ReportIds.idOf(
                jdbc, intake.file(1, ReviewFlowTests.pursuit("1989-02").asMap()));
        review.saveStageOne(
                id, reviewer, null, "A pursuit", "[OFFICER 1] ran.", "Radio first.", List.of("UA-SKILL"), true);

        ReidentificationRisk.Assessment risk = review.risk(id, approver);
        assertThat(risk.shared()).as("February 1989 alone").isEqualTo(2);
        assertThat(risk.rare()).isTrue();
        assertThat(risk.options())
                .extracting(o -> o.to() + " " + o.shared())
                .containsExactly("quarter 3", "year 3", "not-stated 2");

        review.coarsen(id, approver, null, "incidentMonth", "quarter");
        assertThat(review.risk(id, approver).shared()).isEqualTo(3);
        assertThatThrownBy(
                        () -> review.publish(id, approver, null, "A pursuit", "[OFFICER 1] ran.", "Radio first.", ""))
                .isInstanceOfSatisfying(
                        RareCircumstances.class,
                        r -> assertThat(r.risk().shared()).isEqualTo(3));
        ReportPublished published = review.publish(
                id, approver, null, "A pursuit", "[OFFICER 1] ran.", "Radio first.", "", List.of(), true);
        assertThat(published.incidentMonth()).isEqualTo("1989-Q1");
        assertThat(jdbc.sql("select coded_answers from publication where seq = ?")
                        .param(published.sequence())
                        .query(String.class)
                        .single())
                .contains("\"incidentMonth\":\"1989-Q1\"")
                .doesNotContain("1989-02");
    }

    /** Files and publishes a report straight through both stages, its month coarsened to the quarter or not. */
    private void publishedAs(Stories story, boolean quarter) {
        ReportId id = ReportIds.idOf(jdbc, intake.file(1, story.asMap()));
        review.saveStageOne(
                id, reviewer, null, "A pursuit", "[OFFICER 1] ran.", "Radio first.", List.of("UA-SKILL"), true);
        if (quarter) {
            review.coarsen(id, approver, null, "incidentMonth", "quarter");
        }
        review.publish(id, approver, null, "A pursuit", "[OFFICER 1] ran.", "Radio first.", "", List.of(), true);
    }

    private static SignedIn person(Role role) {
        AccountId id = AccountId.random();
        return new SignedIn(id, role.name().toLowerCase() + "@state.gov", "Someone", role);
    }
}
