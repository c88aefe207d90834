package org.nearmiss.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.Http;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The JSON API is described by OpenAPI, and Swagger UI is served from our own origin. */
@AppTest
class ApiDocsTests {

    @LocalServerPort
    int port;

    @Test
    void theApiIsDescribedAndBrowsableWithoutAnyOtherOrigin() {
        Http http = new Http(port);
        HttpResponse<String> docs = http.get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body())
                .contains("\"openapi\"")
                .contains("/api/v1/reports")
                .contains("/api/v1/library/reports")
                .contains("/api/v1/review/cases/{id}/decision")
                .doesNotContain("\"/library\"")
                .doesNotContain("\"/share\"");

        HttpResponse<String> entry = http.get("/api/docs");
        assertThat(entry.statusCode()).isEqualTo(302);
        assertThat(entry.headers().firstValue("Location")).hasValue("/api/swagger-ui/index.html");
        HttpResponse<String> ui = http.get("/api/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui").doesNotContainPattern("(src|href)=\"https?://");
        HttpResponse<String> initializer = http.get("/api/swagger-ui/swagger-initializer.js");
        assertThat(initializer.body())
                .contains("/v3/api-docs")
                .doesNotContain("petstore")
                .doesNotContain("validator.swagger.io");
        assertThat(docs.body()).contains("Nearmiss API").contains("bearer");
        assertThat(ui.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
    }

    @Test
    void swaggerUiRendersTheApiInChromiumUnderOurContentSecurityPolicy() {
        org.openqa.selenium.WebDriver browser = org.nearmiss.testing.Browser.start(true);
        try {
            browser.get("http://localhost:" + port + "/api/docs");
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                    .until(d -> !d.findElements(org.openqa.selenium.By.cssSelector(".opblock"))
                            .isEmpty());
            assertThat(browser.findElement(org.openqa.selenium.By.cssSelector(".info .title"))
                            .getText())
                    .contains("Nearmiss API");
        } finally {
            browser.quit();
        }
    }
}
