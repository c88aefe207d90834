package org.nearmiss.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.Browser;
import org.nearmiss.testing.TempDataDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Anonymity end to end: a report filed through a real browser with a distinctive user agent and a
 * cookie leaves no trace of either in the database, the data dir or the log.
 */
@AppTest
@ExtendWith(OutputCaptureExtension.class)
class AnonymityInBrowserTests {

    private static final String AGENT = "NearmissProbeBrowser/4d9a1e";
    private static final String COOKIE = "probe-browser-cookie-8b3f0c";
    private static final String NARRATIVE = "Browser probe 5e2d: " + Stories.NARRATIVE;

    @LocalServerPort
    int port;

    @Value("${" + TempDataDir.PROPERTY + "}")
    Path dataDir;

    @Autowired
    JdbcClient jdbc;

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReportFiledInABrowserLeavesNoTraceOfTheBrowser(CapturedOutput output) throws IOException {
        browser = Browser.start(true, "--user-agent=" + AGENT);
        browser.get("http://localhost:" + port + "/");
        browser.manage().addCookie(new Cookie("probe", COOKIE));
        browser.findElement(By.linkText("Share your story")).click();
        new Select(browser.findElement(By.id("q-activity"))).selectByValue("foot-pursuit");
        browser.findElement(By.id("q-incidentMonth")).sendKeys("March", "\t", "2026");
        browser.findElement(By.cssSelector("label[for=q-injuryPotential]")).click();
        browser.findElement(By.id("q-narrative")).sendKeys(NARRATIVE);
        browser.findElement(By.cssSelector("#share-form .send button")).click();
        assertThat(browser.findElement(By.id("report-key")).getText()).isNotBlank();

        String database =
                String.join("\n", jdbc.sql("script").query(String.class).list());
        String files = TempDataDir.everyFileIn(dataDir);
        String log = output.getAll();
        assertThat(database).contains("foot-pursuit");
        for (String trace : List.of(AGENT, COOKIE, "127.0.0.1", "HeadlessChrome")) {
            assertThat(database).as("database").doesNotContain(trace);
            assertThat(files).as("data dir").doesNotContain(trace);
            assertThat(log).as("log").doesNotContain(trace);
        }
        assertThat(files).doesNotContain("Browser probe 5e2d");
        assertThat(log).doesNotContain("Browser probe 5e2d");
    }
}
