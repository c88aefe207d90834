package org.nearmiss.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.Role;
import org.nearmiss.testing.ApiClient;
import org.nearmiss.testing.HostileJson;
import org.nearmiss.testing.Outbox;
import org.nearmiss.testing.Staff;
import org.nearmiss.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The agencies' JSON endpoints answer hostile bodies with 4xx problem details only and store nothing
 * half-written; script in every text an agency or analyst writes is inert on every page showing it.
 */
@AgencyAppTest
class AgencyHostileInputTests {

    private static final String SCRIPT = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    private static final int CASES_PER_ENDPOINT = 60;

    @LocalServerPort
    int port;

    @Autowired
    Agencies agencies;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Value("${nearmiss.data-dir}")
    Path dataDir;

    @Test
    void hostileBodiesGetProblemDetailsAndLeaveNothingHalfWritten() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "fuzz-" + tag + "@city.gov";
        AgencyDashboardTests.enrol(agencies, "Fuzz PD " + tag, Agency.Kind.MUNICIPAL, Agency.SizeBand.UP_TO_50, email);
        ApiClient coordinator = ApiClient.of(port, Staff.joins(port, Outbox.joinToken(dataDir, email), email, "C"));
        ApiClient analyst = ApiClient.of(port, Staff.invitedAs(port, accounts, Role.ANALYST));
        String id = coordinator
                .send("POST", "/api/v1/agency/requests", "{\"title\":\"Fuzzed\",\"body\":\"A question\"}")
                .headers()
                .firstValue("Location")
                .map(l -> l.substring(l.lastIndexOf('/') + 1))
                .orElseThrow();
        Random random = new Random(8);
        List<String> failures = new ArrayList<>();
        for (Object[] endpoint : List.of(
                new Object[] {coordinator, "/api/v1/agency/requests"},
                new Object[] {coordinator, "/api/v1/agency/requests/" + id + "/messages"},
                new Object[] {analyst, "/api/v1/analysis/requests/" + id + "/messages"})) {
            for (int i = 0; i < CASES_PER_ENDPOINT; i++) {
                byte[] body = body(random);
                HttpResponse<String> response = ((ApiClient) endpoint[0]).send("POST", (String) endpoint[1], body);
                boolean problem = response.headers()
                        .firstValue("Content-Type")
                        .map(t -> t.contains("application/problem+json"))
                        .orElse(false);
                boolean fine = response.statusCode() < 300 || (response.statusCode() < 500 && problem);
                if (!fine || response.body().contains("Exception")) {
                    failures.add(endpoint[1] + " " + response.statusCode() + " for " + HostileJson.preview(body));
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(coordinator.get("/api/v1/agency/requests/" + id).statusCode())
                .isEqualTo(200);
        assertThat(jdbc.sql(
                                "select count(*) from analysis_request r where not exists"
                                        + " (select 1 from analysis_request_message m where m.request_id = r.id and m.position = 1)")
                        .query(Long.class)
                        .single())
                .as("every request has its question")
                .isZero();
    }

    @Test
    void scriptInAgencyAndRequestTextsIsInertOnEveryPage() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "xss-" + tag + "@city.gov";
        Agency asked = agencies.ask(new Agencies.Application(
                "XSS PD " + SCRIPT,
                "MUNICIPAL",
                "UP_TO_50",
                "OH",
                "Name " + SCRIPT,
                email,
                null,
                null,
                "Note " + SCRIPT));
        Staff admin = Staff.invitedAs(port, accounts, Role.ADMIN);
        String pending = admin.web.get("/admin/agencies").body();
        agencies.approve(AgencyDashboardTests.ADMIN, asked.id());
        Staff coordinator = Staff.joins(port, Outbox.joinToken(dataDir, email), email, "C " + SCRIPT);
        HttpResponse<String> request = coordinator.web.submit(
                "/agency/requests", "/agency/requests", Map.of("title", "Title " + SCRIPT, "body", "Body " + SCRIPT));
        String thread = request.headers().firstValue("Location").orElseThrow();
        Staff analyst = Staff.invitedAs(port, accounts, Role.ANALYST);
        String analystThread = thread.replace("/agency/", "/analysis/").replaceFirst("^https?://[^/]+", "");
        analyst.web.post(
                analystThread + "/messages",
                Map.of("body", "Answer " + SCRIPT),
                WebSession.csrfOf(analyst.web.get(analystThread).body()));

        String html = pending
                + admin.web.get("/admin/agencies").body()
                + admin.web.get("/admin/programme").body()
                + coordinator.web.get("/agency").body()
                + coordinator.web.get("/agency/requests").body()
                + coordinator
                        .web
                        .get(thread.replaceFirst("^https?://[^/]+", ""))
                        .body()
                + analyst.web.get("/analysis/requests").body()
                + analyst.web.get(analystThread).body();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
    }

    private static byte[] body(Random random) {
        String nasty = HostileJson.randomJson(random, 2);
        return switch (random.nextInt(5)) {
            case 0 -> HostileJson.randomBytes(random);
            case 1 -> HostileJson.randomJson(random, 0).getBytes(StandardCharsets.UTF_8);
            case 2 ->
                ("{\"title\":" + nasty + ",\"body\":" + HostileJson.randomJson(random, 2) + "}")
                        .getBytes(StandardCharsets.UTF_8);
            case 3 ->
                ("{\"body\":\"b\",\"format\":" + nasty + ",\"filter\":" + HostileJson.randomJson(random, 2) + "}")
                        .getBytes(StandardCharsets.UTF_8);
            default -> HostileJson.invalidUtf8(random, "{\"title\":\"");
        };
    }
}
