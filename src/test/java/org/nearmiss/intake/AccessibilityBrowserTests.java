package org.nearmiss.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.accounts.Totps;
import org.nearmiss.testing.Accessibility;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every page a reporter sees passes axe-core's WCAG 2.2 A and AA rules with no violation. */
@AppTest
class AccessibilityBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Intake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theReportersPagesHaveNoAccessibilityViolations() {
        browser = Browser.start(true);

        open("/");
        open("/share");
        open("/status");
        open("/no/such/page");

        browser.get(url("/share"));
        browser.findElement(By.cssSelector("#share-form .send button")).click();
        assertThat(browser.findElement(By.id("error-summary")).isDisplayed()).isTrue();
        assertThat(Accessibility.violations(browser)).as("form with errors").isEmpty();

        ReportKey key = intake.file(1, Stories.aTypicalStory().asMap());
        intake.askReporter(idOf(key), "Where was your partner?");
        browser.get(url("/status"));
        browser.findElement(By.id("report-key-input")).sendKeys(key.display());
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        assertThat(browser.findElement(By.id("reply-text")).isDisplayed()).isTrue();
        assertThat(Accessibility.violations(browser))
                .as("status with a question")
                .isEmpty();

        browser.get(url("/status"));
        browser.findElement(By.id("report-key-input")).sendKeys("0000");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        assertThat(Accessibility.violations(browser))
                .as("status with an unknown key")
                .isEmpty();
    }

    @Test
    void thePageThatShowsTheKeyHasNoAccessibilityViolations() {
        browser = Browser.start(true);
        browser.get(url("/share"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("q-activity"))).selectByValue("ambush");
        browser.findElement(By.id("q-incidentMonth")).sendKeys("March", "\t", "2026");
        browser.findElement(By.cssSelector("label[for=q-injuryPotential]")).click();
        browser.findElement(By.id("q-narrative")).sendKeys(Stories.NARRATIVE);
        browser.findElement(By.cssSelector("#share-form .send button")).click();

        assertThat(browser.findElement(By.id("report-key")).getText()).isNotBlank();
        assertThat(Accessibility.violations(browser)).isEmpty();
    }

    @Test
    void theSignInAndJoinPagesHaveNoAccessibilityViolations() {
        browser = Browser.start(true);
        open("/login");
        open("/signup");
        open("/enrol");
        open("/password/reset");
        String token = accounts.invite(
                new SignedIn(AccountId.random(), "admin@state.gov", "Admin", Role.ADMIN),
                "new@state.gov",
                Role.REVIEWER);
        open("/join/" + token);

        browser.get(url("/join/" + token));
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        assertThat(browser.findElement(By.id("error-summary")).isDisplayed()).isTrue();
        assertThat(Accessibility.violations(browser)).as("join with errors").isEmpty();

        browser.findElement(By.id("displayName")).sendKeys("New Reviewer");
        browser.findElement(By.id("password")).sendKeys("correct horse battery staple");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        assertThat(browser.findElement(By.id("totp-secret")).isDisplayed()).isTrue();
        assertThat(Accessibility.violations(browser))
                .as("second factor enrolment")
                .isEmpty();
    }

    @Test
    void theSignedInPagesHaveNoAccessibilityViolations() {
        browser = Browser.start(true);
        String token = accounts.invite(
                new SignedIn(AccountId.random(), "admin@state.gov", "Admin", Role.ADMIN), "boss@state.gov", Role.ADMIN);
        browser.get(url("/join/" + token));
        browser.findElement(By.id("displayName")).sendKeys("Boss");
        browser.findElement(By.id("password")).sendKeys("correct horse battery staple");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        String secret = browser.findElement(By.id("totp-secret")).getText().replace("-", "");
        browser.findElement(By.id("code")).sendKeys(Totps.codeNow(secret));
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        assertThat(browser.findElements(By.cssSelector(".recovery-codes li"))).hasSize(10);
        assertThat(Accessibility.violations(browser)).as("recovery codes").isEmpty();

        open("/account");
        open("/admin/accounts");
        open("/admin/audit");
        open("/agency/readers");
    }

    @Test
    void theCheckItselfFindsViolationsWhereThereAreSome() {
        browser = Browser.start(true);
        browser.get("data:text/html,<html><body><input type=text><img src=x></body></html>");

        assertThat(Accessibility.violations(browser))
                .anySatisfy(v -> assertThat(v).startsWith("label "))
                .anySatisfy(v -> assertThat(v).startsWith("html-has-lang "));
    }

    private void open(String path) {
        browser.get(url(path));
        assertThat(Accessibility.violations(browser)).as(path).isEmpty();
    }

    private ReportId idOf(ReportKey key) {
        return FiledReports.idOf(jdbc, key);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
