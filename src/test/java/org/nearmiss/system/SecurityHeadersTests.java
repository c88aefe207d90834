package org.nearmiss.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.Http;
import org.springframework.boot.test.web.server.LocalServerPort;

@AppTest
class SecurityHeadersTests {

    @LocalServerPort
    int port;

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        Http http = new Http(port);
        for (HttpResponse<String> response : new HttpResponse[] {
            http.get("/"), http.get("/share"), http.get("/api/v1/questionnaire"), http.get("/no/such/page")
        }) {
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("default-src 'self'")
                            .contains("script-src 'self'")
                            .contains("frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline")
                            .doesNotContain("http"));
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        }
    }

    @Test
    void healthIsUpAndNothingElseOfTheActuatorIsOpen() {
        Http http = new Http(port);
        HttpResponse<String> health = http.get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components");
        assertThat(http.get("/actuator/env").statusCode()).isIn(302, 401, 403, 404);
        assertThat(http.get("/actuator").statusCode()).isIn(302, 401, 403, 404);
    }

    @Test
    void addressesWithoutARuleSendAnonymousVisitorsToSignInAndApiClientsAProblem() {
        Http http = new Http(port);
        HttpResponse<String> page = http.get("/admin/secret", "Accept", "text/html");
        HttpResponse<String> api = http.get("/api/v1/secret", "Accept", "application/json");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(api.body()).doesNotContain("Exception");
    }
}
