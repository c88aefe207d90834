package org.nearmiss.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.analysis.Briefings;
import org.nearmiss.intake.Intake;
import org.nearmiss.intake.Stories;
import org.nearmiss.review.PublicationFollower;
import org.nearmiss.review.Review;
import org.nearmiss.testing.PostgresDataSource;
import org.nearmiss.testing.ReportIds;
import org.nearmiss.testing.TempDataDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agencies on PostgreSQL, as production runs them: enrolment, codes and their rotation, reports that
 * count for an agency through review, the dashboard and its monthly snapshot, an answered request
 * with its file, the figures.
 */
@SpringBootTest(properties = "nearmiss.intake.status-floor=0ms")
@ContextConfiguration(initializers = {TempDataDir.class, PostgresDataSource.class})
@Import(MovableClock.Config.class)
class AgenciesOnPostgresTests {

    @Autowired
    Agencies agencies;

    @Autowired
    AgencyDashboard dashboards;

    @Autowired
    AnalysisRequests requests;

    @Autowired
    ProgrammeStatistics programme;

    @Autowired
    Briefings briefings;

    @Autowired
    Intake intake;

    @Autowired
    Review review;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<PublicationFollower> followers;

    @Autowired
    JsonMapper json;

    @Autowired
    MovableClock clock;

    @Autowired
    AgenciesProperties properties;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anAgencyTakesPartFromEnrolmentToAnAnsweredRequestOnPostgres() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "pg-" + tag + "@city.gov";
        Agency agency = AgencyDashboardTests.enrol(
                agencies, "Postgres PD " + tag, Agency.Kind.MUNICIPAL, Agency.SizeBand.UP_TO_50, email);
        SignedIn coordinator = new SignedIn(AccountId.random(), email, "Coordinator", Role.COORDINATOR);
        assertThat(agencies.coordinatedBy(coordinator)).map(Agency::id).contains(agency.id());

        String code = agencies.rotateCode(coordinator, agency.id());
        assertThat(agencies.agencyOf(agency.code())).as("the replaced code").isEmpty();
        assertThat(agencies.agencyOf(code.toLowerCase(java.util.Locale.ROOT))).contains(agency.id());
        assertThat(intake.agencyOf(ReportIds.idOf(
                        jdbc, intake.file(1, Stories.aTypicalStory().asMap()))))
                .isEmpty();

        AgencyReports reports = new AgencyReports(intake, review, jdbc, followers);
        for (int i = 0; i < 7; i++) {
            reports.publish(
                    Stories.aTypicalStory().with("factors", i < 5 ? "fatigue" : "training"), code, "Lesson " + i);
        }
        reports.catchUp();
        assertThat(dashboards.of(agency).counted())
                .as("published this month: counted from the next snapshot")
                .isZero();
        clock.moveToNextMonth(2);
        AgencyDashboard.Dashboard dashboard = dashboards.of(agency);
        assertThat(dashboard.counted()).isEqualTo(5);

        AnalysisRequests.Request asked = requests.ask(coordinator, "Fatigue " + tag, "How often is fatigue named?");
        SignedIn analyst = new SignedIn(AccountId.random(), "analyst-" + tag + "@state.gov", "Analyst", Role.ANALYST);
        LinkedMultiValueMap<String, String> filter = new LinkedMultiValueMap<>();
        filter.add("factors", "fatigue");
        AnalysisRequests.Request answered =
                requests.reply(analyst, asked.id(), "See the table.", briefings.export("factors.csv", filter));
        assertThat(answered.status()).isEqualTo(AnalysisRequests.Status.ANSWERED);
        assertThat(requests.attachment(coordinator, asked.id(), 2))
                .hasValueSatisfying(
                        file -> assertThat(new String(file.content(), java.nio.charset.StandardCharsets.UTF_8))
                                .startsWith("factor,label,reports"));

        // The programme's figures count the agency's reports as its dashboard does.
        ProgrammeStatistics.Figures figures = programme.figures();
        assertThat(figures.withAgency()).isGreaterThanOrEqualTo(5);
        assertThat(figures.participation()).anySatisfy(p -> {
            assertThat(p.agency().id()).isEqualTo(agency.id());
            assertThat(p.published()).isEqualTo(5);
        });
    }

    @Test
    void theDashboardOnPostgresQuotesNoReportAndMovesOnlyAtTheMonthlyCutOffByK() {
        int k = properties.minCell();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Agency agency = AgencyDashboardTests.enrol(
                agencies,
                "Postgres SO " + tag,
                Agency.Kind.SHERIFF,
                Agency.SizeBand.OVER_1000,
                "pgs-" + tag + "@county.gov");
        AgencyReports reports = new AgencyReports(intake, review, jdbc, followers);
        for (int i = 0; i < Linkage.TOLD.size(); i++) {
            reports.publish(
                    Stories.aTypicalStory().with("factors", i % 2 == 0 ? "fatigue" : "training"),
                    agency.code(),
                    Linkage.TOLD.get(i));
        }
        reports.catchUp();
        clock.moveToNextMonth(2);
        AgencyDashboard.Dashboard before = dashboards.of(agency);
        assertThat(before.counted()).isEqualTo(Linkage.TOLD.size());
        Linkage.assertNoRunOfReportWords(outputs(before), Linkage.textsOfReports(jdbc, agency.id()));

        java.time.LocalDate published = clock.today();
        for (int i = 0; i < k; i++) {
            reports.publish(Stories.aTypicalStory().with("factors", "communication"), agency.code(), "Later " + i);
        }
        reports.catchUp();
        assertThat(outputs(dashboards.of(agency))).isEqualTo(outputs(before));
        clock.moveTo(published.withDayOfMonth(1).plusMonths(1).atTime(0, 30));
        assertThat(outputs(dashboards.of(agency)))
                .as("on the day of the cut-off")
                .isEqualTo(outputs(before));

        clock.moveTo(published.withDayOfMonth(2).plusMonths(1));
        AgencyDashboard.Dashboard after = dashboards.of(agency);
        assertThat(after.counted() - before.counted()).isEqualTo(k);
        Linkage.assertNoRunOfReportWords(outputs(after), Linkage.textsOfReports(jdbc, agency.id()));
    }

    /** The dashboard as the API, the PDF and the CSV give it, as text. */
    private Map<String, String> outputs(AgencyDashboard.Dashboard dashboard) {
        return Map.of(
                "API", Linkage.json(json.readTree(json.writeValueAsString(dashboard))),
                "PDF", Linkage.pdf(dashboards.briefing(dashboard)).replaceAll("\\s+", " "),
                "CSV", dashboards.table(dashboard));
    }
}
