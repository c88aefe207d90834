package org.nearmiss.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.events.WebDriverListener;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through its own chromedriver: no browser is downloaded. Where
 * Chromium is missing the browser tests are skipped, unless {@code NEARMISS_REQUIRE_BROWSER=true}
 * (CI sets it, after installing Chromium), when they fail instead.
 */
public final class Browser {

    public static final Path CHROMIUM = Path.of(envOr("NEARMISS_CHROMIUM", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(envOr("NEARMISS_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Browser() {}

    /** A fresh browser with an empty profile, at the width of a small phone. */
    public static WebDriver start(boolean javascript, String... extraArguments) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("NEARMISS_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("Chromium and chromedriver are required but missing at " + CHROMIUM);
        }
        Assumptions.assumeTrue(present, "Chromium is not installed (apt-get install chromium chromium-driver)");
        try {
            Path profile = Files.createTempDirectory("nearmiss-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile);
            options.addArguments(extraArguments);
            if (!javascript) {
                options.setExperimentalOption(
                        "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(360, 800));
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
            return new EventFiringDecorator<WebDriver>(new WaitsForTheNextPage(driver)).decorate(driver);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text of an element, read again if the page was replaced between finding and reading it
     * (a page that arrives by redirect can replace the one just found).
     */
    public static String textOf(WebDriver browser, By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(by).getText());
    }

    /**
     * A click on a link or a submit button returns before the next page has loaded when the machine
     * is busy; a test reading the page at once would read the old one. After such a click, wait
     * until the old page is gone and the new one complete, as a person waits.
     */
    public static final class WaitsForTheNextPage implements WebDriverListener {

        private final ChromeDriver driver;
        private WebElement leaving;

        WaitsForTheNextPage(ChromeDriver driver) {
            this.driver = driver;
        }

        @Override
        public void beforeClick(WebElement element) {
            leaving = navigates(element) ? driver.findElement(By.tagName("html")) : null;
        }

        @Override
        public void beforeSubmit(WebElement element) {
            leaving = driver.findElement(By.tagName("html"));
        }

        @Override
        public void afterSubmit(WebElement element) {
            afterClick(element);
        }

        @Override
        public void afterClick(WebElement element) {
            if (leaving == null) {
                return;
            }
            try {
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(leaving));
                new WebDriverWait(driver, Duration.ofSeconds(10))
                        .until(d -> "complete"
                                .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            } catch (TimeoutException stayed) {
                // The click did not leave the page (a form the browser itself refused): nothing to wait for.
            } finally {
                leaving = null;
            }
        }

        private static boolean navigates(WebElement element) {
            String tag = element.getTagName().toLowerCase(java.util.Locale.ROOT);
            String type = element.getAttribute("type");
            return switch (tag) {
                case "a" -> {
                    String href = element.getAttribute("href");
                    yield href != null && !href.contains("#");
                }
                case "button" -> type == null || type.isBlank() || type.equalsIgnoreCase("submit");
                case "input" -> "submit".equalsIgnoreCase(type) || "image".equalsIgnoreCase(type);
                default -> false;
            };
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
