package org.nearmiss.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An officer on a phone shares a story in Chromium and follows it with the key. */
@AppTest
class ShareYourStoryBrowserTests {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private long filed() {
        return jdbc.sql("select count(*) from report").query(Long.class).single();
    }

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void withJavaScriptOffAReporterFillsTheFormGetsAKeyAndChecksTheReport() {
        browser = Browser.start(false);
        browser.get(url("/"));
        browser.findElement(By.linkText("Share your story")).click();
        // With scripts off the opt-in draft box stays hidden: the form must work without it.
        assertThat(browser.findElement(By.id("draft")).isDisplayed()).isFalse();

        fillTheRequiredAnswers(browser);
        browser.findElement(By.cssSelector("#share-form .send button")).click();

        String key = browser.findElement(By.id("report-key")).getText();
        assertThat(key).matches("([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(browser.getCurrentUrl()).doesNotContain(key);
        assertThat(browser.manage().getCookies()).isEmpty();

        browser.findElement(By.linkText("check your report")).click();
        browser.findElement(By.id("report-key-input")).sendKeys(key.toLowerCase());
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector("dl.status")).getText()).contains("Received, waiting for review");
    }

    @Test
    void withJavaScriptOffOnAPhoneTheReporterSeesWhatLooksIdentifyingBeforeSendingAndNothingIsKept() {
        browser = Browser.start(false);
        browser.get(url("/share"));
        fillTheRequiredAnswers(browser);
        browser.findElement(By.id("q-narrative")).sendKeys(" Sgt. Maria Lopez called me at 555-201-3344.");
        long filedBefore = filed();

        browser.findElement(By.cssSelector("#check button")).click();

        String found = browser.findElement(By.cssSelector("ul.identifying")).getText();
        assertThat(found)
                .contains("Maria Lopez")
                .contains("a person's name")
                .contains("555-201-3344")
                .contains("a phone number")
                .contains("[PHONE]");
        assertThat(browser.findElement(By.id("q-narrative")).getAttribute("value"))
                .as("the answers come back as typed")
                .contains("Maria Lopez");
        assertThat(filed()).as("nothing is stored by a check").isEqualTo(filedBefore);
        assertThat(browser.manage().getCookies()).isEmpty();
        assertThat(browser.findElement(By.tagName("html")).getSize().getWidth()).isLessThanOrEqualTo(360);

        browser.findElement(By.id("q-narrative")).clear();
        browser.findElement(By.id("q-narrative")).sendKeys(Stories.NARRATIVE);
        browser.findElement(By.cssSelector("#check button")).click();
        assertThat(browser.findElement(By.cssSelector("#check .notice.success")).getText())
                .contains("found nothing");
        browser.findElement(By.cssSelector("#share-form .send button")).click();
        assertThat(browser.findElement(By.id("report-key")).getText()).isNotBlank();
        assertThat(filed()).isEqualTo(filedBefore + 1);
    }

    @Test
    void aMissingAnswerIsNamedAtTheTopAndAtTheField() {
        browser = Browser.start(false);
        browser.get(url("/share"));
        browser.findElement(By.id("q-narrative")).sendKeys(Stories.NARRATIVE);
        browser.findElement(By.cssSelector("#share-form .send button")).click();

        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Type of call or activity");
        assertThat(browser.findElement(By.id("q-activity")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("q-narrative")).getAttribute("value"))
                .isEqualTo(Stories.NARRATIVE);
    }

    @Test
    void aDraftIsKeptOnTheDeviceOnlyWhenAskedAndGoesOnceSent() {
        browser = Browser.start(true);
        browser.get(url("/share"));
        fillTheRequiredAnswers(browser);

        assertThat(draft()).isNull();
        browser.findElement(By.cssSelector("label[for=keep-draft]")).click();
        assertThat(draft()).contains("broken tail light");
        assertThat((Long) js().executeScript("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(360L);

        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("q-narrative")).getAttribute("value"))
                .contains("broken tail light");
        assertThat(browser.findElement(By.id("keep-draft")).isSelected()).isTrue();

        browser.findElement(By.cssSelector("#share-form .send button")).click();
        assertThat(browser.findElement(By.id("report-key")).getText()).isNotBlank();
        assertThat(draft()).isNull();
    }

    private static void fillTheRequiredAnswers(WebDriver browser) {
        new Select(browser.findElement(By.id("q-activity"))).selectByValue("traffic-stop");
        browser.findElement(By.id("q-incidentMonth")).sendKeys("March", "\t", "2026");
        browser.findElement(By.cssSelector("label[for=q-injuryPotential]")).click();
        browser.findElement(By.id("q-narrative")).sendKeys(Stories.NARRATIVE);
    }

    private String draft() {
        return (String) js().executeScript("return window.localStorage.getItem('nearmiss.share.draft')");
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
