package org.nearmiss.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.nearmiss.testing.Http;
import org.nearmiss.testing.PostgresDataSource;
import org.nearmiss.testing.TempDataDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** The whole filing path on PostgreSQL, as production runs it. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "nearmiss.intake.status-floor=0ms")
@ContextConfiguration(initializers = {TempDataDir.class, PostgresDataSource.class})
class IntakeOnPostgresTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReportIsFiledAndFollowedOnPostgres() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        Http http = new Http(port);

        HttpResponse<String> filed =
                http.postJson("/api/v1/reports", Stories.aTypicalStory().asJson(1));
        assertThat(filed.statusCode()).isEqualTo(201);
        String key = filed.body().replaceAll(".*\"reportKey\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> status = http.postJson("/api/v1/reports/status", "{\"reportKey\":\"" + key + "\"}");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"state\":\"filed\"");

        HttpResponse<String> refused = http.postJson(
                "/api/v1/reports", Stories.aTypicalStory().without("narrative").asJson(1));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from report").query(Long.class).single())
                .isEqualTo(1L);
        assertThat(http.get("/actuator/health").body()).contains("UP");
    }
}
