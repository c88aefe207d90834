package org.nearmiss.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.ApiTokens;
import org.nearmiss.accounts.Role;
import org.nearmiss.testing.ApiClient;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.RawHttp;
import org.nearmiss.testing.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests an attacker's tool sends: every one gets a clean 4xx (problem details under {@code /api/},
 * a page elsewhere, our security headers on both), never a 500 or the servlet container's own page,
 * and nothing of what was sent reaches the log.
 */
@AppTest
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestsTests {

    private static final String MARKER = "zqxmarker";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Test
    void formsThatCannotBeDecodedAreRefusedWith400() {
        List<String> bodies = new ArrayList<>(List.of("narrative=%FF%FE%C3%28", "a=%ZZ%", "narrative=%", "x=%C3"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            many.append("p").append(i).append("=1&");
        }
        bodies.add(many.toString());
        for (String body : bodies) {
            RawHttp.Answer answer =
                    RawHttp.send(port, "POST /share HTTP/1.1", body, "Content-Type: application/x-www-form-urlencoded");
            assertThat(answer.status())
                    .as(body.substring(0, Math.min(40, body.length())))
                    .isEqualTo(400);
            assertThat(answer.hasHeader("Content-Security-Policy")).isTrue();
            assertThat(answer.hasHeader("Set-Cookie"))
                    .as("the reporter's route sets no cookie")
                    .isFalse();
        }
        assertThat(RawHttp.send(port, "GET /share?x=%ZZ HTTP/1.1", (String) null)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void wrongTypesAndMissingParametersAreTheSendersMistakeNever500() {
        Staff reviewer = Staff.invitedAs(port, accounts, Role.REVIEWER);
        Staff analyst = Staff.invitedAs(port, accounts, Role.ANALYST);
        Staff admin = Staff.invitedAs(port, accounts, Role.ADMIN);

        assertThat(reviewer.web.get("/review/cases/not-a-uuid").statusCode()).isEqualTo(400);
        assertThat(analyst.web.get("/analysis/requests/not-a-uuid").statusCode())
                .isEqualTo(400);
        for (String position : List.of("abc", "1e3", "99999999999")) {
            assertThat(analyst.web
                            .get("/analysis/requests/" + UUID.randomUUID() + "/attachments/" + position)
                            .statusCode())
                    .as(position)
                    .isBetween(400, 404);
        }
        HttpResponse<String> missing =
                admin.web.submit("/admin/accounts", "/admin/accounts/" + UUID.randomUUID() + "/enabled", Map.of());
        assertThat(missing.statusCode()).isEqualTo(400);

        String reader = ApiClient.tokenOf(Staff.invitedAs(port, accounts, Role.READER));
        RawHttp.Answer similar = RawHttp.send(
                port,
                "GET /api/v1/library/reports/NM-9999-99999999999999999999/similar HTTP/1.1",
                (String) null,
                "Authorization: Bearer " + reader);
        assertThat(similar.status()).isEqualTo(404);
        assertThat(similar.head()).containsIgnoringCase("application/problem+json");

        String robot = tokens.createForAutomation(Role.APPROVER, "robot", ApiTokens.DEFAULT_DAYS);
        RawHttp.Answer feature = RawHttp.send(
                port, "POST /library/reports/NM-2026-00001/feature HTTP/1.1", "", "Authorization: Bearer " + robot);
        assertThat(feature.status()).as("a token is no key to the pages").isIn(302, 403);
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotAFailure() {
        assertThat(RawHttp.send(port, "GET /error HTTP/1.1", (String) null).status())
                .isEqualTo(404);
        assertThat(RawHttp.send(port, "POST /error HTTP/1.1", "").status()).isEqualTo(404);
    }

    @Test
    void apiFailuresAnswerProblemDetailsNamingThePathWithOurHeaders() {
        List<String> targets = List.of("/api/v1/reports/a%2Fb", "/api/v1/reports/a%00b", "/api/v1/no-such-thing");
        for (String target : targets) {
            RawHttp.Answer answer = RawHttp.send(port, "GET " + target + " HTTP/1.1", (String) null);
            String what = target.substring(0, Math.min(40, target.length()));
            assertThat(answer.status()).as(what).isBetween(400, 499);
            assertThat(answer.head()).as(what).containsIgnoringCase("application/problem+json");
            assertThat(answer.hasHeader("Content-Security-Policy")).as(what).isTrue();
            assertThat(answer.hasHeader("X-Content-Type-Options")).as(what).isTrue();
        }
        // A request line too long to read has no path the server knows: a plain page, with our headers.
        RawHttp.Answer tooLong =
                RawHttp.send(port, "GET /api/v1/questionnaire?q=" + "x".repeat(20_000) + " HTTP/1.1", (String) null);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.hasHeader("Content-Security-Policy")).isTrue();
        assertThat(tooLong.body()).doesNotContainIgnoringCase("tomcat");

        RawHttp.Answer unknown = RawHttp.send(port, "GET /api/v1/no-such-thing HTTP/1.1", (String) null);
        assertThat(unknown.body()).contains("\"instance\":\"/api/v1/no-such-thing\"");
    }

    @Test
    void nothingAReporterSendsReachesTheLog(CapturedOutput output) {
        String[] headers = {
            "User-Agent: " + MARKER,
            "X-Forwarded-For: 10.9.8.7, " + MARKER,
            "Referer: http://" + MARKER + ".example/",
            "Cookie: " + MARKER + "=1",
            "Accept-Language: " + MARKER,
            "X-" + MARKER + ": " + MARKER
        };
        List<RawHttp.Answer> answers = new ArrayList<>();
        answers.add(RawHttp.send(
                port,
                "POST /api/v1/reports HTTP/1.1",
                "{\"x\":\"" + MARKER + "\"}",
                concat(headers, "Content-Type: application/json; charset=" + MARKER)));
        answers.add(RawHttp.send(
                port,
                "POST /api/v1/reports HTTP/1.1",
                "{\"x\":\"" + MARKER + "\"}",
                concat(headers, "Content-Type: application/" + MARKER)));
        answers.add(RawHttp.send(
                port,
                "POST /api/v1/reports HTTP/1.1",
                "{" + MARKER,
                concat(headers, "Content-Type: application/json")));
        answers.add(RawHttp.send(
                port,
                "POST /share HTTP/1.1",
                "narrative=" + MARKER + "%FF&" + MARKER + "=%ZZ",
                concat(headers, "Content-Type: application/x-www-form-urlencoded; charset=" + MARKER)));
        answers.add(RawHttp.send(port, "GET /status?key=" + MARKER + "%ZZ HTTP/1.1", (String) null, headers));
        answers.add(RawHttp.send(port, MARKER.toUpperCase() + " /share HTTP/1.1", (String) null, headers));
        answers.add(RawHttp.send(port, "GET /" + MARKER + "%00 HTTP/1.1", (String) null, headers));
        answers.add(RawHttp.send(port, "GET /share/" + MARKER + "%2F HTTP/1.1", (String) null, headers));
        answers.add(RawHttp.send(port, "GET /share?" + MARKER + "=" + "y".repeat(20_000) + " HTTP/1.1", (String) null));
        answers.add(RawHttp.send(port, "GET /share HTTP/1.1", (String) null, "Host: " + MARKER));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isLessThan(500));
        assertThat(output.getAll()).doesNotContainIgnoringCase(MARKER);
    }

    private static String[] concat(String[] headers, String more) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 1);
        all[headers.length] = more;
        return all;
    }
}
