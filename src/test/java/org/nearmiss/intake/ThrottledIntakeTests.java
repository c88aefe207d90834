package org.nearmiss.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.nearmiss.testing.Http;
import org.nearmiss.testing.TempDataDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** Floods get 429 with a hint when to retry, as problem details for the API and a page for the form. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"nearmiss.throttle.filings=2", "nearmiss.throttle.lookups=2", "nearmiss.intake.status-floor=0ms"})
@ContextConfiguration(initializers = TempDataDir.class)
class ThrottledIntakeTests {

    @LocalServerPort
    int port;

    @Test
    void aFloodOfFilingsIsTurnedAwayWithRetryAfter() {
        Http http = new Http(port);
        String story = Stories.aTypicalStory().asJson(1);

        assertThat(http.postJson("/api/v1/reports", story).statusCode()).isEqualTo(201);
        assertThat(http.postJson("/api/v1/reports", story).statusCode()).isEqualTo(201);
        HttpResponse<String> flooded = http.postJson("/api/v1/reports", story);
        HttpResponse<String> floodedForm =
                http.postForm("/share", Stories.aTypicalStory().asForm(1));

        assertThat(flooded.statusCode()).isEqualTo(429);
        assertThat(flooded.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(flooded.headers().firstValue("Retry-After")).isPresent();
        assertThat(floodedForm.statusCode()).isEqualTo(429);
        assertThat(floodedForm.body()).contains("Too many requests");
    }

    @Test
    void guessingKeysIsTurnedAwayToo() {
        Http http = new Http(port);
        int last = 0;
        for (int i = 0; i < 3; i++) {
            last = http.postJson("/api/v1/reports/status", "{\"reportKey\":\"0000\"}")
                    .statusCode();
        }
        assertThat(last).isEqualTo(429);
    }
}
