package org.nearmiss.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.Role;
import org.nearmiss.library.LibraryIndex;
import org.nearmiss.library.LibrarySearch;
import org.nearmiss.review.Publications;
import org.nearmiss.testing.ApiClient;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.HostileJson;
import org.nearmiss.testing.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Similar incidents end to end: published reports embedded and indexed, the report page's lists,
 * the API for a report and for an account being coded, why each one matched, and bad requests
 * answered with problem details.
 */
@AppTest
class SimilarityTests {

    @LocalServerPort
    int port;

    @Autowired
    Publications publications;

    @Autowired
    LibraryIndex library;

    @Autowired
    Similarity similarity;

    @Autowired
    Accounts accounts;

    @Autowired
    JsonMapper json;

    static boolean imported;

    @BeforeEach
    void importTheSampleOnce() throws Exception {
        if (!imported) {
            try (var in = new BufferedReader(new InputStreamReader(
                    SimilarityTests.class.getResourceAsStream("/analysis/similar.jsonl"), StandardCharsets.UTF_8))) {
                for (String line : in.lines().toList()) {
                    JsonNode item = json.readTree(line);
                    publications.importPublished(
                            new Publications.Imported(
                                    item.get("externalRef").asString(),
                                    item.get("month").asString(),
                                    item.get("title").asString(),
                                    item.get("narrative").asString(),
                                    item.get("lessons")
                                            .valueStream()
                                            .map(JsonNode::asString)
                                            .toList(),
                                    1,
                                    json.convertValue(item.get("answers"), Map.class)),
                            LocalDate.now());
                }
            }
            library.catchUp();
            similarity.catchUp();
            imported = true;
        }
    }

    @Test
    void theSameDangerToldInOtherWordsComesFirstAndSaysWhy() throws Exception {
        ApiClient reader = ApiClient.of(port, join(Role.READER));
        HttpResponse<String> answer = reader.get("/api/v1/library/reports/" + idOf("SIM-101") + "/similar?limit=10");
        assertThat(answer.statusCode()).isEqualTo(200);
        List<String> refs = refsOf(answer.body());
        assertThat(refs).contains("SIM-102", "SIM-103").doesNotContain("SIM-101");
        // Other tests publish too: the unrelated ones may not make the list at all, but never rank above.
        assertThat(rank(refs, "SIM-102")).isLessThan(rank(refs, "SIM-105"));
        assertThat(rank(refs, "SIM-103")).isLessThan(rank(refs, "SIM-104"));

        JsonNode first = json.readTree(answer.body()).get(refs.indexOf("SIM-102"));
        assertThat(first.get("id").asString()).isEqualTo(idOf("SIM-102"));
        assertThat(first.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(first.get("why").toString())
                .contains("Same contributing factors")
                .contains("Communication (radio, dispatch, between officers)");
    }

    @Test
    void looksDifferentSamePatternListsOnlyOtherActivities() throws Exception {
        ApiClient reader = ApiClient.of(port, join(Role.READER));
        HttpResponse<String> answer =
                reader.get("/api/v1/library/reports/" + idOf("SIM-101") + "/similar?limit=10&otherActivity=true");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(answer.body());
        assertThat(list.size()).isPositive();
        for (JsonNode item : list) {
            assertThat(item.get("activity").asString()).isNotEqualTo("Foot pursuit");
        }
        // The basement radio failure is the same pattern in a warrant service.
        assertThat(refsOf(answer.body())).contains("SIM-103");
        assertThat(rank(refsOf(answer.body()), "SIM-103")).isLessThan(rank(refsOf(answer.body()), "SIM-105"));
    }

    @Test
    void anAccountBeingCodedFindsPublishedIncidentsLikeIt() throws Exception {
        ApiClient reviewer = ApiClient.of(port, join(Role.REVIEWER));
        HttpResponse<String> answer = reviewer.send(
                "POST",
                "/api/v1/analysis/similar",
                json.writeValueAsString(Map.of(
                        "text",
                        "I went into the cellar of the house alone while serving a warrant and my radio had no"
                                + " signal, so the team could not hear me when a man jumped out.",
                        "answers",
                        Map.of("activity", "warrant-service", "factors", List.of("communication")),
                        "limit",
                        5)));
        assertThat(answer.statusCode()).isEqualTo(200);
        List<String> refs = refsOf(answer.body());
        assertThat(refs).hasSizeLessThanOrEqualTo(5).contains("SIM-103");
        assertThat(refs.stream().filter(r -> r.startsWith("SIM-")).findFirst()).hasValue("SIM-103");
    }

    @Test
    void theReportPageShowsSimilarIncidentsAndThePatternAcrossCalls() {
        Staff reader = join(Role.READER);
        String page = reader.web.get("/library/reports/" + idOf("SIM-101")).body();
        assertThat(page)
                .contains("Similar incidents")
                .contains("Lost contact with dispatch while chasing a runner through yards")
                .contains("Looks different, same pattern")
                .contains("Radio failed in the basement during a warrant entry")
                .contains("Same contributing factors");
    }

    @Test
    void badRequestsGetProblemDetailsAndUnknownReportsA404() throws Exception {
        ApiClient reader = ApiClient.of(port, join(Role.READER));
        assertThat(reader.get("/api/v1/library/reports/NM-1999-99999/similar").statusCode())
                .isEqualTo(404);
        assertThat(reader.get("/api/v1/library/reports/nonsense/similar").statusCode())
                .isEqualTo(404);
        HttpResponse<String> tooMany = reader.get("/api/v1/library/reports/" + idOf("SIM-101") + "/similar?limit=51");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(reader.get("/api/v1/library/reports/" + idOf("SIM-101") + "/similar?limit=lots")
                        .statusCode())
                .isEqualTo(400);

        HttpResponse<String> empty = reader.send(
                "POST", "/api/v1/analysis/similar", json.writeValueAsString(Map.of("text", "  ", "limit", 0)));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("\"field\":\"text\"").contains("\"field\":\"limit\"");
        HttpResponse<String> badAnswer = reader.send(
                "POST",
                "/api/v1/analysis/similar",
                json.writeValueAsString(
                        Map.of("text", "A chase at night.", "answers", Map.of("activity", "space-walk"))));
        assertThat(badAnswer.statusCode()).isEqualTo(400);
        assertThat(badAnswer.body()).contains("answers.activity");
        HttpResponse<String> tooLong = reader.send(
                "POST", "/api/v1/analysis/similar", json.writeValueAsString(Map.of("text", "word ".repeat(5_000))));
        assertThat(tooLong.statusCode()).isEqualTo(400);
    }

    @Test
    void fuzzedBodiesGetOnlyProblemDetails() {
        ApiClient reader = ApiClient.of(port, join(Role.READER));
        Random random = new Random(Long.getLong("nearmiss.fuzz.seed", 20261122L));
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            byte[] body = switch (random.nextInt(5)) {
                case 0 -> HostileJson.randomBytes(random);
                case 1 -> HostileJson.randomJson(random, 0).getBytes(StandardCharsets.UTF_8);
                case 2 ->
                    ("{\"text\":" + HostileJson.randomJson(random, 2) + ",\"limit\":"
                                    + HostileJson.randomJson(random, 1) + "}")
                            .getBytes(StandardCharsets.UTF_8);
                case 3 ->
                    ("{\"text\":\"radio failed\",\"answers\":" + HostileJson.randomJson(random, 3)
                                    + ",\"otherActivity\":" + HostileJson.randomJson(random, 1) + "}")
                            .getBytes(StandardCharsets.UTF_8);
                default -> HostileJson.invalidUtf8(random, "{\"text\":\"");
            };
            HttpResponse<String> response = reader.send("POST", "/api/v1/analysis/similar", body);
            int status = response.statusCode();
            boolean problem = response.headers()
                    .firstValue("Content-Type")
                    .map(t -> t.contains("application/problem+json"))
                    .orElse(false);
            if (!(status == 200 || status >= 400 && status < 500 && problem)
                    || response.body().contains("Exception")) {
                failures.add(status + " for " + HostileJson.preview(body));
            }
        }
        assertThat(failures).isEmpty();
        assertThat(reader.get("/api/v1/library/reports/" + idOf("SIM-101") + "/similar")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void noOneWithoutAnAccountAsks() {
        HttpResponse<String> anonymous = ApiClient.withToken(port, "nm_not-a-token")
                .get("/api/v1/library/reports/" + idOf("SIM-101") + "/similar");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private static int rank(List<String> refs, String ref) {
        return refs.contains(ref) ? refs.indexOf(ref) : Integer.MAX_VALUE;
    }

    private List<String> refsOf(String body) {
        return json.readTree(body)
                .valueStream()
                .map(n -> n.get("externalRef").isNull()
                        ? n.get("id").asString()
                        : n.get("externalRef").asString())
                .toList();
    }

    private String idOf(String externalRef) {
        return library.search(new LibrarySearch("", Map.of(), null, 1, 100)).hits().stream()
                .filter(h -> externalRef.equals(h.externalRef()))
                .findFirst()
                .orElseThrow()
                .publicId();
    }

    private Staff join(Role role) {
        return Staff.invitedAs(port, accounts, role);
    }
}
