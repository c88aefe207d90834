package org.nearmiss.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.intake.Intake;
import org.nearmiss.intake.ReportKey;
import org.nearmiss.intake.Stories;
import org.nearmiss.testing.ApiClient;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.HostileJson;
import org.nearmiss.testing.ReportIds;
import org.nearmiss.testing.Staff;
import org.nearmiss.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile input against review: fuzzed bodies on every review JSON endpoint get only success or 4xx
 * problem details and leave every case whole; script in every text a reporter or reviewer can write
 * stays inert on the review pages.
 */
@AppTest
class ReviewHostileInputTests {

    static final int CASES_PER_ENDPOINT = 120;
    static final String SCRIPT = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Intake intake;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fuzzedBodiesGetOnlyProblemDetailsAndLeaveEveryCaseWhole() {
        long seed = Long.getLong("nearmiss.fuzz.seed", 20261122L);
        System.out.println("ReviewHostileInputTests seed: " + seed);
        Random random = new Random(seed);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String reviewer = tokenOf(join("rev-fz-" + tag + "@state.gov", Role.REVIEWER));
        String approver = tokenOf(join("app-fz-" + tag + "@state.gov", Role.APPROVER));
        List<String> failures = new ArrayList<>();

        for (String[] endpoint : List.of(
                new String[] {"PUT", "/draft", "reviewer"},
                new String[] {"PUT", "/marks", "reviewer"},
                new String[] {"POST", "/questions", "reviewer"},
                new String[] {"POST", "/decision", "approver"},
                new String[] {"POST", "/coarsen", "approver"},
                new String[] {"POST", "suggestions", "reviewer"})) {
            String id = ReportIds.idOf(
                            jdbc, intake.file(1, Stories.aTypicalStory().asMap()))
                    .toString();
            if (endpoint[2].equals("approver")) {
                call(
                        "PUT",
                        "/api/v1/review/cases/" + id + "/draft",
                        "{\"title\":\"t\",\"narrative\":\"n\",\"codes\":[\"UA-SKILL\"],\"submit\":true}"
                                .getBytes(StandardCharsets.UTF_8),
                        reviewer);
            }
            String path = endpoint[1].equals("suggestions")
                    ? "/api/v1/review/suggestions"
                    : "/api/v1/review/cases/" + id + endpoint[1];
            for (int i = 0; i < CASES_PER_ENDPOINT; i++) {
                byte[] body = body(random);
                HttpResponse<String> response =
                        call(endpoint[0], path, body, endpoint[2].equals("approver") ? approver : reviewer);
                int status = response.statusCode();
                boolean problem = response.headers()
                        .firstValue("Content-Type")
                        .map(t -> t.contains("application/problem+json"))
                        .orElse(false);
                boolean fine = status < 300 || (status >= 400 && status < 500 && problem);
                if (!fine || response.body().contains("Exception")) {
                    failures.add(endpoint[0] + " " + path + " " + status + " for " + HostileJson.preview(body) + ": "
                            + HostileJson.preview(response.body().getBytes(StandardCharsets.UTF_8)));
                }
            }
            assertThat(call("GET", "/api/v1/review/cases/" + id, null, reviewer).statusCode())
                    .as("the case still opens")
                    .isEqualTo(200);
        }

        assertThat(failures).isEmpty();
        assertThat(count("select count(*) from review_case")).isEqualTo(count("select count(*) from report"));
        assertThat(count("select count(*) from review_case where stage not in"
                        + " ('STAGE_1','AWAITING_REPORTER','STAGE_2','PUBLISHED','REJECTED')"))
                .isZero();
        assertThat(count("select count(*) from review_case c join report r on r.id = c.report_id"
                        + " where (c.stage = 'AWAITING_REPORTER') <> (r.state = 'AWAITING_REPORTER')"))
                .as("what the reporter sees matches the case")
                .isZero();
    }

    @Test
    void scriptInEveryTextIsInertOnTheReviewPages() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Staff reviewer = join("rev-xss-" + tag + "@state.gov", Role.REVIEWER);
        Staff approver = join("app-xss-" + tag + "@state.gov", Role.APPROVER);
        ReportKey key = intake.file(
                1,
                Stories.aTypicalStory()
                        .with("narrative", "Hostile story " + SCRIPT + " long enough to be accepted by the form.")
                        .with("lessons", "Lesson " + SCRIPT)
                        .asMap());
        String id = ReportIds.idOf(jdbc, key).toString();
        String page = "/review/cases/" + id;

        post(reviewer, id, "question", Map.of("question", "Question " + SCRIPT));
        intake.reply(key.display(), "Answer " + SCRIPT);
        post(reviewer, id, "marks", Map.of("handMarks", "Hostile = " + SCRIPT));
        post(
                reviewer,
                id,
                "stage-1",
                Map.of(
                        "action", "submit",
                        "title", "Title " + SCRIPT,
                        "narrative", "Draft " + SCRIPT,
                        "lessons", "Lesson " + SCRIPT,
                        "codes", "UA-SKILL"));
        post(approver, id, "stage-2", Map.of("action", "send-back", "reason", "Reason " + SCRIPT));

        for (Staff who : List.of(reviewer, approver)) {
            String html = who.web.get(page).body() + who.web.get("/review").body();
            assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
        }
    }

    private void post(Staff who, String id, String action, Map<String, String> fields) {
        String html = who.web.get("/review/cases/" + id).body();
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertThat(version.find()).isTrue();
        List<Map.Entry<String, String>> all = new ArrayList<>(fields.entrySet());
        all.add(Map.entry("version", version.group(1)));
        HttpResponse<String> response =
                who.web.post("/review/cases/" + id + "/" + action, all, WebSession.csrfOf(html));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    }

    private static byte[] body(Random random) {
        String nasty = HostileJson.randomJson(random, 2);
        return switch (random.nextInt(8)) {
            case 0 -> HostileJson.randomBytes(random);
            case 1 -> HostileJson.randomJson(random, 0).getBytes(StandardCharsets.UTF_8);
            case 2 ->
                ("{\"title\":" + nasty + ",\"narrative\":\"n\",\"codes\":" + HostileJson.randomJson(random, 2) + "}")
                        .getBytes(StandardCharsets.UTF_8);
            case 3 ->
                ("{\"version\":" + nasty + ",\"text\":" + HostileJson.randomJson(random, 2) + "}")
                        .getBytes(StandardCharsets.UTF_8);
            case 4 ->
                ("{\"action\":" + nasty + ",\"reason\":" + HostileJson.randomJson(random, 2) + ",\"lessons\":"
                                + HostileJson.randomJson(random, 2) + "}")
                        .getBytes(StandardCharsets.UTF_8);
            case 5 ->
                ("{\"marks\":[{\"index\":" + nasty + ",\"accept\":" + HostileJson.randomJson(random, 3)
                                + ",\"replacement\":" + HostileJson.randomJson(random, 3) + "}],\"handMarks\":"
                                + HostileJson.randomJson(random, 2) + "}")
                        .getBytes(StandardCharsets.UTF_8);
            case 6 ->
                ("{\"field\":" + nasty + ",\"to\":" + HostileJson.randomJson(random, 2) + "}")
                        .getBytes(StandardCharsets.UTF_8);
            default -> HostileJson.invalidUtf8(random, "{\"title\":\"");
        };
    }

    private Staff join(String email, Role role) {
        SignedIn admin = new SignedIn(AccountId.random(), "test-admin@state.gov", "Test admin", Role.ADMIN);
        return Staff.joins(port, accounts.invite(admin, email, role), email, "Someone");
    }

    private static String tokenOf(Staff staff) {
        return ApiClient.tokenOf(staff);
    }

    private HttpResponse<String> call(String method, String path, byte[] body, String token) {
        return ApiClient.withToken(port, token).send(method, path, body);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
