package org.nearmiss.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
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
 * An agency's dashboard counts its own published reports only, hides every count below k and every
 * count that subtraction from a total would give away, moves only in steps of k and only at a monthly
 * cut-off (the tests move the clock on to the next), and compares the agency with the nation and with
 * agencies like it.
 */
@AgencyAppTest
class AgencyDashboardTests {

    static final SignedIn ADMIN = new SignedIn(AccountId.random(), "admin@state.gov", "Admin", Role.ADMIN);

    @LocalServerPort
    int port;

    @Autowired
    Agencies agencies;

    @Autowired
    AgencyDashboard dashboards;

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

    @Value("${nearmiss.data-dir}")
    Path dataDir;

    AgencyReports reports;

    @BeforeEach
    void fixtures() {
        reports = new AgencyReports(intake, review, jdbc, followers);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static Agency enrol(Agencies agencies, String name, Agency.Kind kind, Agency.SizeBand size, String coordinator) {
        Agency asked = agencies.ask(new Agencies.Application(
                name, kind.name(), size.name(), "OH", "Pat Coordinator", coordinator, null, null, null));
        return agencies.approve(ADMIN, asked.id()).agency();
    }

    private static Stories story(String timeOfDay, String... factors) {
        return Stories.aTypicalStory().with("timeOfDay", timeOfDay).with("factors", factors);
    }

    @Test
    void countsOnlyItsOwnReportsInStepsOfKAndHidesWhatSubtractionWouldGiveAway() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Agency agency = enrol(
                agencies,
                "Dashboard PD " + tag,
                Agency.Kind.MUNICIPAL,
                Agency.SizeBand.UP_TO_200,
                "coord-" + tag + "@city.gov");
        Agency other = enrol(
                agencies,
                "Other SO " + tag,
                Agency.Kind.SHERIFF,
                Agency.SizeBand.UP_TO_50,
                "other-" + tag + "@county.gov");

        // Ten counted: five name fatigue and a concealed weapon, four a concealed weapon only, one
        // communication. Half were between 20 and 24 h, half between 0 and 4 h.
        for (int i = 0; i < 5; i++) {
            reports.publish(story("20-24", "concealed-weapon", "fatigue"), agency.code(), "Lesson " + tag + " A" + i);
        }
        for (int i = 0; i < 4; i++) {
            reports.publish(story("00-04", "concealed-weapon"), agency.code(), "Lesson " + tag + " B" + i);
        }
        reports.publish(story("00-04", "communication"), agency.code(), "Lesson " + tag + " C");
        // The other agency's reports never count for this one.
        for (int i = 0; i < 6; i++) {
            reports.publish(story("12-16", "fatigue"), other.code(), "Other lesson " + tag);
        }
        reports.catchUp();
        assertThat(dashboards.of(agency).counted())
                .as("published this month: counted from the next snapshot")
                .isZero();
        clock.moveToNextMonth(2);

        AgencyDashboard.Dashboard d = dashboards.of(agency);
        assertThat(d.open()).isTrue();
        assertThat(d.counted()).isEqualTo(10);
        assertThat(row(d, "fatigue").agency().count()).as("5 with, 5 without").isEqualTo(5);
        assertThat(row(d, "fatigue").agency().share()).isEqualTo(0.5);
        assertThat(row(d, "concealed-weapon").agency().hidden())
                .as("9 of 10 would tell that one report lacked it")
                .isTrue();
        assertThat(row(d, "communication").agency().hidden()).as("1 report").isTrue();
        assertThat(row(d, "communication").comparison()).isNull();

        // Every report was a traffic stop: shown, it would say what any one officer's report was about.
        assertThat(answers(d, "activity"))
                .allSatisfy(a -> assertThat(a.agency().hidden()).isTrue());
        // Two times of day with five each, zeros elsewhere: one five goes with the zeros, so neither
        // the hidden five nor the zeros can be worked out.
        List<AgencyDashboard.AnswerRow> times = answers(d, "timeOfDay");
        assertThat(times.stream().filter(a -> !a.agency().hidden())).hasSize(1);
        assertEveryPartitionHoldsAgainstSubtraction(d);

        assertThat(d.peerReports()).as("no agency like it takes part").isNull();

        // Two more published: still ten counted in the next snapshot, and the dashboard does not change at all.
        reports.publish(story("00-04", "communication"), agency.code(), "Lesson " + tag + " D");
        reports.publish(story("00-04", "communication"), agency.code(), "Lesson " + tag + " E");
        reports.catchUp();
        clock.moveToNextMonth(2);
        AgencyDashboard.Dashboard later = dashboards.of(agency);
        assertThat(later.counted()).isEqualTo(10);
        assertThat(agencyFigures(later)).isEqualTo(agencyFigures(d));

        // Three more make fifteen, counted at once in the snapshot after them.
        for (int i = 0; i < 3; i++) {
            reports.publish(story("00-04", "communication"), agency.code(), "Lesson " + tag + " F" + i);
        }
        reports.catchUp();
        clock.moveToNextMonth(2);
        AgencyDashboard.Dashboard fifteen = dashboards.of(agency);
        assertThat(fifteen.counted()).isEqualTo(15);
        assertThat(row(fifteen, "communication").agency().count()).isEqualTo(6);
        assertEveryPartitionHoldsAgainstSubtraction(fifteen);
    }

    @Test
    void aDashboardStaysClosedBelowKAndComparesWithAgenciesLikeItOnceThreeTakePart() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Agency small = enrol(
                agencies,
                "Small PD " + tag,
                Agency.Kind.TRIBAL,
                Agency.SizeBand.UP_TO_10,
                "small-" + tag + "@tribe.gov");
        for (int i = 0; i < 4; i++) {
            reports.publish(story("08-12", "fatigue"), small.code(), "Small lesson " + tag);
        }
        reports.catchUp();
        clock.moveToNextMonth(2);
        AgencyDashboard.Dashboard closed = dashboards.of(small);
        assertThat(closed.open()).isFalse();
        assertThat(closed.factors()).isEmpty();

        List<Agency> peers = List.of(
                enrol(
                        agencies,
                        "Peer A " + tag,
                        Agency.Kind.TRIBAL,
                        Agency.SizeBand.UP_TO_10,
                        "pa-" + tag + "@tribe.gov"),
                enrol(
                        agencies,
                        "Peer B " + tag,
                        Agency.Kind.TRIBAL,
                        Agency.SizeBand.UP_TO_10,
                        "pb-" + tag + "@tribe.gov"));
        reports.publish(story("08-12", "fatigue"), small.code(), "Small lesson " + tag);
        for (Agency peer : peers) {
            for (int i = 0; i < 5; i++) {
                reports.publish(story("08-12", "fatigue", "training"), peer.code(), "Peer lesson " + tag);
            }
        }
        reports.catchUp();
        clock.moveToNextMonth(2);
        AgencyDashboard.Dashboard two = dashboards.of(small);
        assertThat(two.open()).isTrue();
        assertThat(two.peerReports())
                .as("two agencies alike are too few to pool")
                .isNull();
        assertThat(two.factors()).allSatisfy(f -> assertThat(f.peers()).isNull());

        Agency third = enrol(
                agencies, "Peer C " + tag, Agency.Kind.TRIBAL, Agency.SizeBand.UP_TO_10, "pc-" + tag + "@tribe.gov");
        for (int i = 0; i < 5; i++) {
            reports.publish(story("08-12", "fatigue"), third.code(), "Peer lesson " + tag);
        }
        reports.catchUp();
        clock.moveToNextMonth(2);
        AgencyDashboard.Dashboard three = dashboards.of(small);
        assertThat(three.peerReports()).isEqualTo(15);
        assertThat(row(three, "training").peers())
                .as("10 of 15")
                .isCloseTo(10.0 / 15, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(row(three, "fatigue").peers())
                .as("15 of 15 would say every peer report named it")
                .isNull();
    }

    @Test
    void theCoordinatorReadsTheDashboardOnItsPageAndThroughTheApiWithHiddenCountsAsNull() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "page-" + tag + "@city.gov";
        Agency agency = enrol(agencies, "Page PD " + tag, Agency.Kind.CAMPUS, Agency.SizeBand.UP_TO_50, email);
        Staff coordinator = Staff.joins(port, Outbox.joinToken(dataDir, email), email, "Pat Coordinator");

        String before = coordinator.web.get("/agency").body();
        assertThat(before).contains("Page PD " + tag).contains(agency.code()).contains("Not enough reports yet");

        for (int i = 0; i < 5; i++) {
            reports.publish(
                    story("16-20", "fatigue", i < 3 ? "training" : "tactics"), agency.code(), "Page lesson " + i);
        }
        reports.catchUp();
        clock.moveToNextMonth(2);
        String page = coordinator.web.get("/agency").body();
        assertThat(page)
                .contains("id=\"agency-factors\"")
                .contains("id=\"lessons-elsewhere\"")
                .doesNotContain("Page lesson")
                .doesNotContain("Not enough reports yet");

        // The same figures to take away: a CSV with hidden ones marked, and a PDF briefing.
        String csv = coordinator.web.get("/agency/dashboard.csv").body();
        // At five reports no factor can show: it would be named by all five, or by fewer than five.
        assertThat(csv)
                .startsWith("section,item,agency_reports")
                .contains("factor,Fatigue,·,·,")
                .contains("factor,\"Training gap\",·,·,")
                .doesNotContain(",3,")
                .doesNotContain(",5,100%");
        HttpResponse<byte[]> pdf = coordinator.web.getBytes("/agency/dashboard.pdf");
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");

        HttpResponse<String> api = ApiClient.of(port, coordinator).get("/api/v1/agency/dashboard");
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(api.body());
        assertThat(body.path("counted").asLong()).isEqualTo(5);
        JsonNode training = null;
        for (JsonNode f : body.path("factors")) {
            if (f.path("factor").path("value").asString().equals("training")) {
                training = f;
            }
        }
        assertThat(training).isNotNull();
        assertThat(training.path("agency").path("count").isNull())
                .as("3 of 5 is hidden, as null")
                .isTrue();
        assertThat(api.body()).doesNotContain("\"count\":3");
        // Nor the agency's exact number of publications: less what is counted, it would be a count below k.
        assertThat(body.has("published")).isFalse();
        // Nor any report's words: each would find its report in the library.
        assertThat(body.has("lessons")).isFalse();
        assertThat(api.body()).doesNotContain("Page lesson");
    }

    /**
     * What an attacker knows is the counted total and every shown count; in each set of counts that
     * adds up to it, the hidden ones must be two or more and add up to at least k.
     */
    private static void assertEveryPartitionHoldsAgainstSubtraction(AgencyDashboard.Dashboard d) {
        for (AgencyDashboard.Circumstance c : d.circumstances()) {
            assertPartition(
                    c.question(),
                    d.counted(),
                    c.answers().stream().map(AgencyDashboard.AnswerRow::agency).toList(),
                    d.k());
        }
        assertPartition("years", d.counted(), d.reportsByYear(), d.k());
        for (AgencyDashboard.FactorRow f : d.factors()) {
            if (f.agency().hidden()) {
                assertThat(f.byYear()).allSatisfy(c -> assertThat(c.hidden()).isTrue());
            } else {
                assertThat(f.agency().count()).isBetween((long) d.k(), d.counted() - d.k());
                assertPartition(f.factor().value() + " by year", f.agency().count(), f.byYear(), d.k());
            }
        }
    }

    private static void assertPartition(String what, long total, List<AgencyDashboard.Count> cells, int k) {
        long shown = cells.stream()
                .filter(c -> !c.hidden())
                .mapToLong(AgencyDashboard.Count::count)
                .sum();
        long hidden = cells.stream().filter(AgencyDashboard.Count::hidden).count();
        cells.stream()
                .filter(c -> !c.hidden())
                .forEach(c -> assertThat(c.count()).as(what).isGreaterThanOrEqualTo(k));
        if (hidden > 0 && hidden < cells.size()) {
            assertThat(hidden).as(what + ": hidden cells").isGreaterThanOrEqualTo(2);
            assertThat(total - shown).as(what + ": what subtraction yields").isGreaterThanOrEqualTo(k);
        }
    }

    /**
     * The agency's own figures (the national ones move with publications anywhere), factors in the
     * order of their values: the dashboard lists hidden ones by their national share.
     */
    private static List<Object> agencyFigures(AgencyDashboard.Dashboard d) {
        List<Object> figures = new java.util.ArrayList<>();
        d.factors().stream()
                .sorted(java.util.Comparator.comparing(f -> f.factor().value()))
                .forEach(f -> figures.add(List.of(f.factor(), f.agency(), f.byYear())));
        d.circumstances().forEach(c -> c.answers().forEach(a -> figures.add(List.of(a.value(), a.agency()))));
        figures.add(d.reportsByYear());
        return figures;
    }

    private static AgencyDashboard.FactorRow row(AgencyDashboard.Dashboard d, String factor) {
        return d.factors().stream()
                .filter(f -> f.factor().value().equals(factor))
                .findFirst()
                .orElseThrow();
    }

    private static List<AgencyDashboard.AnswerRow> answers(AgencyDashboard.Dashboard d, String question) {
        return d.circumstances().stream()
                .filter(c -> Objects.equals(c.question(), question))
                .findFirst()
                .orElseThrow()
                .answers();
    }
}
