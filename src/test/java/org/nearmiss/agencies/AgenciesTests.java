package org.nearmiss.agencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.intake.Intake;
import org.nearmiss.intake.ReportId;
import org.nearmiss.intake.Stories;
import org.nearmiss.testing.Http;
import org.nearmiss.testing.Outbox;
import org.nearmiss.testing.ReportIds;
import org.nearmiss.testing.Staff;
import org.nearmiss.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agency asks to take part, an admin approves it, its coordinator joins by the mailed link and
 * hands out the code; reports filed with the code count for the agency, a wrong or replaced code is
 * taken with a notice, and a replaced code stops counting at once.
 */
@AgencyAppTest
class AgenciesTests {

    private static final Pattern CODE = Pattern.compile("id=\"agency-code\">([A-Z0-9-]+)<");

    @LocalServerPort
    int port;

    @Autowired
    Agencies agencies;

    @Autowired
    Accounts accounts;

    @Autowired
    Intake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Value("${nearmiss.data-dir}")
    Path dataDir;

    @Test
    void anAgencyAsksIsApprovedAndItsCoordinatorJoinsAndHandsOutItsCode() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Riverside Police Department " + tag;
        String email = "lt.coord-" + tag + "@riverside.gov";
        WebSession visitor = new WebSession(port);
        long before = count();

        HttpResponse<String> refused = visitor.submit(
                "/agencies/join",
                "/agencies/join",
                Map.of(
                        "name",
                        "",
                        "kind",
                        "NOT-A-KIND",
                        "sizeBand",
                        "UP_TO_200",
                        "state",
                        "ZZ",
                        "coordinatorName",
                        "Lt. Coord",
                        "coordinatorEmail",
                        "not-an-address"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"name-error\"")
                .contains("id=\"kind-error\"")
                .contains("id=\"state-error\"")
                .contains("id=\"coordinatorEmail-error\"")
                .contains("value=\"Lt. Coord\"");
        assertThat(count()).as("nothing stored").isEqualTo(before);

        HttpResponse<String> asked = visitor.submit(
                "/agencies/join",
                "/agencies/join",
                Map.of(
                        "name",
                        name,
                        "kind",
                        "MUNICIPAL",
                        "sizeBand",
                        "UP_TO_200",
                        "state",
                        "OH",
                        "coordinatorName",
                        "Lt. Coord",
                        "coordinatorEmail",
                        email,
                        "note",
                        "We have 140 sworn."));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("id=\"asked\"");

        Staff admin = Staff.invitedAs(port, accounts, Role.ADMIN);
        assertThat(admin.web.get("/admin/agencies").body()).contains(name).contains("We have 140 sworn.");
        Agency pending = agencies.all().stream()
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(pending.status()).isEqualTo(Agency.Status.PENDING);
        assertThat(pending.code()).isNull();

        HttpResponse<String> approved = admin.web.post(
                "/admin/agencies/" + pending.id() + "/approve",
                Map.of(),
                WebSession.csrfOf(admin.web.get("/admin/agencies").body()));
        assertThat(approved.statusCode()).isEqualTo(302);
        String code = agencies.find(pending.id()).orElseThrow().code();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(admin.web.follow(approved).body()).contains("Its code is " + code);

        // The coordinator's invitation came by mail; the account it makes sees the agency's page.
        Staff coordinator = Staff.joins(port, Outbox.joinToken(dataDir, email), email, "Lt. Coord");
        String page = coordinator.web.get("/agency").body();
        assertThat(page).contains(name);
        assertThat(codeOn(page)).isEqualTo(code);

        // A report filed with the code, in any case and with blanks, counts for the agency; the typed code is not kept.
        ReportId counted = file(" " + code.toLowerCase(java.util.Locale.ROOT) + " ");
        assertThat(agencyOf(counted)).isEqualTo(pending.id());
        assertThat(intake.originalOf(counted).orElseThrow().freeText()).doesNotContainKey("agencyCode");

        // Replacing the code: the old one stops counting at once and gets a notice, the new one counts.
        HttpResponse<String> rotated = coordinator.web.post("/agency/code", Map.of(), WebSession.csrfOf(page));
        String newCode = codeOn(coordinator.web.follow(rotated).body());
        assertThat(newCode).isNotEqualTo(code);
        HttpResponse<String> old = new Http(port)
                .postJson(
                        "/api/v1/reports",
                        Stories.aTypicalStory().with("agencyCode", code).asJson(1));
        assertThat(old.statusCode()).isEqualTo(201);
        JsonNode notice = json.readTree(old.body()).path("notices").path(0);
        assertThat(notice.path("field").asString()).isEqualTo("agencyCode");
        assertThat(notice.path("message").asString()).contains("not one in use").contains("received");
        assertThat(agencyOf(file(newCode))).isEqualTo(pending.id());

        // Another agency's coordinator cannot replace this agency's code.
        Agency other = AgencyDashboardTests.enrol(
                agencies,
                "Other " + tag,
                Agency.Kind.SHERIFF,
                Agency.SizeBand.UP_TO_50,
                "other-" + tag + "@county.gov");
        SignedIn otherCoordinator = new SignedIn(
                org.nearmiss.accounts.AccountId.random(), "other-" + tag + "@county.gov", "Other", Role.COORDINATOR);
        assertThat(agencies.coordinatedBy(otherCoordinator)).map(Agency::id).contains(other.id());
        assertThatThrownBy(() -> agencies.rotateCode(otherCoordinator, pending.id()))
                .isInstanceOf(AgencyProblem.class);
        assertThat(agencies.find(pending.id()).orElseThrow().code()).isEqualTo(newCode);

        // A coordinator who leaves is taken off the agency by an admin and sees nothing of it at once.
        HttpResponse<String> removed = admin.web.post(
                "/admin/agencies/" + pending.id() + "/coordinators/remove",
                Map.of("coordinatorEmail", email),
                WebSession.csrfOf(admin.web.get("/admin/agencies").body()));
        assertThat(admin.web.follow(removed).body()).contains(email + " no longer coordinates the agency.");
        assertThat(coordinator.web.get("/agency").body())
                .contains("No participating agency")
                .doesNotContain(newCode);
        assertThat(coordinator.web.get("/agency/requests").body()).doesNotContain(name);
    }

    @Test
    void aWrongCodeOnTheFormIsExplainedAndTheReportIsReceivedAllTheSame() {
        WebSession officer = new WebSession(port);
        List<Map.Entry<String, String>> form = new java.util.ArrayList<>();
        Stories.aTypicalStory()
                .with("agencyCode", "NOPE-2222")
                .asMap()
                .forEach((id, values) -> values.forEach(v -> form.add(Map.entry(id, v))));
        form.add(Map.entry("questionnaireVersion", "1"));
        HttpResponse<String> filed = officer.post("/share", form, null);
        assertThat(filed.statusCode()).isEqualTo(200);
        assertThat(filed.body())
                .contains("id=\"report-key\"")
                .contains("id=\"notice-agencyCode\"")
                .contains("not one in use");
        Matcher key = Pattern.compile("id=\"report-key\">([^<]+)<").matcher(filed.body());
        assertThat(key.find()).isTrue();
        ReportId id = ReportIds.idOf(
                jdbc, org.nearmiss.intake.ReportKey.parse(key.group(1)).orElseThrow());
        assertThat(intake.agencyOf(id)).as("counts for no agency").isEmpty();
        assertThat(intake.originalOf(id).orElseThrow().coded()).containsKey("activity");
    }

    @Test
    void aDecisionIsMadeOnceAndADeclineNeedsAReason() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Agency asked = agencies.ask(new Agencies.Application(
                "Declined PD " + tag,
                "MUNICIPAL",
                "UP_TO_10",
                "TX",
                "Sam",
                "sam-" + tag + "@pd.gov",
                null,
                null,
                null));
        assertThatThrownBy(() -> agencies.decline(AgencyDashboardTests.ADMIN, asked.id(), " "))
                .isInstanceOf(AgencyProblem.class)
                .hasMessageContaining("Say why");
        agencies.decline(AgencyDashboardTests.ADMIN, asked.id(), "Not a law-enforcement agency.");
        assertThat(agencies.find(asked.id()).orElseThrow().status()).isEqualTo(Agency.Status.DECLINED);
        assertThatThrownBy(() -> agencies.approve(AgencyDashboardTests.ADMIN, asked.id()))
                .isInstanceOf(AgencyProblem.class)
                .hasMessageContaining("decided already");
        assertThat(agencies.agencyOf("anything")).isEmpty();
    }

    @Test
    void readersACoordinatorBringsInCountForTheAgencyInTheProgrammeFigures() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "readers-" + tag + "@city.gov";
        Agency agency = AgencyDashboardTests.enrol(
                agencies, "Readers PD " + tag, Agency.Kind.MUNICIPAL, Agency.SizeBand.UP_TO_50, email);
        Staff coordinator = Staff.joins(port, Outbox.joinToken(dataDir, email), email, "Coord");
        HttpResponse<String> codes =
                coordinator.web.submit("/agency/readers", "/agency/enrolment-codes", Map.of("count", "3"));
        assertThat(codes.statusCode()).isEqualTo(200);
        assertThat(codes.body()).contains("id=\"enrolment-codes\"");

        Staff admin = Staff.invitedAs(port, accounts, Role.ADMIN);
        String programme = admin.web.get("/admin/programme").body();
        assertThat(programme).contains("id=\"by-stage\"").contains("Readers PD " + tag);
        Matcher row = Pattern.compile(
                        Pattern.quote("Readers PD " + tag) + "</th>\\s*<td>OH</td>\\s*<td>0</td>\\s*<td>3</td>")
                .matcher(programme);
        assertThat(row.find()).as(programme).isTrue();
        assertThat(agency.status()).isEqualTo(Agency.Status.ACTIVE);
    }

    private ReportId file(String code) {
        return ReportIds.idOf(
                jdbc,
                intake.file(1, Stories.aTypicalStory().with("agencyCode", code).asMap()));
    }

    private UUID agencyOf(ReportId id) {
        return intake.agencyOf(id).orElse(null);
    }

    private long count() {
        return jdbc.sql("select count(*) from agency").query(Long.class).single();
    }

    private static String codeOn(String page) {
        Matcher m = CODE.matcher(page);
        assertThat(m.find()).as(page).isTrue();
        return m.group(1);
    }
}
