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
    private static final String[] NASTY = {
        "' OR '1'='1",
        "\"; drop table report; --",
        "<script>alert(1)</script>",
        "\u0000",
        "\uD83D\uDE00",
        "\u202E",
        "%00",
        "../../etc/passwd",
        "${jndi:ldap://x}",
        "{{7*7}}",
        "\\u0000",
        "NaN",
        "-1",
        "1e309",
        "",
        "traffic-stop",
        "2026-03",
        "null",
        "[]",
        "{}"
    };

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
                    failures.add(endpoint + " " + status + " for " + preview(body) + ": "
                            + preview(response.body().getBytes()));
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
            case 0 -> randomBytes(random);
            case 1 -> randomJson(random, 0).getBytes(StandardCharsets.UTF_8);
            case 2 -> mutatedReport(random).getBytes(StandardCharsets.UTF_8);
            case 3 -> truncated(random, mutatedReport(random));
            case 4 ->
                ("{\"reportKey\":" + randomJson(random, 3) + ",\"text\":" + randomJson(random, 3) + "}")
                        .getBytes(StandardCharsets.UTF_8);
            default -> invalidUtf8(random);
        };
    }

    private static String mutatedReport(Random random) {
        Stories story = Stories.aTypicalStory();
        String json = story.asJson(1);
        return switch (random.nextInt(5)) {
            case 0 -> json.replace("\"traffic-stop\"", randomJson(random, 2));
            case 1 ->
                json.replace("\"answers\":{", "\"answers\":{\"" + nasty(random) + "\":" + randomJson(random, 2) + ",");
            case 2 -> json.replace("\"questionnaireVersion\":1", "\"questionnaireVersion\":" + randomJson(random, 1));
            case 3 -> json.replace("}}", "},\"" + nasty(random) + "\":" + randomJson(random, 2) + "}");
            default ->
                json.replace(
                        Stories.NARRATIVE, nasty(random).replace("\"", "\\\"").replace("\\u", "u"));
        };
    }

    private static String randomJson(Random random, int depth) {
        int kind = depth > 6 ? random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : String.valueOf(random.nextLong());
            case 2 -> String.valueOf(random.nextDouble() * Math.pow(10, random.nextInt(400) - 200));
            case 3 ->
                "\"" + nasty(random).replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000") + "\"";
            case 4 -> {
                List<String> items = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    items.add(randomJson(random, depth + 1));
                }
                yield "[" + String.join(",", items) + "]";
            }
            default -> {
                List<String> fields = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    fields.add("\"" + random.nextInt(1000) + "\":" + randomJson(random, depth + 1));
                }
                yield "{" + String.join(",", fields) + "}";
            }
        };
    }

    private static String nasty(Random random) {
        return NASTY[random.nextInt(NASTY.length)] + (random.nextBoolean() ? "" : NASTY[random.nextInt(NASTY.length)]);
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(2_000)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] invalidUtf8(Random random) {
        byte[] prefix = "{\"reportKey\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 6];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        byte[] broken = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0};
        System.arraycopy(broken, 0, body, prefix.length, random.nextInt(broken.length) + 1);
        return body;
    }

    private static byte[] truncated(Random random, String json) {
        return json.substring(0, random.nextInt(json.length())).getBytes(StandardCharsets.UTF_8);
    }

    private static String preview(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
