package org.nearmiss.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.HostileJson;
import org.nearmiss.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fuzzing every JSON endpoint of the reporter: random and malformed bodies, wrong types, huge and
 * odd strings, invalid UTF-8, deep nesting, unknown fields, SQL metacharacters. Only 4xx problem
 * details may come back (or 201 for the rare valid report), the application stays healthy, and
 * nothing is half-written. The seed is printed and can be set with -Dnearmiss.fuzz.seed.
 */
@AppTest
class HostileInputTests {

    private static final int CASES_PER_ENDPOINT = 200;
    private static final List<String> ENDPOINTS =
            List.of("/api/v1/reports", "/api/v1/reports/status", "/api/v1/reports/replies");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void hostileBodiesGetOnlyProblemDetailsAndChangeNothing() {
        long seed = Long.getLong("nearmiss.fuzz.seed", 20261122L);
        System.out.println("HostileInputTests seed: " + seed);
        Random random = new Random(seed);
        Http http = new Http(port);
        long reportsBefore = count("report");
        int created = 0;
        List<String> failures = new ArrayList<>();

        for (String endpoint : ENDPOINTS) {
            for (int i = 0; i < CASES_PER_ENDPOINT; i++) {
                byte[] body = body(random);
                String contentType = random.nextInt(10) == 0 ? "text/plain" : "application/json";
                HttpResponse<String> response = http.send(http.request(endpoint)
                        .header("Content-Type", contentType)
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
                int status = response.statusCode();
                if (status == 201) {
                    created++;
                    continue;
                }
                boolean problem = response.headers()
                        .firstValue("Content-Type")
                        .map(t -> t.contains("application/problem+json"))
                        .orElse(false);
                if (status < 400 || status >= 500 || !problem || response.body().contains("Exception")) {
                    failures.add(endpoint + " " + status + " for " + HostileJson.preview(body) + ": "
                            + HostileJson.preview(response.body().getBytes()));
                }
            }
        }

        assertThat(failures).isEmpty();
        assertThat(http.get("/actuator/health").body()).contains("UP");
        assertThat(count("report")).isEqualTo(reportsBefore + created);
        assertThat(count("report_data_key"))
                .as("every stored report has its key: nothing half-written")
                .isEqualTo(count("report"));
    }

    @Test
    void deepNestingAndHugeStringsAreRefusedPolitely() {
        Http http = new Http(port);
        String deep = "{\"questionnaireVersion\":1,\"answers\":{\"narrative\":" + "[".repeat(5_000) + "]".repeat(5_000)
                + "}}";
        String huge = "{\"questionnaireVersion\":1,\"answers\":{\"narrative\":\"" + "x".repeat(250_000) + "\"}}";
        String manyFields = "{\"questionnaireVersion\":1,\"answers\":{"
                + String.join(
                        ",",
                        java.util.stream.IntStream.range(0, 5_000)
                                .mapToObj(i -> "\"q" + i + "\":\"v\"")
                                .toList())
                + "}}";

        for (String body : List.of(deep, huge, manyFields)) {
            HttpResponse<String> response = http.postJson("/api/v1/reports", body);
            assertThat(response.statusCode()).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        }
        assertThat(http.get("/actuator/health").body()).contains("UP");
    }

    private static byte[] body(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> HostileJson.randomBytes(random);
            case 1 -> HostileJson.randomJson(random, 0).getBytes(StandardCharsets.UTF_8);
            case 2 -> mutatedReport(random).getBytes(StandardCharsets.UTF_8);
            case 3 -> HostileJson.truncated(random, mutatedReport(random));
            case 4 ->
                ("{\"reportKey\":" + HostileJson.randomJson(random, 3) + ",\"text\":"
                                + HostileJson.randomJson(random, 3) + "}")
                        .getBytes(StandardCharsets.UTF_8);
            default -> HostileJson.invalidUtf8(random, "{\"reportKey\":\"");
        };
    }

    private static String mutatedReport(Random random) {
        Stories story = Stories.aTypicalStory();
        String json = story.asJson(1);
        return switch (random.nextInt(5)) {
            case 0 -> json.replace("\"traffic-stop\"", HostileJson.randomJson(random, 2));
            case 1 ->
                json.replace(
                        "\"answers\":{",
                        "\"answers\":{\"" + HostileJson.nasty(random) + "\":" + HostileJson.randomJson(random, 2)
                                + ",");
            case 2 ->
                json.replace(
                        "\"questionnaireVersion\":1", "\"questionnaireVersion\":" + HostileJson.randomJson(random, 1));
            case 3 ->
                json.replace(
                        "}}", "},\"" + HostileJson.nasty(random) + "\":" + HostileJson.randomJson(random, 2) + "}");
            default ->
                json.replace(
                        Stories.NARRATIVE,
                        HostileJson.nasty(random).replace("\"", "\\\"").replace("\\u", "u"));
        };
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
