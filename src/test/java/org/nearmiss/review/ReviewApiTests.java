package org.nearmiss.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.ApiTokens;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.intake.Intake;
import org.nearmiss.intake.Stories;
import org.nearmiss.system.AuditLog;
import org.nearmiss.testing.ApiClient;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.ReportIds;
import org.nearmiss.testing.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Both stages through the JSON API with personal tokens; refusals as problem details. */
@AppTest
class ReviewApiTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Intake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Publications publications;

    @Autowired
    AuditLog audit;

    @Test
    void aReviewerAndAnotherApproverTakeAReportToPublicationThroughTheApi() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String reviewer = tokenOf("rev-api-" + tag + "@state.gov", Role.REVIEWER);
        String approver = tokenOf("app-api-" + tag + "@state.gov", Role.APPROVER);
        String id = ReportIds.idOf(jdbc, intake.file(1, Stories.aTypicalStory().asMap()))
                .toString();

        assertThat(call("GET", "/api/v1/review/cases", null, reviewer).body()).contains(id);
        HttpResponse<String> opened = call("GET", "/api/v1/review/cases/" + id, null, reviewer);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body())
                .contains("\"original\":{")
                .contains("rear passenger")
                .contains("\"suggestedCodes\"");

        HttpResponse<String> incomplete = call(
                "PUT",
                "/api/v1/review/cases/" + id + "/draft",
                "{\"title\":\"\",\"narrative\":\"x\",\"submit\":true}",
                reviewer);
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(incomplete.body()).contains("\"reason\":\"INCOMPLETE\"").contains("\"field\":\"title\"");

        HttpResponse<String> unknownCode = call(
                "PUT",
                "/api/v1/review/cases/" + id + "/draft",
                "{\"title\":\"Hand under the thigh\",\"narrative\":\"[OFFICER 1] saw a handgun.\","
                        + "\"lessons\":\"Watch the hands.\",\"codes\":[\"PC-SUBJECT\",\"nonsense\"],\"submit\":true}",
                reviewer);
        assertThat(unknownCode.statusCode()).isEqualTo(400);
        assertThat(unknownCode.body()).contains("\"field\":\"codes\"");

        HttpResponse<String> submitted = call(
                "PUT",
                "/api/v1/review/cases/" + id + "/draft",
                "{\"title\":\"Hand under the thigh\",\"narrative\":\"[OFFICER 1] saw a handgun.\","
                        + "\"lessons\":\"Watch the hands.\",\"codes\":[\"PC-SUBJECT\"],\"submit\":true}",
                reviewer);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);

        HttpResponse<String> notTheirs =
                call("POST", "/api/v1/review/cases/" + id + "/decision", "{\"action\":\"publish\"}", reviewer);
        assertThat(notTheirs.statusCode()).as("stage 2 is for approvers").isEqualTo(403);

        HttpResponse<String> published = call(
                "POST",
                "/api/v1/review/cases/" + id + "/decision",
                "{\"action\":\"publish\",\"title\":\"Hand under the thigh\",\"narrative\":\"[OFFICER 1] saw a handgun.\","
                        + "\"lessons\":\"Watch the hands.\",\"takeaways\":\"Hands kill.\",\"acknowledgeRisk\":true}",
                approver);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(published.body()).containsPattern("\"publicId\":\"NM-\\d{4}-\\d{5}\"");

        HttpResponse<String> again = call(
                "POST",
                "/api/v1/review/cases/" + id + "/decision",
                "{\"action\":\"reject\",\"reason\":\"x\"}",
                approver);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("\"reason\":\"WRONG_STAGE\"");
    }

    @Test
    void aPublicationWithWordsTheAssistantMarksIsRefusedWithTheMarksUntilEachIsKeptWithAReason() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String reviewer = tokenOf("rev-gate-" + tag + "@state.gov", Role.REVIEWER);
        String approver = tokenOf("app-gate-" + tag + "@state.gov", Role.APPROVER);
        String id = ReportIds.idOf(jdbc, intake.file(1, Stories.aTypicalStory().asMap()))
                .toString();
        assertThat(call(
                                "PUT",
                                "/api/v1/review/cases/" + id + "/draft",
                                "{\"title\":\"Hand under the thigh\",\"narrative\":\"[OFFICER 1] saw a handgun.\","
                                        + "\"lessons\":\"Watch the hands.\",\"codes\":[\"PC-SUBJECT\"],\"submit\":true}",
                                reviewer)
                        .statusCode())
                .isEqualTo(204);
        String edited = "\"action\":\"publish\",\"title\":\"Hand under the thigh\",\"narrative\":\""
                + ReviewFlowTests.NAMED_AT_STAGE_TWO + "\",\"lessons\":\"Watch the hands.\"";

        HttpResponse<String> refused =
                call("POST", "/api/v1/review/cases/" + id + "/decision", "{" + edited + "}", approver);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(refused.body())
                .contains("\"reason\":\"IDENTIFYING\"")
                .contains("\"words\":\"555-201-3344\"")
                .contains("\"kind\":\"a phone number\"")
                .contains("\"why\":\"a phone number: 7 to 15 digits in the groups phone numbers are written in\"")
                .contains("Lopez");
        JsonNode marks = JsonMapper.builder().build().readTree(refused.body()).get("marks");
        assertThat(marks.size()).isGreaterThanOrEqualTo(3);
        assertThat(stageOf(id)).isEqualTo("STAGE_2");

        List<String> keeps = new ArrayList<>();
        for (JsonNode mark : marks) {
            assertThat(mark.get("field").asString()).isEqualTo("narrative");
            assertThat(mark.get("replacement").asString()).startsWith("[");
            assertThat(mark.get("why").asString()).as("the approver sees why").isNotBlank();
            keeps.add("{\"field\":\"narrative\",\"words\":\""
                    + mark.get("words").asString() + "\",\"reason\":\"Public record, cleared with the agency.\"}");
        }
        HttpResponse<String> blank = call(
                "POST",
                "/api/v1/review/cases/" + id + "/decision",
                "{" + edited + ",\"keep\":["
                        + String.join(",", keeps).replace("Public record, cleared with the agency.", " ") + "]}",
                approver);
        assertThat(blank.statusCode()).as("a blank reason keeps nothing").isEqualTo(409);

        String withLopez = String.join(",", keeps).replaceFirst("cleared with the agency", "Lopez agreed");
        HttpResponse<String> repeats = call(
                "POST",
                "/api/v1/review/cases/" + id + "/decision",
                "{" + edited + ",\"keep\":[" + withLopez + "]}",
                approver);
        HttpResponse<String> tooLong = call(
                "POST",
                "/api/v1/review/cases/" + id + "/decision",
                "{" + edited + ",\"keep\":[null," + String.join(",", keeps).replace("cleared", "x".repeat(300)) + "]}",
                approver);
        for (HttpResponse<String> bad : List.of(repeats, tooLong)) {
            assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
            assertThat(bad.body()).contains("\"field\":\"keep\"");
        }
        assertThat(repeats.body())
                .as("a reason naming the words would put them in the audit log")
                .contains("without repeating");
        assertThat(call(
                                "POST",
                                "/api/v1/review/cases/" + id + "/decision",
                                "{" + edited + ",\"keep\":\"all\"}",
                                approver)
                        .statusCode())
                .isEqualTo(400);
        assertThat(stageOf(id)).isEqualTo("STAGE_2");

        HttpResponse<String> published = call(
                "POST",
                "/api/v1/review/cases/" + id + "/decision",
                "{" + edited + ",\"keep\":[" + String.join(",", keeps) + "],\"acknowledgeRisk\":true}",
                approver);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(stageOf(id)).isEqualTo("PUBLISHED");

        assertThat(call("GET", "/api/v1/review/cases/" + id, null, reviewer).body())
                .contains("\"kept\":[")
                .contains("Public record, cleared with the agency.");
    }

    private String stageOf(String id) {
        return jdbc.sql("select stage from review_case where report_id = ?")
                .param(UUID.fromString(id))
                .query(String.class)
                .single();
    }

    @Test
    void automationTokensNeitherReadOriginalsNorTakeStepsAndBadRequestsAreProblems() {
        String robot = tokens.createForAutomation(Role.APPROVER, "robot-" + UUID.randomUUID(), ApiTokens.DEFAULT_DAYS);
        String id = ReportIds.idOf(jdbc, intake.file(1, Stories.aTypicalStory().asMap()))
                .toString();

        assertThat(call("GET", "/api/v1/review/cases/" + id, null, robot).statusCode())
                .isEqualTo(403);
        assertThat(call("PUT", "/api/v1/review/cases/" + id + "/draft", "{\"title\":\"t\"}", robot)
                        .statusCode())
                .isEqualTo(403);

        String reviewer =
                tokenOf("rev-bad-" + UUID.randomUUID().toString().substring(0, 8) + "@state.gov", Role.REVIEWER);
        assertThat(call("GET", "/api/v1/review/cases/" + UUID.randomUUID(), null, reviewer)
                        .statusCode())
                .isEqualTo(404);
        assertThat(call("GET", "/api/v1/review/cases/not-a-uuid", null, reviewer)
                        .statusCode())
                .isEqualTo(400);
        assertThat(call("PUT", "/api/v1/review/cases/" + id + "/draft", "{\"codes\":7", reviewer)
                        .statusCode())
                .isEqualTo(400);
        assertThat(call("POST", "/api/v1/review/cases/" + id + "/questions", "{\"text\":\"\"}", reviewer)
                        .body())
                .contains("\"field\":\"question\"");

        HttpResponse<String> spans = call(
                "POST", "/api/v1/review/suggestions", "{\"text\":\"Call Sgt. Miller at 555-123-4567.\"}", reviewer);
        assertThat(spans.statusCode()).isEqualTo(200);
        assertThat(spans.body()).contains("\"type\":\"PHONE\"").contains("\"start\":20");
        assertThat(call("GET", "/api/v1/review/taxonomy", null, reviewer).body())
                .contains("UA-SKILL");
    }

    @Test
    void aDraftSavedWithoutSubmittingKeepsTheSubmittingLimitsAndCodes() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String reviewer = tokenOf("rev-lim-" + tag + "@state.gov", Role.REVIEWER);
        String approver = tokenOf("app-lim-" + tag + "@state.gov", Role.APPROVER);
        String story = "Sgt. Ramos and I stopped a car after dark; the passenger kept his hand under his thigh"
                + " and Ramos saw a handgun.";
        String id = ReportIds.idOf(
                        jdbc,
                        intake.file(
                                1,
                                Stories.aTypicalStory().with("narrative", story).asMap()))
                .toString();
        String huge = "x".repeat(200_000);
        String draft = "/api/v1/review/cases/" + id + "/draft";

        assertProblemNaming(call("PUT", draft, "{\"title\":\"" + huge + "\"}", reviewer), "title");
        assertProblemNaming(call("PUT", draft, "{\"narrative\":\"" + huge + "\"}", reviewer), "narrative");
        assertProblemNaming(call("PUT", draft, "{\"lessons\":\"" + huge + "\"}", reviewer), "lessons");
        assertProblemNaming(
                call("PUT", draft, "{\"title\":\"A title\",\"codes\":[\"UA-SKILL\",\"NOT-A-CODE\"]}", reviewer),
                "codes");
        assertProblemNaming(
                call(
                        "PUT",
                        "/api/v1/review/cases/" + id + "/marks",
                        "{\"handMarks\":\"thigh = " + huge + "\"}",
                        reviewer),
                "handMarks");
        assertProblemNaming(
                call(
                        "PUT",
                        "/api/v1/review/cases/" + id + "/marks",
                        "{\"marks\":[{\"index\":0,\"accept\":true,\"replacement\":\"" + huge + "\"}]}",
                        reviewer),
                "marks[0].replacement");
        assertThat(jdbc.sql("select version || ' ' || (sealed_draft is null) from review_case where report_id = ?")
                        .param(UUID.fromString(id))
                        .query(String.class)
                        .single())
                .as("nothing was stored")
                .isEqualTo("0 TRUE");

        assertThat(call(
                                "PUT",
                                draft,
                                "{\"title\":\"A title\",\"narrative\":\"A story.\",\"codes\":[\"UA-SKILL\"],"
                                        + "\"submit\":true}",
                                reviewer)
                        .statusCode())
                .isEqualTo(204);
        String decision = "/api/v1/review/cases/" + id + "/decision";
        assertProblemNaming(
                call("POST", decision, "{\"action\":\"save\",\"takeaways\":\"" + huge + "\"}", approver), "takeaways");
        assertProblemNaming(
                call(
                        "POST",
                        decision,
                        "{\"action\":\"send-back\",\"reason\":\"Shorter.\",\"title\":\"" + huge + "\"}",
                        approver),
                "title");
        assertThat(jdbc.sql("select stage from review_case where report_id = ?")
                        .param(UUID.fromString(id))
                        .query(String.class)
                        .single())
                .isEqualTo("STAGE_2");
        assertThat(call("GET", "/api/v1/review/cases/" + id, null, approver).body())
                .doesNotContain("xxxxxxxxxx");
    }

    private static void assertProblemNaming(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(response.body())
                .contains("\"reason\":\"INCOMPLETE\"")
                .contains("\"errors\":[{")
                .contains("\"field\":\"" + field + "\"")
                .doesNotContain("xxxxxxxxxx");
    }

    @Test
    void valuesOfAnotherJsonTypeAreRefusedNamingTheFieldAndChangeNothing() {
        String reviewer =
                tokenOf("rev-type-" + UUID.randomUUID().toString().substring(0, 8) + "@state.gov", Role.REVIEWER);
        String id = ReportIds.idOf(jdbc, intake.file(1, Stories.aTypicalStory().asMap()))
                .toString();
        String complete = "\"title\":\"Hand under the thigh\",\"narrative\":\"[OFFICER 1] saw a handgun.\","
                + "\"codes\":[\"PC-SUBJECT\"]";

        assertRefusedNaming(
                call(
                        "PUT",
                        "/api/v1/review/cases/" + id + "/draft",
                        "{" + complete + ",\"submit\":\"true\"}",
                        reviewer),
                "submit");
        assertRefusedNaming(
                call("PUT", "/api/v1/review/cases/" + id + "/draft", "{" + complete + ",\"submit\":1}", reviewer),
                "submit");
        assertRefusedNaming(
                call("PUT", "/api/v1/review/cases/" + id + "/draft", "{" + complete + ",\"version\":0.5}", reviewer),
                "version");
        assertRefusedNaming(
                call("PUT", "/api/v1/review/cases/" + id + "/draft", "{\"title\":7,\"codes\":[1]}", reviewer), "title");
        assertRefusedNaming(
                call(
                        "PUT",
                        "/api/v1/review/cases/" + id + "/marks",
                        "{\"marks\":[{\"index\":\"0\",\"accept\":false}]}",
                        reviewer),
                "marks[0].index");
        assertRefusedNaming(
                call("PUT", "/api/v1/review/cases/" + id + "/marks", "{\"marks\":[{\"index\":0}]}", reviewer),
                "marks[0].accept");
        assertRefusedNaming(call("POST", "/api/v1/review/suggestions", "{\"text\":5551234567}", reviewer), "text");

        assertThat(jdbc.sql("select stage || ' ' || version || ' ' || (sealed_draft is null) from review_case"
                                + " where report_id = ?")
                        .param(UUID.fromString(id))
                        .query(String.class)
                        .single())
                .as("still in stage 1, never saved")
                .isEqualTo("STAGE_1 0 TRUE");
    }

    @Test
    void anApproverReadsAndCoarsensTheCircumstancesAndARarePublicationWaitsForTheirWord() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String reviewer = tokenOf("rev-risk-" + tag + "@state.gov", Role.REVIEWER);
        String approver = tokenOf("app-risk-" + tag + "@state.gov", Role.APPROVER);
        // No other test publishes in 1988: this report is the only one of its kind.
        String id = ReportIds.idOf(
                        jdbc, intake.file(1, ReviewFlowTests.pursuit("1988-05").asMap()))
                .toString();
        String cases = "/api/v1/review/cases/" + id;
        assertThat(call("GET", cases + "/risk", null, approver).statusCode())
                .as("weighed at stage 2")
                .isEqualTo(409);
        assertThat(call(
                                "PUT",
                                cases + "/draft",
                                "{\"title\":\"A foot pursuit in the dark\",\"narrative\":\"[OFFICER 1] ran after him.\","
                                        + "\"lessons\":\"Radio first.\",\"codes\":[\"UA-SKILL\"],\"submit\":true}",
                                reviewer)
                        .statusCode())
                .isEqualTo(204);

        assertThat(call("GET", cases + "/risk", null, reviewer).statusCode()).isEqualTo(403);
        JsonNode risk = json(call("GET", cases + "/risk", null, approver));
        assertThat(risk.get("k").asInt()).isEqualTo(5);
        assertThat(risk.get("shared").asLong()).isZero();
        assertThat(risk.get("rare").asBoolean()).isTrue();
        assertThat(risk.get("circumstances").get(0).get("answer").asString()).isEqualTo("1988-05");
        assertThat(risk.get("options").findValuesAsString("to")).containsExactly("quarter", "year", "not-stated");

        for (String bad : List.of(
                "{\"field\":\"activity\",\"to\":\"other\"}",
                "{\"field\":\"incidentMonth\",\"to\":\"week\"}",
                "{\"field\":\"incidentMonth\"}")) {
            assertProblemNaming(call("POST", cases + "/coarsen", bad, approver), "coarsen");
        }
        assertRefusedNaming(
                call(
                        "POST",
                        cases + "/coarsen",
                        "{\"field\":\"incidentMonth\",\"to\":\"quarter\",\"sumbit\":1}",
                        approver),
                "sumbit");
        assertRefusedNaming(call("POST", cases + "/coarsen", "{\"field\":[\"incidentMonth\"]}", approver), "field");
        assertThat(call("POST", cases + "/coarsen", "{\"field\":\"incidentMonth\",\"to\":\"quarter\"}", reviewer)
                        .statusCode())
                .isEqualTo(403);
        assertThat(call(
                                "POST",
                                cases + "/coarsen",
                                "{\"version\":0,\"field\":\"incidentMonth\",\"to\":\"quarter\"}",
                                approver)
                        .body())
                .contains("\"reason\":\"STALE\"");

        HttpResponse<String> coarsened =
                call("POST", cases + "/coarsen", "{\"field\":\"incidentMonth\",\"to\":\"quarter\"}", approver);
        assertThat(coarsened.statusCode()).as(coarsened.body()).isEqualTo(200);
        JsonNode after = json(coarsened);
        assertThat(after.get("circumstances").get(0).get("answer").asString()).isEqualTo("April–June 1988");
        assertThat(after.get("circumstances").get(0).get("coarsened").asBoolean())
                .isTrue();
        assertThat(after.get("options").findValuesAsString("to")).containsExactly("year", "month", "not-stated");
        assertThat(after.get("rare").asBoolean()).as("still the only one").isTrue();

        String publish = "{\"action\":\"publish\",\"title\":\"A foot pursuit in the dark\","
                + "\"narrative\":\"[OFFICER 1] ran after him.\",\"lessons\":\"Radio first.\"";
        HttpResponse<String> refused = call("POST", cases + "/decision", publish + "}", approver);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        JsonNode problem = json(refused);
        assertThat(problem.get("reason").asString()).isEqualTo("RARE_CIRCUMSTANCES");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("acknowledgeRisk");
        assertThat(problem.get("risk").get("shared").asLong()).isZero();
        assertThat(publications.of(new org.nearmiss.intake.ReportId(UUID.fromString(id))))
                .isEmpty();
        assertRefusedNaming(
                call("POST", cases + "/decision", publish + ",\"acknowledgeRisk\":\"true\"}", approver),
                "acknowledgeRisk");

        HttpResponse<String> published =
                call("POST", cases + "/decision", publish + ",\"acknowledgeRisk\":true}", approver);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(publications
                        .of(new org.nearmiss.intake.ReportId(UUID.fromString(id)))
                        .orElseThrow()
                        .incidentMonth())
                .isEqualTo("1988-Q2");
        assertThat(audit.latest(10))
                .anySatisfy(e -> assertThat(e.action() + " " + e.subject())
                        .isEqualTo("review.rare-published " + id + " shared by 0 published, k 5"));
        assertThat(call("GET", cases + "/risk", null, approver).statusCode())
                .as("published: nothing left to weigh")
                .isEqualTo(409);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private static void assertRefusedNaming(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(response.body()).contains("\"errors\":[{").contains("\"field\":\"" + field + "\"");
    }

    private String tokenOf(String email, Role role) {
        SignedIn admin = new SignedIn(AccountId.random(), "test-admin@state.gov", "Test admin", Role.ADMIN);
        return ApiClient.tokenOf(Staff.joins(port, accounts.invite(admin, email, role), email, "Someone"));
    }

    private HttpResponse<String> call(String method, String path, String json, String token) {
        return ApiClient.withToken(port, token).send(method, path, json);
    }
}
