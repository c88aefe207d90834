package org.nearmiss.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.Role;
import org.nearmiss.intake.Intake;
import org.nearmiss.intake.Stories;
import org.nearmiss.review.PublicationFollower;
import org.nearmiss.review.Review;
import org.nearmiss.testing.Accessibility;
import org.nearmiss.testing.Browser;
import org.nearmiss.testing.Outbox;
import org.nearmiss.testing.Staff;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Chromium: an agency asks to take part, an admin approves it, and its coordinator reads the
 * dashboard (hidden figures marked, no report's words) once its reports are in the monthly snapshot,
 * replaces the code and asks for an analysis; every page passes axe-core.
 */
@AgencyAppTest
class AgencyBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Agencies agencies;

    @Autowired
    Accounts accounts;

    @Autowired
    Intake intake;

    @Autowired
    Review review;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<PublicationFollower> followers;

    @Autowired
    MovableClock clock;

    @Value("${nearmiss.data-dir}")
    Path dataDir;

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        clock.reset();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCoordinatorReadsTheAgencyDashboardReplacesTheCodeAndAsksForAnAnalysis() {
        browser = Browser.start(true);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String name = "Lakeside Police " + tag;
        String email = "lakeside-" + tag + "@lakeside.gov";

        browser.get(url("/agencies/join"));
        assertThat(Accessibility.violations(browser)).as("the request form").isEmpty();
        browser.findElement(By.id("name")).sendKeys(name);
        new Select(browser.findElement(By.id("kind"))).selectByValue("MUNICIPAL");
        new Select(browser.findElement(By.id("sizeBand"))).selectByValue("UP_TO_200");
        browser.findElement(By.id("coordinatorName")).sendKeys("Sgt. Lake");
        browser.findElement(By.id("coordinatorEmail")).sendKeys(email);
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        assertThat(browser.findElement(By.id("state-error")).getText()).isEqualTo("Choose the state.");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
        assertThat(Accessibility.violations(browser))
                .as("the request form with a mistake")
                .isEmpty();
        new Select(browser.findElement(By.id("state"))).selectByValue("MN");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        assertThat(browser.findElement(By.id("asked")).getText()).contains(name);

        Staff admin = Staff.invitedAs(port, accounts, Role.ADMIN);
        admin.signInWith(browser, url(""));
        browser.findElement(By.linkText("Agencies")).click();
        assertThat(Accessibility.violations(browser)).as("admin's agencies").isEmpty();
        browser.findElement(By.cssSelector("[data-agency='" + name + "'] button.button"))
                .click();
        assertThat(browser.findElement(By.id("changed")).getText()).startsWith("Approved " + name);
        browser.findElement(By.linkText("Programme")).click();
        assertThat(Accessibility.violations(browser)).as("programme figures").isEmpty();

        Agency agency = agencies.all().stream()
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseThrow();
        AgencyReports reports = new AgencyReports(intake, review, jdbc, followers);
        for (int i = 0; i < 10; i++) {
            reports.publish(
                    Stories.aTypicalStory()
                            .with("factors", i < 5 ? new String[] {"fatigue"} : new String[] {"training"}),
                    agency.code(),
                    "Lesson from the lake " + i);
        }
        reports.catchUp();

        Staff coordinator = Staff.joins(port, Outbox.joinToken(dataDir, email), email, "Sgt. Lake");
        coordinator.signInWith(browser, url(""));
        // The reports count from the next monthly snapshot (signed in first: codes are made from real time).
        clock.moveToNextMonth(2);
        browser.findElement(By.linkText("Your agency")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
        assertThat(browser.findElement(By.id("counted")).getText()).contains("Counted: 10");
        String fatigue = browser.findElement(By.xpath("//table[@id='agency-factors']//tr[th='Fatigue']"))
                .getText();
        assertThat(fatigue).contains("5").contains("50%");
        String complacency = browser.findElement(
                        By.xpath("//table[@id='agency-factors']//tr[th='Complacency or routine']"))
                .getText();
        assertThat(complacency).as("none of 10: hidden").contains("·");
        assertThat(browser.findElement(By.id("lessons-elsewhere")).getText())
                .contains("Lessons are not quoted here")
                .doesNotContain("Lesson from the lake");
        assertThat(Accessibility.violations(browser)).as("the agency dashboard").isEmpty();

        String oldCode = browser.findElement(By.id("agency-code")).getText();
        browser.findElement(By.xpath("//button[text()='Replace the code']")).click();
        assertThat(browser.findElement(By.id("agency-code")).getText()).isNotEqualTo(oldCode);

        browser.findElement(By.linkText("Ask for an analysis")).click();
        browser.findElement(By.id("title")).sendKeys("Fatigue on late shifts");
        browser.findElement(By.id("body")).sendKeys("How often is fatigue named on calls after midnight?");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        assertThat(browser.findElement(By.id("request-status")).getText()).isEqualTo("Waiting for an analyst");
        assertThat(Accessibility.violations(browser)).as("the request thread").isEmpty();
        browser.findElement(By.linkText("All requests")).click();
        assertThat(browser.findElement(By.id("request-list")).getText()).contains("Fatigue on late shifts");
        assertThat(Accessibility.violations(browser)).as("the requests").isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
