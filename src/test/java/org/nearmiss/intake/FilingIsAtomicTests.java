package org.nearmiss.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** A key is only ever shown for a committed report: a failure while storing leaves nothing behind. */
@AppTest
class FilingIsAtomicTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @MockitoSpyBean
    Reports reports;

    @Test
    void aFailureAfterTheFirstWriteShowsNoKeyAndLeavesNoHalfReport() {
        doAnswer(call -> {
                    call.callRealMethod();
                    throw new IllegalStateException("the disk filled up just after the insert");
                })
                .when(reports)
                .addAll(any());

        HttpResponse<String> response = new Http(port)
                .postJson("/api/v1/reports", Stories.aTypicalStory().asJson(1));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body())
                .doesNotContain("reportKey")
                .doesNotContain("disk filled")
                .contains("Nothing was saved");
        assertThat(jdbc.sql("select count(*) from report").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from report_data_key")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
