package org.nearmiss.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.library.LibraryIndex;
import org.nearmiss.review.Publications;
import org.nearmiss.testing.Accessibility;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.Browser;
import org.nearmiss.testing.Staff;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An analyst in Chromium narrows the dashboard to one type of call, reads the figures, drills down to
 * the reports behind a factor and opens one with its similar incidents; every page passes axe-core.
 */
@AppTest
class AnalysisBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Publications publications;

    @Autowired
    LibraryIndex library;

    @Autowired
    Similarity similarity;

    @Autowired
    CodedFacts facts;

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAnalystNarrowsTheDashboardAndDrillsDownToTheReports() {
        browser = Browser.start(true);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 10; i++) {
            publications.importPublished(
                    new Publications.Imported(
                            "BROWSE-" + tag + "-" + i,
                            "2025-%02d".formatted(1 + i),
                            "Crash scene " + i + ": a driver drifts into the closed lane",
                            "While directing traffic around a crash a car drifted into the closed lane and its mirror"
                                    + " struck the officer's arm. Case " + i + ".",
                            List.of("Park upstream as a shield."),
                            1,
                            Map.of(
                                    "activity",
                                    i < 7 ? "traffic-control" : "warrant-service",
                                    "factors",
                                    i < 7 ? List.of("vehicle-traffic", "hazardous-environment") : List.of("tactics"))),
                    LocalDate.now());
        }
        library.catchUp();
        similarity.catchUp();
        facts.catchUp();

        String email = "analyst-" + tag + "@state.gov";
        Staff analyst = Staff.joins(
                port,
                accounts.invite(
                        new SignedIn(AccountId.random(), "admin@state.gov", "Admin", Role.ADMIN), email, Role.ANALYST),
                email,
                "Someone");
        analyst.signInWith(browser, url(""));

        browser.get(url("/analysis"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Analysis: contributing factors");
        assertThat(Accessibility.violations(browser)).as("dashboard").isEmpty();

        browser.findElement(By.linkText("Themes: groups of incidents alike in what happened"))
                .click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Themes");
        assertThat(Accessibility.violations(browser)).as("themes").isEmpty();
        browser.get(url("/analysis"));

        new Select(browser.findElement(By.id("activity"))).selectByValue("traffic-control");
        browser.findElement(By.cssSelector(".analysis-filter button[type=submit]"))
                .click();
        assertThat(browser.getCurrentUrl()).contains("activity=traffic-control");
        assertThat(browser.findElements(By.cssSelector("svg.chart"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.findElement(By.id("factors-heading")).isDisplayed()).isTrue();
        assertThat(Accessibility.violations(browser)).as("dashboard, narrowed").isEmpty();

        new Select(browser.findElement(By.id("activity"))).selectByValue("traffic-control");
        browser.findElement(By.id("from")).sendKeys("2025-99");
        browser.findElement(By.cssSelector(".analysis-filter button[type=submit]"))
                .click();
        assertThat(browser.findElement(By.id("from-error")).getText()).contains("YYYY-MM");
        assertThat(Accessibility.violations(browser))
                .as("dashboard with a mistake")
                .isEmpty();

        browser.findElement(By.linkText("Vehicle or traffic hazard")).click();
        assertThat(browser.getCurrentUrl()).contains("/library").contains("factors=vehicle-traffic");
        browser.findElement(By.cssSelector(".hits h3 a")).click();
        assertThat(browser.findElement(By.id("similar-heading")).getText()).isEqualTo("Similar incidents");
        assertThat(browser.findElements(By.cssSelector(".similar-list .why li")))
                .isNotEmpty();
        assertThat(Accessibility.violations(browser))
                .as("report with similar incidents")
                .isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
