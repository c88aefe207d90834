package org.nearmiss.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@AppTest
class ReportsApiTests {

    private static final String KEY_PATTERN = "([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Intake intake;

    private final JsonMapper json = JsonMapper.builder().build();
    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theQuestionnaireIsServedAsData() {
        HttpResponse<String> response = http.get("/api/v1/questionnaire");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("version").asInt()).isEqualTo(1);
        JsonNode activity = body.get("questions").get(0);
        assertThat(activity.get("id").asString()).isEqualTo("activity");
        assertThat(activity.get("type").asString()).isEqualTo("single");
        assertThat(activity.get("required").asBoolean()).isTrue();
        assertThat(activity.get("options").get(0).has("value")).isTrue();
        assertThat(activity.get("options").get(0).has("label")).isTrue();
        assertThat(body.get("questions").valueStream().map(q -> q.get("type").asString()))
                .contains("single", "multi", "number", "month", "text", "longtext");
    }

    @Test
    void anUnknownQuestionnaireVersionIsNotFound() {
        HttpResponse<String> response = http.get("/api/v1/questionnaire?version=42");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
    }

    @Test
    void aFiledReportGetsAKeyThatShowsItsStatus() {
        HttpResponse<String> filed =
                http.postJson("/api/v1/reports", Stories.aTypicalStory().asJson(1));

        assertThat(filed.statusCode()).isEqualTo(201);
        assertThat(filed.headers().firstValue("Cache-Control")).contains("no-store");
        String key = json.readTree(filed.body()).get("reportKey").asString();
        assertThat(key).matches(KEY_PATTERN);

        HttpResponse<String> status =
                http.postJson("/api/v1/reports/status", "{\"reportKey\":\"" + key.toLowerCase() + "\"}");
        assertThat(status.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(status.body());
        assertThat(body.get("state").asString()).isEqualTo("filed");
        assertThat(body.get("filedOn").asString())
                .isEqualTo(java.time.LocalDate.now().toString());
        assertThat(body.get("messages").size()).isZero();
    }

    @Test
    void appsCheckTheReportersWordsBeforeSendingAndNothingIsStored() {
        long before = reportCount();
        String story = "Sgt. Maria Lopez from the county called me at 555-201-3344 after the stop.";

        HttpResponse<String> checked = http.postJson(
                "/api/v1/reports/check",
                Stories.aTypicalStory().with("narrative", story).asJson(1));

        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(checked.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(checked.headers().allValues("Set-Cookie")).isEmpty();
        JsonNode found = json.readTree(checked.body()).get("identifying");
        java.util.List<String> words = new java.util.ArrayList<>();
        for (JsonNode one : found) {
            assertThat(one.get("question").asString()).isEqualTo("narrative");
            assertThat(story.substring(one.get("start").asInt(), one.get("end").asInt()))
                    .isEqualTo(one.get("words").asString());
            assertThat(one.get("replacement").asString()).startsWith("[");
            assertThat(one.get("why").asString()).as("the reporter sees why").isNotBlank();
            words.add(one.get("words").asString());
        }
        assertThat(words).anyMatch(w -> w.contains("Maria Lopez")).contains("555-201-3344");
        assertThat(reportCount()).isEqualTo(before);

        HttpResponse<String> clean =
                http.postJson("/api/v1/reports/check", Stories.aTypicalStory().asJson(1));
        assertThat(json.readTree(clean.body()).get("identifying").size()).isZero();
    }

    @Test
    void filingAnnouncesTheReportWithoutItsContent() {
        ReportKey key = intake.file(1, Stories.aTypicalStory().asMap());

        // Announced from the group commit's writer, in the report's own transaction: its listener (the
        // review queue) has seen it by the time the key is returned.
        assertThat(jdbc.sql("select stage from review_case where report_id = ?")
                        .param(idOf(key.display()).value())
                        .query(String.class)
                        .optional())
                .contains("STAGE_1");
        assertThat(java.util.Arrays.stream(ReportFiled.class.getRecordComponents())
                        .map(java.lang.reflect.RecordComponent::getName))
                .containsExactly("reportId", "questionnaireVersion");
    }

    @Test
    void badAnswersAreRefusedFieldByFieldAndNothingIsStored() {
        long before = reportCount();

        HttpResponse<String> response = http.postJson(
                "/api/v1/reports",
                Stories.aTypicalStory()
                        .without("narrative")
                        .with("lighting", "moonlight")
                        .asJson(1));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("narrative", "lighting");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("message").asString()))
                .allMatch(m -> !m.isBlank());
        assertThat(reportCount()).isEqualTo(before);
    }

    @Test
    void answersOfTheWrongJsonTypeAreFieldProblemsNotFailures() {
        String body = "{\"questionnaireVersion\":1,\"answers\":{\"activity\":{\"nested\":true},"
                + "\"factors\":[true, 1.5],\"officersOnScene\":2.5}}";

        HttpResponse<String> response = http.postJson("/api/v1/reports", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body())
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .contains("activity", "factors", "officersOnScene");
    }

    @Test
    void aVersionThatIsNotAWholeNumberIsRefusedNamingTheFieldNeverRoundedOrParsed() {
        long before = reportCount();
        String story = Stories.aTypicalStory().asJson(1);

        for (String version : List.of("1.5", "1.0", "1e0", "\"1\"", "\"\"", "true", "99999999999")) {
            HttpResponse<String> response = http.postJson(
                    "/api/v1/reports",
                    story.replace("\"questionnaireVersion\":1,", "\"questionnaireVersion\":" + version + ","));

            assertProblem(response, 400);
            assertThat(fieldsOf(response)).as(version).containsExactly("questionnaireVersion");
        }
        assertThat(reportCount()).isEqualTo(before);
    }

    @Test
    void aKeyOrReplySentAsAnotherJsonTypeIsRefusedNamingTheField() {
        HttpResponse<String> numberKey = http.postJson("/api/v1/reports/status", "{\"reportKey\":12345678}");
        assertProblem(numberKey, 400);
        assertThat(fieldsOf(numberKey)).containsExactly("reportKey");

        HttpResponse<String> numberText =
                http.postJson("/api/v1/reports/replies", "{\"reportKey\":\"0000\",\"text\":true}");
        assertProblem(numberText, 400);
        assertThat(fieldsOf(numberText)).containsExactly("text");

        HttpResponse<String> misspelt = http.postJson(
                "/api/v1/reports",
                Stories.aTypicalStory().asJson(1).replace("\"answers\":", "\"questionaireVersion\":2,\"answers\":"));
        assertProblem(misspelt, 400);
        assertThat(fieldsOf(misspelt)).containsExactly("questionaireVersion");
    }

    @Test
    void malformedOrMisdirectedRequestsGetProblemDetailsWithoutInternals() {
        assertProblem(http.postJson("/api/v1/reports", "{\"questionnaireVersion\":1,"), 400);
        assertProblem(http.postJson("/api/v1/reports", "[1,2,3]"), 400);
        assertProblem(http.postJson("/api/v1/reports", "{\"questionnaireVersion\":\"one\",\"answers\":{}}"), 400);
        assertProblem(http.postJson("/api/v1/reports", "{\"questionnaireVersion\":7,\"answers\":{}}"), 400);
        assertProblem(http.postJson("/api/v1/reports", "{\"questionnaireVersion\":1}"), 400);
        assertProblem(
                http.send(http.request("/api/v1/reports")
                        .header("Content-Type", "text/plain")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello"))),
                415);
        assertProblem(http.get("/api/v1/reports", "Accept", "application/json"), 405);
        assertProblem(http.get("/api/v1/nothing-here", "Accept", "application/json"), 401);
    }

    @Test
    void invalidUtf8IsABadRequest() {
        byte[] body = "{\"questionnaireVersion\":1,\"answers\":{\"narrative\":\"\u00ff\"}}"
                .getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> response = http.send(http.request("/api/v1/reports")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void oversizedBodiesAreRefusedWhetherDeclaredOrChunked() {
        long before = reportCount();
        String huge =
                Stories.aTypicalStory().with("narrative", "x".repeat(300_000)).asJson(1);

        assertProblem(http.postJson("/api/v1/reports", huge), 413);
        assertProblem(
                http.postChunked(
                        "/api/v1/reports",
                        "application/json",
                        () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))),
                413);
        assertThat(reportCount()).isEqualTo(before);
    }

    @Test
    void anUnknownKeyIsNotFoundAndTakesAsLongAsAKnownOne() {
        String key = fileAndGetKey();

        long knownStarted = System.nanoTime();
        assertThat(http.postJson("/api/v1/reports/status", "{\"reportKey\":\"" + key + "\"}")
                        .statusCode())
                .isEqualTo(200);
        long known = System.nanoTime() - knownStarted;
        long unknownStarted = System.nanoTime();
        HttpResponse<String> unknown =
                http.postJson("/api/v1/reports/status", "{\"reportKey\":\"0000-0000-0000-0000-0000-0000-0000\"}");
        long unknownTook = System.nanoTime() - unknownStarted;

        assertProblem(unknown, 404);
        // Both answers wait out the floor (40 ms in tests), so neither is quicker than it.
        assertThat(known).isGreaterThanOrEqualTo(40_000_000L);
        assertThat(unknownTook).isGreaterThanOrEqualTo(40_000_000L);
        assertProblem(http.postJson("/api/v1/reports/status", "{\"reportKey\":\"not a key\"}"), 404);
        assertProblem(http.postJson("/api/v1/reports/status", "{}"), 404);
    }

    @Test
    void theReporterSeesAReviewersQuestionAndAnswersIt() {
        String key = fileAndGetKey();
        intake.askReporter(idOf(key), "Was your partner on the passenger side?");

        JsonNode waiting = json.readTree(http.postJson("/api/v1/reports/status", "{\"reportKey\":\"" + key + "\"}")
                .body());
        assertThat(waiting.get("awaitingReply").asBoolean()).isTrue();
        assertThat(waiting.get("messages").get(0).get("author").asString()).isEqualTo("reviewer");
        assertThat(waiting.get("messages").get(0).get("text").asString())
                .isEqualTo("Was your partner on the passenger side?");

        HttpResponse<String> replied = http.postJson(
                "/api/v1/reports/replies", "{\"reportKey\":\"" + key + "\",\"text\":\"Yes, with a light.\"}");
        assertThat(replied.statusCode()).isEqualTo(200);
        JsonNode after = json.readTree(replied.body());
        assertThat(after.get("state").asString()).isEqualTo("in_review");
        assertThat(after.get("messages").get(1).get("author").asString()).isEqualTo("reporter");

        HttpResponse<String> again = http.postJson(
                "/api/v1/reports/replies", "{\"reportKey\":\"" + key + "\",\"text\":\"One more thing.\"}");
        assertProblem(again, 400);
        assertThat(again.body()).contains("no question waiting");
    }

    private String fileAndGetKey() {
        HttpResponse<String> filed =
                http.postJson("/api/v1/reports", Stories.aTypicalStory().asJson(1));
        assertThat(filed.statusCode()).isEqualTo(201);
        return json.readTree(filed.body()).get("reportKey").asString();
    }

    private ReportId idOf(String key) {
        return FiledReports.idOf(jdbc, key);
    }

    private long reportCount() {
        return jdbc.sql("select count(*) from report").query(Long.class).single();
    }

    private List<String> fieldsOf(HttpResponse<String> problem) {
        JsonNode errors = json.readTree(problem.body()).get("errors");
        assertThat(errors).as(problem.body()).isNotNull();
        assertThat(errors.valueStream().map(e -> e.get("message").asString())).allMatch(m -> !m.isBlank());
        return errors.valueStream().map(e -> e.get("field").asString()).toList();
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("at org.")
                .doesNotContain("trace");
    }
}
