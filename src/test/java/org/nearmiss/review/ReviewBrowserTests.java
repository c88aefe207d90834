package org.nearmiss.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.intake.Intake;
import org.nearmiss.intake.ReportId;
import org.nearmiss.intake.ReportKey;
import org.nearmiss.intake.ReportState;
import org.nearmiss.intake.Stories;
import org.nearmiss.testing.Accessibility;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.Browser;
import org.nearmiss.testing.ReportIds;
import org.nearmiss.testing.Staff;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Both stages in Chromium by two different people, with every review page checked by axe-core:
 * the queue, stage 1 with the assistant's marks, a refused step, stage 2, the published result; and
 * stage 2's warning of rare circumstances with its one-click coarsening.
 */
@AppTest
class ReviewBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Intake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Review review;

    @Autowired
    Publications publications;

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReviewerAndAnApproverPublishAReportInTheBrowser() {
        browser = Browser.start(true);
        Staff reviewer = join(Role.REVIEWER);
        Staff approver = join(Role.APPROVER);
        ReportKey key = intake.file(
                1,
                Stories.aTypicalStory().with("narrative", ReviewFlowTests.STORY).asMap());
        String id = ReportIds.idOf(jdbc, key).toString();

        signInAs(reviewer);
        browser.get(url("/review"));
        assertAccessible("queue");
        assertThat(browser.getPageSource()).as("queue").contains(id.substring(0, 8));
        browser.findElement(By.linkText(id.substring(0, 8))).click();
        assertThat(browser.findElement(By.id("original-narrative")).findElements(By.tagName("mark")))
                .isNotEmpty();
        assertAccessible("stage 1");

        // Drop the first mark and apply: its words come back into the draft.
        browser.findElement(By.id("accept0")).click();
        browser.findElement(By.cssSelector("form[action$='/marks'] button[type=submit]"))
                .click();
        assertThat(Browser.textOf(browser, By.id("done"))).contains("Marks applied");
        assertThat(browser.findElement(By.id("narrative")).getAttribute("value"))
                .contains("Dan Ruiz");

        // Sending on without a title is refused beside the title field.
        browser.findElement(By.cssSelector("#stage-1-form button[value=submit]"))
                .click();
        assertThat(Browser.textOf(browser, By.id("title-error"))).contains("title");
        assertAccessible("stage 1 with a refused step");

        browser.findElement(By.id("title")).sendKeys("Hidden passenger hides handgun at night stop");
        browser.findElement(By.id("narrative")).clear();
        browser.findElement(By.id("narrative"))
                .sendKeys("[OFFICER 1] and I stopped a car after dark. [OFFICER 1] saw a handgun.");
        browser.findElement(By.cssSelector("#stage-1-form button[value=submit]"))
                .click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(
                        By.id("stage"), Stage.STAGE_2.label()));
        assertThat(Browser.textOf(browser, By.id("not-yours"))).contains("another approver");

        signInAs(approver);
        browser.get(url("/review/cases/" + id));
        assertAccessible("stage 2");
        browser.findElement(By.id("lessons")).clear();
        browser.findElement(By.id("lessons")).sendKeys("Watch every occupant's hands.\nLight up the back seat.");
        browser.findElement(By.id("takeaways")).sendKeys("Every occupant is a possible threat.");
        browser.findElement(By.id("narrative")).sendKeys(" Sgt. Maria Lopez called me at 555-201-3344.");
        browser.findElement(By.cssSelector("#stage-2-form button[value=publish]"))
                .click();

        // Refused at the marks, the typed text kept: the approver fixes the phone and keeps the name.
        assertThat(Browser.textOf(browser, By.id("identifying-error"))).contains("may identify someone");
        assertThat(Browser.textOf(browser, By.id("identifying")))
                .contains("Maria Lopez")
                .contains("a phone number");
        assertThat(browser.findElement(By.id("narrative")).getDomProperty("value"))
                .contains("555-201-3344");
        assertAccessible("stage 2 refused for identifying words");
        browser.findElement(By.id("narrative")).clear();
        browser.findElement(By.id("narrative"))
                .sendKeys("[OFFICER 1] and I stopped a car after dark. [OFFICER 1] saw a handgun."
                        + " Sgt. Maria Lopez called me.");
        for (org.openqa.selenium.WebElement mark :
                browser.findElements(By.cssSelector("#identifying .identifying-mark"))) {
            if (!mark.getText().contains("555")) {
                mark.findElement(By.cssSelector("input[type=text]"))
                        .sendKeys("Her name is in the agency's public press release.");
            }
        }
        publishAsItIsIfRare();
        browser.findElement(By.cssSelector("#stage-2-form button[value=publish]"))
                .click();

        assertThat(Browser.textOf(browser, By.id("published"))).containsPattern("NM-\\d{4}-\\d{5}");
        assertThat(Browser.textOf(browser, By.id("published-heading")))
                .isEqualTo("Hidden passenger hides handgun at night stop");
        assertThat(Browser.textOf(browser, By.id("kept")))
                .contains("Maria Lopez")
                .contains("Her name is in the agency's public press release.")
                .doesNotContain("555");
        assertAccessible("published");
        assertThat(intake.status(key.display()).state()).isEqualTo(ReportState.PUBLISHED);
    }

    @Test
    void anApproverIsWarnedOfRareCircumstancesAndCoarsensThemInOneClick() {
        browser = Browser.start(true);
        Staff approver = join(Role.APPROVER);
        // No other test publishes in 1991: this report is the only one of its kind.
        ReportId id = ReportIds.idOf(
                jdbc, intake.file(1, ReviewFlowTests.pursuit("1991-08").asMap()));
        SignedIn stageOne = new SignedIn(AccountId.random(), "one@state.gov", "One", Role.REVIEWER);
        review.saveStageOne(
                id,
                stageOne,
                null,
                "A foot pursuit in the dark",
                "[OFFICER 1] ran after him.",
                "Radio first.",
                List.of("UA-SKILL"),
                true);

        signInAs(approver);
        browser.get(url("/review/cases/" + id.value()));
        assertThat(Browser.textOf(browser, By.id("risk-warning")))
                .contains("Shared by no published report (fewer than 5 with this one)")
                .contains("could point at the officer");
        assertThat(Browser.textOf(browser, By.id("risk-incidentMonth"))).isEqualTo("1991-08");
        assertAccessible("stage 2 warning of rare circumstances");

        // Publishing is refused beside the box that would publish them as they are.
        browser.findElement(By.cssSelector("#stage-2-form button[value=publish]"))
                .click();
        assertThat(Browser.textOf(browser, By.id("acknowledgeRisk-error"))).contains("fewer than 5");
        assertAccessible("stage 2 refused for rare circumstances");

        // One click each: the quarter instead of the month, then no time of day; the page counts again.
        browser.findElement(By.id("coarsen-incidentMonth-quarter")).click();
        assertThat(Browser.textOf(browser, By.id("done"))).contains("Circumstances changed for publication");
        assertThat(Browser.textOf(browser, By.id("risk-incidentMonth")))
                .isEqualTo("July–September 1991 (coarsened for publication)");
        browser.findElement(By.id("coarsen-timeOfDay-not-stated")).click();
        assertThat(Browser.textOf(browser, By.id("risk-timeOfDay"))).startsWith("Not stated");
        assertThat(Browser.textOf(browser, By.id("risk-warning"))).contains("Shared by no published report");

        // Still the only one of its kind: the approver publishes it as it is.
        publishAsItIsIfRare();
        browser.findElement(By.cssSelector("#stage-2-form button[value=publish]"))
                .click();
        assertThat(Browser.textOf(browser, By.id("published"))).containsPattern("NM-\\d{4}-\\d{5}");
        ReportPublished published = publications.of(id).orElseThrow();
        assertThat(published.incidentMonth()).isEqualTo("1991-Q3");
        assertThat(published.answers()).doesNotContainKey("timeOfDay");
    }

    /** Ticks "publish these circumstances as they are" when the page warns that they are rare. */
    private void publishAsItIsIfRare() {
        for (org.openqa.selenium.WebElement box : browser.findElements(By.id("acknowledgeRisk"))) {
            if (!box.isSelected()) {
                box.click();
            }
        }
    }

    private void signInAs(Staff staff) {
        staff.signInWith(browser, url(""));
    }

    private Staff join(Role role) {
        String email =
                role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@state.gov";
        SignedIn admin = new SignedIn(AccountId.random(), "test-admin@state.gov", "Test admin", Role.ADMIN);
        return Staff.joins(port, accounts.invite(admin, email, role), email, "Someone");
    }

    private void assertAccessible(String what) {
        assertThat(Accessibility.violations(browser)).as(what).isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
