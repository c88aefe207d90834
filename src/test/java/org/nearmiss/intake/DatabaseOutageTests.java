package org.nearmiss.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.Http;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** While the database is away, reporters are told to try again (503), never shown a key or a 500. */
@AppTest
class DatabaseOutageTests {

    @LocalServerPort
    int port;

    @MockitoSpyBean
    Reports reports;

    @AfterEach
    void databaseBack() {
        reset(reports);
    }

    @Test
    void filingWhileTheDatabaseIsDownAnswersServiceUnavailable() {
        doThrow(new CannotGetJdbcConnectionException("connection refused"))
                .when(reports)
                .addAll(any());
        Http http = new Http(port);

        HttpResponse<String> api =
                http.postJson("/api/v1/reports", Stories.aTypicalStory().asJson(1));
        HttpResponse<String> form =
                http.postForm("/share", Stories.aTypicalStory().asForm(1));

        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(api.body()).doesNotContain("reportKey").doesNotContain("connection refused");
        assertThat(form.statusCode()).isEqualTo(503);
        assertThat(form.body()).contains("Nothing was saved").doesNotContain("report-key");
    }
}
