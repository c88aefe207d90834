package org.nearmiss.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.Role;
import org.nearmiss.testing.ApiClient;
import org.nearmiss.testing.Outbox;
import org.nearmiss.testing.Staff;
import org.nearmiss.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A coordinator asks a question, an analyst answers with an analysis report, both follow the thread
 * and its status; nobody from another agency sees it.
 */
@AgencyAppTest
class AnalysisRequestsTests {

    @LocalServerPort
    int port;

    @Autowired
    Agencies agencies;

    @Autowired
    Accounts accounts;

    @Autowired
    JsonMapper json;

    @Value("${nearmiss.data-dir}")
    Path dataDir;

    @Test
    void aQuestionIsAnsweredWithAnAnalysisReportAndTheThreadKeepsItsStatus() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Staff coordinator = coordinatorOf("Thread PD " + tag, "thread-" + tag + "@city.gov");
        Staff outsider = coordinatorOf("Outsider SO " + tag, "outsider-" + tag + "@county.gov");
        Staff analyst = Staff.invitedAs(port, accounts, Role.ANALYST);

        HttpResponse<String> refused = coordinator.web.submit(
                "/agency/requests", "/agency/requests", Map.of("title", "", "body", "Foot pursuits?"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"title-error\"").contains("Foot pursuits?");

        HttpResponse<String> asked = coordinator.web.submit(
                "/agency/requests",
                "/agency/requests",
                Map.of(
                        "title",
                        "Foot pursuits at night " + tag,
                        "body",
                        "Foot pursuits at night, last two years: what goes wrong?"));
        assertThat(asked.statusCode()).isEqualTo(302);
        String thread =
                URI.create(asked.headers().firstValue("Location").orElseThrow()).getPath();
        String id = thread.substring(thread.lastIndexOf('/') + 1);
        assertThat(coordinator.web.get(thread).body()).contains("Waiting for an analyst");

        // The analyst finds it among the open requests and answers with a report for a filter.
        assertThat(analyst.web.get("/analysis/requests").body())
                .contains("Foot pursuits at night " + tag)
                .contains("Thread PD " + tag);
        String analystThread = "/analysis/requests/" + id;
        String page = analyst.web.get(analystThread).body();
        HttpResponse<String> badFilter = analyst.web.post(
                analystThread + "/messages",
                Map.of("body", "Here it is.", "format", "report.pdf", "activity", "not-an-activity"),
                WebSession.csrfOf(page));
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(badFilter.body())
                .contains("Choose one of the listed values.")
                .contains("Here it is.");
        assertThat(analyst.web.get(analystThread).body()).doesNotContain("Download");

        HttpResponse<String> answered = analyst.web.post(
                analystThread + "/messages",
                Map.of(
                        "body",
                        "Nationally, foot pursuits at night most often name communication.",
                        "format",
                        "report.pdf",
                        "activity",
                        "foot-pursuit",
                        "timeOfDay",
                        "20-24"),
                WebSession.csrfOf(page));
        assertThat(answered.statusCode()).isEqualTo(302);
        String coordinatorView = coordinator.web.get(thread).body();
        assertThat(coordinatorView)
                .contains("Answered")
                .contains("most often name communication")
                .contains("Download nearmiss-analysis.pdf");
        assertThat(Outbox.to(dataDir, coordinator.email))
                .anySatisfy(mail -> assertThat(mail)
                        .contains("Your analysis request was answered")
                        .contains("/agency/requests/" + id));

        HttpResponse<byte[]> pdf = coordinator.web.getBytes(thread + "/attachments/2");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");

        // Another agency's coordinator sees neither the thread nor its file.
        assertThat(outsider.web.get(thread).statusCode()).isEqualTo(404);
        assertThat(outsider.web.getBytes(thread + "/attachments/2").statusCode())
                .isEqualTo(404);
        assertThat(outsider.web.get("/agency/requests").body()).doesNotContain("Foot pursuits at night " + tag);

        // The coordinator's reply opens it again; closing ends it, and a closed request takes no more.
        coordinator.web.post(
                thread + "/messages",
                Map.of("body", "Thanks. Can we see it by lighting?"),
                WebSession.csrfOf(coordinatorView));
        assertThat(analyst.web.get(analystThread).body())
                .contains("Waiting for an analyst")
                .contains("by lighting?");
        coordinator.web.post(thread + "/close", Map.of(), WebSession.csrfOf(coordinatorView));
        assertThat(coordinator.web.get(thread).body()).contains("Closed").doesNotContain("id=\"reply-heading\"");
        HttpResponse<String> late = coordinator.web.post(
                thread + "/messages", Map.of("body", "One more thing"), WebSession.csrfOf(coordinatorView));
        assertThat(late.statusCode()).isEqualTo(400);
    }

    @Test
    void theApiAsksAndAnswersWithATableAndRefusesWhatDoesNotFit() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Staff coordinator = coordinatorOf("Api PD " + tag, "api-" + tag + "@city.gov");
        ApiClient coordinatorApi = ApiClient.of(port, coordinator);
        ApiClient analystApi = ApiClient.of(port, Staff.invitedAs(port, accounts, Role.ANALYST));

        HttpResponse<String> bad =
                coordinatorApi.send("POST", "/api/v1/agency/requests", body(Map.of("title", "", "body", "")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(json.readTree(bad.body()).path("errors")).hasSize(2);

        HttpResponse<String> created = coordinatorApi.send(
                "POST",
                "/api/v1/agency/requests",
                body(Map.of("title", "Vehicle stops " + tag, "body", "Which factors rise?")));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json.readTree(created.body()).path("id").asString();

        HttpResponse<String> answered = analystApi.send(
                "POST",
                "/api/v1/analysis/requests/" + id + "/messages",
                body(Map.of(
                        "body",
                        "The factors table for traffic stops.",
                        "format",
                        "factors.csv",
                        "filter",
                        Map.of("activity", "traffic-stop"))));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        JsonNode request = json.readTree(answered.body());
        assertThat(request.path("status").asString()).isEqualTo("ANSWERED");
        assertThat(request.path("messages").path(1).path("attachmentName").asString())
                .isEqualTo("nearmiss-factors.csv");

        HttpResponse<String> csv = coordinatorApi.get("/api/v1/agency/requests/" + id + "/attachments/2");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("factor,label,reports");

        HttpResponse<String> coordinatorAttaching = coordinatorApi.send(
                "POST",
                "/api/v1/agency/requests/" + id + "/messages",
                body(Map.of("body", "Mine", "format", "report.pdf")));
        assertThat(coordinatorAttaching.statusCode()).isEqualTo(400);
        assertThat(coordinatorApi
                        .get("/api/v1/agency/requests/" + UUID.randomUUID())
                        .statusCode())
                .isEqualTo(404);
        assertThat(coordinatorApi.get("/api/v1/agency/requests").body()).contains("Vehicle stops " + tag);
    }

    private Staff coordinatorOf(String name, String email) {
        AgencyDashboardTests.enrol(agencies, name, Agency.Kind.MUNICIPAL, Agency.SizeBand.UP_TO_200, email);
        return Staff.joins(port, Outbox.joinToken(dataDir, email), email, "Coordinator");
    }

    private String body(Object value) {
        return json.writeValueAsString(value);
    }
}
