package org.nearmiss.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.Role;
import org.nearmiss.review.Publications;
import org.nearmiss.testing.ApiClient;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analysts' dashboard, its tables as CSV, its API and the readers' summary: who may see which,
 * filters that narrow the count, and bad filters answered field by field.
 */
@AppTest
class AnalysisPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    Publications publications;

    @Autowired
    CodedFacts facts;

    @Autowired
    Accounts accounts;

    @Autowired
    Similarity similarity;

    @Autowired
    JsonMapper json;

    static boolean published;

    @BeforeEach
    void publishOnce() {
        if (!published) {
            for (int i = 0; i < 12; i++) {
                publications.importPublished(
                        new Publications.Imported(
                                "DASH-" + i,
                                "2025-%02d".formatted(1 + i % 12),
                                null,
                                "A fatigued officer on a night traffic stop " + i,
                                List.of(),
                                1,
                                Map.of(
                                        "activity",
                                        i < 8 ? "traffic-control" : "prisoner",
                                        "factors",
                                        i < 8 ? List.of("fatigue", "vehicle-traffic") : List.of("complacency"))),
                        LocalDate.now());
            }
            facts.catchUp();
            published = true;
        }
    }

    @Test
    void analystsSeeTheDashboardWithChartsTablesAndDrillDown() {
        Staff analyst = join(Role.ANALYST);
        HttpResponse<String> page = analyst.web.get("/analysis?activity=traffic-control");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Analysis: contributing factors")
                .contains("<svg class=\"chart\" role=\"img\"")
                .contains("Share of reports with each contributing factor")
                .contains("Fatigue")
                .contains("Factors that occur together")
                .contains("/library?factors=fatigue")
                .contains("/analysis/factors.csv?activity=traffic-control");
        // Only traffic-control reports are counted: the prisoner reports' complacency is at 0.
        assertThat(page.body()).containsPattern("Complacency or routine</a></th>\\s*<td>0</td>");
    }

    @Test
    void everyTableDownloadsAsCsvWithTheFilter() {
        Staff analyst = join(Role.ANALYST);
        for (String table : List.of("factors", "pairs", "activities", "months", "alerts")) {
            HttpResponse<String> csv = analyst.web.get("/analysis/" + table + ".csv?activity=traffic-control");
            assertThat(csv.statusCode()).as(table).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
            assertThat(csv.headers().firstValue("Content-Disposition"))
                    .hasValueSatisfying(d -> assertThat(d).contains("nearmiss-" + table + ".csv"));
        }
        String factors = analyst.web.get("/analysis/factors.csv").body();
        assertThat(factors.lines().findFirst())
                .hasValue("factor,label,reports,share,share_low_95,share_high_95,trend,trend_z,trend_p");
        assertThat(factors).contains("fatigue,Fatigue,");
        assertThat(analyst.web.get("/analysis/secrets.csv").statusCode()).isEqualTo(404);
        assertThat(analyst.web.get("/analysis/factors.csv?from=last-year").statusCode())
                .isEqualTo(400);
    }

    @Test
    void theAnalysisPrintsAsAPdfReportWithItsFilter() throws Exception {
        Staff analyst = join(Role.ANALYST);
        HttpResponse<byte[]> pdf = analyst.web.getBytes("/analysis/report.pdf?activity=traffic-control");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var document = new org.openpdf.text.pdf.PdfReader(pdf.body())) {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                text.append(new org.openpdf.text.pdf.parser.PdfTextExtractor(document).getTextFromPage(page));
            }
            assertThat(text.toString())
                    .contains("Contributing factors in published near misses")
                    .contains("activity=traffic-control")
                    .contains("Emerging risks")
                    .contains("Fatigue")
                    .contains("Factors that occur together");
        }
        assertThat(analyst.web.get("/analysis/report.pdf?to=someday").statusCode())
                .isEqualTo(400);
    }

    @Test
    void badFiltersAreToldByTheirFieldsAndTheRestStillCounts() {
        Staff analyst = join(Role.ANALYST);
        String page = analyst.web
                .get("/analysis?from=2025-13&activity=moon-landing&to=2025-06")
                .body();
        assertThat(page)
                .contains("Some filters need attention")
                .contains("id=\"from-error\"")
                .contains("Write the month as YYYY-MM")
                .contains("id=\"activity-error\"")
                .contains("aria-invalid=\"true\"");
        assertThat(analyst.web.get("/analysis?from=2025-06&to=2025-01").body())
                .contains("The last month comes on or after the first.");
    }

    @Test
    void theApiGivesTheFiguresAndProblemDetailsForBadFilters() throws Exception {
        ApiClient analyst = ApiClient.of(port, join(Role.ANALYST));
        HttpResponse<String> answer = analyst.get("/api/v1/analysis/risk-factors?activity=traffic-control");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode overview = json.readTree(answer.body());
        assertThat(overview.get("reports").asLong()).isGreaterThanOrEqualTo(8);
        assertThat(overview.get("factors").get(0).get("factor").get("value").asString())
                .isIn("fatigue", "vehicle-traffic");
        HttpResponse<String> bad = analyst.get("/api/v1/analysis/risk-factors?factors=telepathy");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"factors\"");
    }

    @Test
    void analystsSeeThemesWithTheirReportsAsAPageCsvAndJson() throws Exception {
        similarity.catchUp();
        Staff analyst = join(Role.ANALYST);
        HttpResponse<String> page = analyst.web.get("/analysis/themes");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>Themes</h1>")
                .contains(" themes among ")
                .contains("/library/reports/NM-");
        HttpResponse<String> csv = analyst.web.get("/analysis/themes.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines().findFirst())
                .hasValue("theme,label,reports,standout_factors,types_of_call,reports_by_year,estimated");
        JsonNode found = json.readTree(
                ApiClient.of(port, analyst).get("/api/v1/analysis/themes").body());
        long total = 0;
        for (JsonNode theme : found.get("themes")) {
            total += theme.get("size").asLong();
            assertThat(theme.get("label").asString()).isNotBlank();
        }
        assertThat(total)
                .as("every report in one theme")
                .isEqualTo(found.get("reports").asLong());
        assertThat(join(Role.READER).web.get("/analysis/themes").statusCode()).isEqualTo(403);
    }

    @Test
    void readersSeeTheSummaryButNotTheDashboard() {
        Staff reader = join(Role.READER);
        HttpResponse<String> summary = reader.web.get("/library/patterns");
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(summary.body())
                .contains("Patterns in the library")
                .contains("Emerging risks")
                .doesNotContain("Factors by type of call");
        assertThat(reader.web.get("/analysis").statusCode()).isEqualTo(403);
        assertThat(reader.web.get("/analysis/factors.csv").statusCode()).isEqualTo(403);
        assertThat(ApiClient.of(port, reader)
                        .get("/api/v1/analysis/risk-factors")
                        .statusCode())
                .isEqualTo(403);
    }

    private Staff join(Role role) {
        return Staff.invitedAs(port, accounts, role);
    }
}
