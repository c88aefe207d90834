package org.nearmiss.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.Http;
import org.nearmiss.testing.TempDataDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PRODUCT.md invariant 1: nothing from the reporter's request is kept anywhere, and the reporter's
 * routes neither create nor consult a session.
 */
@AppTest
@ExtendWith(OutputCaptureExtension.class)
class AnonymityTests {

    private static final String AGENT = "NearmissProbeAgent/7f3a9c";
    private static final String FORWARDED = "203.0.113.199";
    private static final String REFERRER = "https://referrer.invalid/probe-9c1e4b";
    private static final String COOKIE_VALUE = "probe-cookie-5d2b8e";

    private static final String[] REVEALING_HEADERS = {
        "User-Agent", AGENT,
        "X-Forwarded-For", FORWARDED,
        "X-Real-IP", FORWARDED,
        "Forwarded", "for=" + FORWARDED,
        "Referer", REFERRER,
        "Cookie", "JSESSIONID=" + COOKIE_VALUE + "; SESSION=" + COOKIE_VALUE
    };

    @LocalServerPort
    int port;

    @Value("${" + TempDataDir.PROPERTY + "}")
    Path dataDir;

    @Autowired
    JdbcClient jdbc;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void reporterRoutesSetNoCookieEvenWhenTheBrowserSendsSessionCookies() {
        List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(http.get("/", REVEALING_HEADERS));
        responses.add(http.get("/share", REVEALING_HEADERS));
        responses.add(http.get("/status", REVEALING_HEADERS));
        responses.add(http.get("/api/v1/questionnaire", REVEALING_HEADERS));
        responses.add(http.postForm("/share", Stories.aTypicalStory().asForm(1), REVEALING_HEADERS));
        responses.add(http.postForm("/share", "questionnaireVersion=1", REVEALING_HEADERS));
        responses.add(http.postForm("/status", "reportKey=0000", REVEALING_HEADERS));
        responses.add(http.postJson("/api/v1/reports", Stories.aTypicalStory().asJson(1), REVEALING_HEADERS));
        responses.add(http.postJson("/api/v1/reports/status", "{\"reportKey\":\"x\"}", REVEALING_HEADERS));

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).isLessThan(500);
            assertThat(response.headers().allValues("Set-Cookie"))
                    .as(response.uri().toString())
                    .isEmpty();
        });
        assertThat(responses.get(4).statusCode()).isEqualTo(200);
        assertThat(responses.get(7).statusCode()).isEqualTo(201);
    }

    @Test
    void nothingOfTheRequestReachesTheDatabaseTheDataDirOrTheLog(CapturedOutput output) throws IOException {
        String narrative = "Distinctive narrative 4e1f: the suspect hid a blade in the sleeve of his jacket.";
        assertThat(http.postJson(
                                "/api/v1/reports",
                                Stories.aTypicalStory()
                                        .with("narrative", narrative)
                                        .asJson(1),
                                REVEALING_HEADERS)
                        .statusCode())
                .isEqualTo(201);
        assertThat(http.postForm(
                                "/share",
                                Stories.aTypicalStory()
                                        .with("narrative", narrative)
                                        .asForm(1),
                                REVEALING_HEADERS)
                        .statusCode())
                .isEqualTo(200);

        List<String> dump = jdbc.sql("script nodata").query(String.class).list();
        List<String> rows = jdbc.sql(
                        "select cast(id as varchar) || ' ' || filed_on || ' ' || coded_answers from report")
                .query(String.class)
                .list();
        String database = String.join("\n", dump) + "\n" + String.join("\n", rows);
        String files = TempDataDir.everyFileIn(dataDir);
        String log = output.getAll();

        for (String revealing : List.of(AGENT, FORWARDED, REFERRER, COOKIE_VALUE, "127.0.0.1")) {
            assertThat(database).as("database").doesNotContain(revealing);
            assertThat(files).as("data dir").doesNotContain(revealing);
            assertThat(log).as("log").doesNotContain(revealing);
        }
        // The words themselves are sealed at rest, and never logged.
        assertThat(files).doesNotContain("Distinctive narrative 4e1f");
        assertThat(log).doesNotContain("Distinctive narrative 4e1f");
    }

    @Test
    void theDayOfFilingIsKeptNeverTheInstant() {
        http.postJson("/api/v1/reports", Stories.aTypicalStory().asJson(1));

        List<String> columns = jdbc.sql("""
                        select table_name || '.' || column_name || ' ' || data_type from information_schema.columns
                        where table_schema = 'PUBLIC' and table_name like 'REPORT%'""").query(String.class).list();
        assertThat(columns).isNotEmpty().noneMatch(c -> c.toUpperCase().contains("TIME"));
        assertThat(columns).anyMatch(c -> c.startsWith("REPORT.FILED_ON DATE"));
    }
}
