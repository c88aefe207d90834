package org.nearmiss.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reporter's pages as a browser without JavaScript gets them. */
@AppTest
class SharePagesTests {

    private static final Pattern KEY = Pattern.compile("([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Intake intake;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theHomePageSaysWhatANearMissIsAndWhatHappensAndPromisesAnonymity() {
        HttpResponse<String> home = http.get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body())
                .contains("near miss")
                .contains("What happens to your report")
                .contains("Anonymous.")
                .contains("Non-punitive.")
                .contains("Independent.")
                .contains("href=\"/share\"")
                .contains("Read the lessons");
    }

    @Test
    void theFormShowsEveryQuestionWithALabelTiedToItsControlInAtMostThreeSteps() {
        HttpResponse<String> form = http.get("/share");
        String html = form.body();

        assertThat(form.statusCode()).isEqualTo(200);
        Questionnaire questionnaire = new Questionnaires().current();
        for (Question q : questionnaire.questions()) {
            assertThat(html).contains("id=\"q-" + q.id() + "\"");
            assertThat(html).contains(q.label());
            boolean grouped = q.type() == QuestionType.MULTI
                    || (q.type() == QuestionType.SINGLE && q.options().size() <= 8);
            if (!grouped) {
                assertThat(html).contains("for=\"q-" + q.id() + "\"");
            }
        }
        assertThat(html).contains("Step 3 of 3").doesNotContain("Step 4");
        assertThat(html).contains("name=\"questionnaireVersion\" value=\"1\"").contains("novalidate");
        assertThat(html).contains("autocomplete=\"off\"");
    }

    @Test
    void everyAssetComesFromThisOrigin() {
        for (String page : new String[] {"/", "/share", "/status"}) {
            String html = http.get(page).body();
            Matcher refs = Pattern.compile("(?:src|href|action)=\"([^\"]*)\"").matcher(html);
            while (refs.find()) {
                assertThat(refs.group(1)).as(page).matches("(/|#).*");
            }
        }
        assertThat(http.get("/css/nearmiss.css").statusCode()).isEqualTo(200);
        assertThat(http.get("/js/share.js").statusCode()).isEqualTo(200);
    }

    @Test
    void theFormsFirstLoadWeighsUnderFortyKilobytesCompressed() {
        HttpResponse<String> page = http.get("/share");
        long total = gzippedSize("/share");
        Matcher assets = Pattern.compile("(?:src|href)=\"(/(?:css|js)/[^\"]+|/favicon[^\"]*)\"")
                .matcher(page.body());
        int count = 0;
        while (assets.find()) {
            total += gzippedSize(assets.group(1));
            count++;
        }
        assertThat(count).isEqualTo(3);
        assertThat(total).isLessThanOrEqualTo(40 * 1024);
    }

    private long gzippedSize(String path) {
        HttpResponse<byte[]> response = http.sendForBytes(http.request(path).header("Accept-Encoding", "gzip"));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body().length;
    }

    @Test
    void missingAnswersReRenderTheFormWithMessagesTiedToFieldsAndKeepWhatWasTyped() {
        long before = reportCount();

        HttpResponse<String> response = http.postForm(
                "/share",
                Stories.aTypicalStory()
                        .without("activity")
                        .with("officersOnScene", "lots")
                        .asForm(1));
        String html = response.body();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(html).contains("class=\"error-summary\"").contains("role=\"alert\"");
        assertThat(html).contains("href=\"#q-activity\"").contains("href=\"#q-officersOnScene\"");
        assertThat(html).containsPattern("id=\"q-activity-error\"");
        assertThat(html)
                .containsPattern(
                        "<select id=\"q-activity\"[^>]*aria-describedby=\"[^\"]*q-activity-error\"[^>]*aria-invalid=\"true\"");
        assertThat(html).contains("We stopped a car for a broken tail light");
        assertThat(html).containsPattern("value=\"concealed-weapon\"\\s+checked");
        assertThat(reportCount()).isEqualTo(before);
    }

    @Test
    void whatAReporterTypesIsShownAsTextNeverAsMarkup() {
        String attack = "<script>alert('x')</script><img src=x onerror=alert(1)> and more words to be long enough";
        HttpResponse<String> response = http.postForm(
                "/share",
                Stories.aTypicalStory()
                        .without("activity")
                        .with("narrative", attack)
                        .asForm(1));

        assertThat(response.body()).doesNotContain("<script>alert").doesNotContain("<img src=x");
        assertThat(response.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void uploadsAreNeverAcceptedAndStoreNothing() {
        long before = reportCount();
        String boundary = "nearmissboundary";
        String multipart =
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"activity\"\r\n\r\ntraffic-stop\r\n"
                        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.exe\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\nMZ\u0000\u0001\r\n--" + boundary + "--\r\n";

        for (String path : new String[] {"/share", "/api/v1/reports"}) {
            HttpResponse<String> response = http.send(http.request(path)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(multipart)));
            assertThat(response.statusCode()).as(path).isIn(400, 415);
        }
        assertThat(reportCount()).isEqualTo(before);
    }

    @Test
    void aSentReportShowsItsKeyOnceAndTheKeyOpensTheStatusPage() {
        HttpResponse<String> filed =
                http.postForm("/share", Stories.aTypicalStory().asForm(1));

        assertThat(filed.statusCode()).isEqualTo(200);
        assertThat(filed.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        Matcher key = KEY.matcher(filed.body());
        assertThat(key.find()).isTrue();
        assertThat(filed.body()).contains("shown only this once");

        HttpResponse<String> status = http.postForm(
                "/status", "reportKey=" + key.group().toLowerCase().replace("-", "+"));
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("Received, waiting for review");
    }

    @Test
    void anUnknownKeyOnTheStatusPageGetsAMessageAtTheField() {
        HttpResponse<String> status = http.postForm("/status", "reportKey=0000-0000-0000-0000-0000-0000-0000");

        assertThat(status.statusCode()).isEqualTo(404);
        assertThat(status.body()).contains("No report has this key").contains("aria-invalid=\"true\"");
    }

    @Test
    void theReporterAnswersAReviewersQuestionOnTheStatusPage() {
        ReportKey key = intake.file(1, Stories.aTypicalStory().asMap());
        ReportId id = FiledReports.idOf(jdbc, key);
        intake.askReporter(id, "Where was <b>your</b> partner standing?");

        String page = http.postForm("/status", "reportKey=" + key.display()).body();
        assertThat(page).contains("A reviewer has a question for you").contains("Where was &lt;b&gt;your&lt;/b&gt;");
        assertThat(page).contains("action=\"/status/reply\"");

        HttpResponse<String> empty = http.postForm("/status/reply", "reportKey=" + key.display() + "&text=");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Write an answer");

        HttpResponse<String> sent =
                http.postForm("/status/reply", "reportKey=" + key.display() + "&text=By+the+trunk.");
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body())
                .contains("Your answer was sent")
                .contains("By the trunk.")
                .contains("Being reviewed");
    }

    private long reportCount() {
        return jdbc.sql("select count(*) from report").query(Long.class).single();
    }
}
