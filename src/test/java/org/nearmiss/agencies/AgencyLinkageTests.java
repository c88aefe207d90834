package org.nearmiss.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nearmiss.intake.Intake;
import org.nearmiss.intake.Stories;
import org.nearmiss.review.PublicationFollower;
import org.nearmiss.review.Review;
import org.nearmiss.testing.ApiClient;
import org.nearmiss.testing.Outbox;
import org.nearmiss.testing.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The attack of the outside security test, through everything a coordinator can fetch: the page, the
 * API, the PDF briefing and the CSV. Nothing on them may point at a single report of the library:
 * no words of a report, and no change on the day a report is published.
 */
@AgencyAppTest
class AgencyLinkageTests {

    @LocalServerPort
    int port;

    @Autowired
    Agencies agencies;

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
    ProgrammeStatistics programme;

    @Value("${nearmiss.data-dir}")
    Path dataDir;

    @Value("${nearmiss.agencies.min-cell:5}")
    int k;

    AgencyReports reports;

    @BeforeEach
    void fixtures() {
        reports = new AgencyReports(intake, review, jdbc, followers);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void noRunOfFiveWordsOfAnyPublishedReportReachesTheCoordinatorsPageApiPdfOrCsv() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "linkage-" + tag + "@city.gov";
        Agency agency = AgencyDashboardTests.enrol(
                agencies, "Linkage PD " + tag, Agency.Kind.STATE, Agency.SizeBand.UP_TO_1000, email);
        Staff coordinator = Staff.joins(port, Outbox.joinToken(dataDir, email), email, "Pat Coordinator");
        for (int i = 0; i < Linkage.TOLD.size(); i++) {
            reports.publish(
                    Stories.aTypicalStory().with("factors", i % 2 == 0 ? "fatigue" : "training"),
                    agency.code(),
                    Linkage.TOLD.get(i));
        }
        reports.catchUp();
        clock.moveToNextMonth(2);

        Outputs outputs = Outputs.of(port, coordinator, json);
        assertThat(outputs.counted())
                .as("the dashboard is open: there is something to attack")
                .isEqualTo(10);
        Linkage.assertNoRunOfReportWords(outputs.asMap(), Linkage.textsOfReports(jdbc, agency.id()));
    }

    @Test
    void theDashboardChangesOnlyAtTheMonthlyCutOffAndThenByExactlyK() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "cadence-" + tag + "@county.gov";
        Agency agency = AgencyDashboardTests.enrol(
                agencies, "Cadence SO " + tag, Agency.Kind.TRANSIT, Agency.SizeBand.UP_TO_1000, email);
        Staff coordinator = Staff.joins(port, Outbox.joinToken(dataDir, email), email, "Pat Coordinator");
        for (int i = 0; i < 2 * k; i++) {
            reports.publish(
                    Stories.aTypicalStory().with("factors", i % 2 == 0 ? "fatigue" : "training"),
                    agency.code(),
                    "Cadence lesson " + i);
        }
        reports.catchUp();
        clock.moveToNextMonth(2);
        Outputs before = Outputs.of(port, coordinator, json);
        assertThat(before.counted()).isEqualTo(2 * k);
        assertThat(programmeCount(agency)).as("the admins' programme figures").isEqualTo(2 * k);

        // k more are published: the day they appear in the library, nothing the coordinator sees moves.
        LocalDate published = clock.today();
        for (int i = 0; i < k; i++) {
            reports.publish(
                    Stories.aTypicalStory().with("factors", "communication"), agency.code(), "Cadence later " + i);
        }
        reports.catchUp();
        before.assertSameAs(Outputs.of(port, coordinator, json), "on the day they were published");
        assertThat(programmeCount(agency)).as("the admins' programme figures").isEqualTo(2 * k);
        LocalDate lastDay = published.withDayOfMonth(published.lengthOfMonth());
        clock.moveTo(lastDay.atTime(LocalTime.of(23, 30)));
        before.assertSameAs(Outputs.of(port, coordinator, json), "on the last day of the month");
        clock.moveTo(lastDay.plusDays(1).atTime(LocalTime.of(0, 30)));
        before.assertSameAs(Outputs.of(port, coordinator, json), "on the day of the cut-off");

        // From the next snapshot on, they are counted: k at once, never one by one.
        clock.moveTo(lastDay.plusDays(2));
        Outputs after = Outputs.of(port, coordinator, json);
        assertThat(after.counted() - before.counted()).isEqualTo(k);
        assertThat(programmeCount(agency)).as("the admins' programme figures").isEqualTo(3 * k);
        assertThat(after.html()).contains("<strong>" + 3 * k + "</strong>");
        assertThat(after.pdf()).contains("counted: " + 3 * k);
        assertThat(after.csv()).isNotEqualTo(before.csv());
    }

    /** The agency's reports in the programme's figures, which admins see. */
    private long programmeCount(Agency agency) {
        return programme.figures().participation().stream()
                .filter(p -> p.agency().id().equals(agency.id()))
                .findFirst()
                .orElseThrow()
                .published();
    }

    /** What the coordinator fetches: page, API, PDF and CSV, each as text. */
    record Outputs(String html, String json, String pdf, String csv, long counted) {

        static Outputs of(int port, Staff coordinator, JsonMapper mapper) {
            HttpResponse<String> page = coordinator.web.get("/agency");
            assertThat(page.statusCode()).isEqualTo(200);
            HttpResponse<String> api = ApiClient.of(port, coordinator).get("/api/v1/agency/dashboard");
            assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
            JsonNode dashboard = mapper.readTree(api.body());
            HttpResponse<byte[]> pdf = coordinator.web.getBytes("/agency/dashboard.pdf");
            assertThat(pdf.statusCode()).isEqualTo(200);
            HttpResponse<byte[]> csv = coordinator.web.getBytes("/agency/dashboard.csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            return new Outputs(
                    // The form's CSRF token is new on every page: it is not the dashboard.
                    Linkage.html(page.body()).replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\""),
                    Linkage.json(dashboard),
                    // Lines break where the page does: words are what is read.
                    Linkage.pdf(pdf.body()).replaceAll("\\s+", " "),
                    new String(csv.body(), StandardCharsets.UTF_8),
                    dashboard.path("counted").asLong());
        }

        Map<String, String> asMap() {
            Map<String, String> outputs = new LinkedHashMap<>();
            outputs.put("page", html);
            outputs.put("API", json);
            outputs.put("PDF", pdf);
            outputs.put("CSV", csv);
            return outputs;
        }

        void assertSameAs(Outputs later, String when) {
            assertThat(later.html()).as("the page " + when).isEqualTo(html);
            assertThat(later.json()).as("the API " + when).isEqualTo(json);
            assertThat(later.pdf()).as("the PDF " + when).isEqualTo(pdf);
            assertThat(later.csv()).as("the CSV " + when).isEqualTo(csv);
        }
    }
}
