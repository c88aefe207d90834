package org.nearmiss.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.testing.Accessibility;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.Browser;
import org.nearmiss.testing.Staff;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reader searches, narrows by a facet and opens a report in Chromium; every page passes axe-core. */
@AppTest
class LibraryBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ImportCommand importer;

    @Autowired
    LibraryIndex index;

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReaderSearchesNarrowsAndReadsAReport() throws Exception {
        try (var in = new BufferedReader(new InputStreamReader(
                LibraryBrowserTests.class.getResourceAsStream("/library/sample.jsonl"), StandardCharsets.UTF_8))) {
            importer.importLines(in, new PrintWriter(new StringWriter()));
        }
        index.catchUp();
        browser = Browser.start(true);
        String email = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@state.gov";
        Staff reader = Staff.joins(
                port,
                accounts.invite(
                        new SignedIn(AccountId.random(), "admin@state.gov", "Admin", Role.ADMIN), email, Role.ANALYST),
                email,
                "Someone");
        reader.signInWith(browser, url(""));

        browser.get(url("/library"));
        assertThat(Accessibility.violations(browser)).as("library").isEmpty();
        browser.findElement(By.id("q")).sendKeys("handgun");
        browser.findElement(By.cssSelector("label[for^='activity-']")).click();
        browser.findElement(By.cssSelector(".facets button[type=submit]")).click();
        assertThat(Browser.textOf(browser, By.id("results-heading"))).isEqualTo("1 report");
        assertThat(browser.findElements(By.cssSelector(".snippet mark"))).isNotEmpty();
        assertThat(Accessibility.violations(browser)).as("library with results").isEmpty();

        browser.findElement(By.cssSelector(".hits h3 a")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Hidden passenger reaches for handgun at night stop");
        assertThat(browser.findElements(By.cssSelector(".lessons li"))).hasSize(2);
        assertThat(Accessibility.violations(browser)).as("report").isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
