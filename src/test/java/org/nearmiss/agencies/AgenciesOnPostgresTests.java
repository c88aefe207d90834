package org.nearmiss.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Agencies on PostgreSQL, as production runs them: enrolment, codes and their rotation, reports that
 * count for an agency through review, the dashboard, an answered request with its file, the figures.
 */
@SpringBootTest(properties = "nearmiss.intake.status-floor=0ms")
@ContextConfiguration(initializers = {TempDataDir.class, PostgresDataSource.class})
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

        ProgrammeStatistics.Figures figures = programme.figures();
        assertThat(figures.withAgency()).isGreaterThanOrEqualTo(7);
        assertThat(figures.participation())
                .anySatisfy(p -> assertThat(p.agency().id()).isEqualTo(agency.id()));
    }
}
