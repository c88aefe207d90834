package org.nearmiss.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.http.HttpResponse;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** Fluent fixture: a person who joins through a link, sets up the second factor and signs in. */
public final class Staff {

    public static final String PASSWORD = "correct horse battery staple";
    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7-]+)<");
    private static final Pattern CODES = Pattern.compile("<li>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</li>");

    public final WebSession web;
    public final String email;
    public byte[] secret;
    public List<String> recoveryCodes = List.of();
    private Instant clock = Instant.now();

    private Staff(int port, String email) {
        this.web = new WebSession(port);
        this.email = email;
    }

    /**
     * Joins through the link, enrols the authenticator and keeps the recovery codes; ends signed in.
     * Readers, who need no second factor, are signed in straight away.
     */
    /** Someone an admin invited with this role (a fresh address), joined with a second factor. */
    public static Staff invitedAs(int port, org.nearmiss.accounts.Accounts accounts, org.nearmiss.accounts.Role role) {
        String email = role.name().toLowerCase(java.util.Locale.ROOT) + "-"
                + java.util.UUID.randomUUID().toString().substring(0, 8) + "@state.gov";
        var admin = new org.nearmiss.accounts.SignedIn(
                org.nearmiss.accounts.AccountId.random(), "admin@state.gov", "Admin", org.nearmiss.accounts.Role.ADMIN);
        return joins(port, accounts.invite(admin, email, role), email, "Someone");
    }

    public static Staff joins(int port, String token, String email, String name) {
        Staff staff = new Staff(port, email);
        HttpResponse<String> joined = staff.web.submit(
                "/join/" + token, "/join/" + token, Map.of("email", email, "displayName", name, "password", PASSWORD));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(302);
        if (joined.headers().firstValue("Location").orElse("").endsWith("/account")) {
            return staff; // a reader: signed in at once, a second factor is optional
        }
        assertThat(joined.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login/enrol"));

        HttpResponse<String> enrol = staff.web.follow(joined);
        Matcher secret = SECRET.matcher(enrol.body());
        assertThat(secret.find()).as("the enrolment page shows the secret").isTrue();
        staff.secret = new Base32().decode(secret.group(1).replace("-", ""));
        HttpResponse<String> confirmed =
                staff.web.post("/login/enrol", Map.of("code", staff.nextCode()), WebSession.csrfOf(enrol.body()));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(302);

        HttpResponse<String> codesPage = staff.web.follow(confirmed);
        Matcher codes = CODES.matcher(codesPage.body());
        List<String> found = new java.util.ArrayList<>();
        while (codes.find()) {
            found.add(codes.group(1));
        }
        staff.recoveryCodes = found;
        return staff;
    }

    /** Someone at a fresh browser who knows the address but has not signed in. */
    public static Staff joinsNoOne(int port, String email) {
        return new Staff(port, email);
    }

    /**
     * A code from the authenticator; each call moves a step on, as a person would wait for the next
     * one, and a slow test never gets a code that has expired meanwhile.
     */
    public String nextCode() {
        // Never an earlier step than the last one used (a replay), never a step that has expired.
        Instant now = Instant.now();
        if (clock.isBefore(now)) {
            clock = now;
        }
        String code = codeAt(secret, clock);
        clock = clock.plusSeconds(30);
        return code;
    }

    /** Signs in with password and code in a fresh browser. */
    public Staff signsInAgain(int port) {
        Staff again = new Staff(port, email);
        again.secret = secret;
        again.clock = clock;
        HttpResponse<String> password = again.passwordStep(PASSWORD);
        assertThat(password.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login/code"));
        HttpResponse<String> code = again.codeStep(again.nextCode());
        assertThat(code.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
        clock = again.clock;
        return again;
    }

    public HttpResponse<String> passwordStep(String password) {
        return web.submit("/login", "/login", Map.of("email", email, "password", password));
    }

    public HttpResponse<String> codeStep(String code) {
        return web.submit("/login/code", "/login/code", Map.of("code", code));
    }

    /** The code an authenticator app shows at an instant (RFC 6238, 30-second steps, SHA-1, six digits). */
    public static String codeAt(byte[] secret, Instant at) {
        try {
            return String.format(
                    "%06d",
                    new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30))
                            .generateOneTimePassword(new SecretKeySpec(secret, "HmacSHA1"), at));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs a browser in as this person: password, then a code from the authenticator; when a code
     * is refused (it was at the edge of its 30 seconds), the next one, as a person would type it.
     */
    public void signInWith(org.openqa.selenium.WebDriver browser, String baseUrl) {
        browser.manage().deleteAllCookies();
        browser.get(baseUrl + "/login");
        browser.findElement(org.openqa.selenium.By.id("email")).sendKeys(email);
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(PASSWORD);
        browser.findElement(org.openqa.selenium.By.cssSelector("main button[type=submit]"))
                .click();
        // A busy machine may still be loading the next page when the click returns.
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15));
        wait.until(d -> d.getCurrentUrl().endsWith("/account")
                || !d.findElements(org.openqa.selenium.By.id("code")).isEmpty());
        for (int attempt = 0; attempt < 3 && !browser.getCurrentUrl().endsWith("/account"); attempt++) {
            var code = browser.findElement(org.openqa.selenium.By.id("code"));
            code.clear();
            code.sendKeys(nextCode());
            browser.findElement(org.openqa.selenium.By.cssSelector("main button[type=submit]"))
                    .click();
            wait.until(d -> d.getCurrentUrl().endsWith("/account")
                    || org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(code)
                                    .apply(d)
                            && !d.findElements(org.openqa.selenium.By.id("code"))
                                    .isEmpty());
        }
        assertThat(browser.getCurrentUrl())
                .as(() -> "signed in; the page says: "
                        + browser.findElement(org.openqa.selenium.By.tagName("main"))
                                .getText())
                .endsWith("/account");
    }
}
