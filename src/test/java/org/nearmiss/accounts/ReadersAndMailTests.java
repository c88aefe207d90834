package org.nearmiss.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.nearmiss.testing.Browser;
import org.nearmiss.testing.Staff;
import org.nearmiss.testing.TempDataDir;
import org.nearmiss.testing.WebSession;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Readers join by invitation, enrolment code or their government address; mail goes through a real SMTP server. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"nearmiss.throttle.sign-ins=100000", "nearmiss.readers.allowed-domains=*.gov,sheriff.example.org"
        })
@ContextConfiguration(initializers = TempDataDir.class)
class ReadersAndMailTests {

    private static final int SMTP_PORT = freePort();
    private static final Pattern JOIN = Pattern.compile("(/join/[A-Za-z0-9_-]+)");
    private static final Pattern RESET = Pattern.compile("(/password/reset/[A-Za-z0-9_-]+)");

    @RegisterExtension
    static final GreenMailExtension smtp =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp")).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;

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
    void anOfficerWithAGovernmentAddressConfirmsItByMailAndBecomesAReader() throws Exception {
        WebSession officer = new WebSession(port);

        HttpResponse<String> asked = officer.submit("/signup", "/signup", Map.of("email", "Pat@County.GOV"));

        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("If this address can sign up");
        String link = linkIn(mailTo("pat@county.gov"), JOIN);
        HttpResponse<String> joined =
                officer.submit(link, link, Map.of("displayName", "Pat", "password", Staff.PASSWORD));
        assertThat(joined.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
        assertThat(officer.get("/account").body()).contains("pat@county.gov").contains("Reader");
    }

    @Test
    void otherAddressesAreToldHowElseToJoinAndGetNoMail() throws Exception {
        HttpResponse<String> refused =
                new WebSession(port).submit("/signup", "/signup", Map.of("email", "pat@gmail.com"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("coordinator").contains("aria-invalid=\"true\"");
        assertThat(new WebSession(port)
                        .submit("/signup", "/signup", Map.of("email", "lee@sheriff.example.org"))
                        .statusCode())
                .isEqualTo(200);
        // The one admitted is mailed after the answer; the one refused was left nothing to mail.
        mailTo("lee@sheriff.example.org");
        assertThat(mailsTo("pat@gmail.com")).isZero();
    }

    @Test
    void aSignUpWithAnAddressThatHasAnAccountLooksTheSameAndIsMailedAboutIt() throws Exception {
        String token = accounts.invite(coordinator(), "jo@county.gov", Role.READER);
        new WebSession(port)
                .submit("/join/" + token, "/join/" + token, Map.of("displayName", "Jo", "password", Staff.PASSWORD));

        HttpResponse<String> known =
                new WebSession(port).submit("/signup", "/signup", Map.of("email", "jo@county.gov"));
        HttpResponse<String> unknown =
                new WebSession(port).submit("/signup", "/signup", Map.of("email", "new@county.gov"));

        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
        assertThat(withoutCsrf(known.body())).isEqualTo(withoutCsrf(unknown.body()));
        assertThat(linkIn(mailTo("new@county.gov"), JOIN)).startsWith("/join/");
        assertThat(lastMailTo("jo@county.gov", "Your Nearmiss account")
                        .getContent()
                        .toString())
                .contains("already has an account");
    }

    @Test
    void aForgottenPasswordIsResetThroughAMailedLinkThatWorksOnce() throws Exception {
        String token = accounts.invite(coordinator(), "quinn@city.gov", Role.READER);
        WebSession reader = new WebSession(port);
        reader.submit("/join/" + token, "/join/" + token, Map.of("displayName", "Quinn", "password", Staff.PASSWORD));
        assertThat(reader.get("/account").statusCode()).isEqualTo(200);

        new WebSession(port).submit("/password/reset", "/password/reset", Map.of("email", "quinn@city.gov"));
        String link = linkIn(lastMailTo("quinn@city.gov"), RESET);
        WebSession later = new WebSession(port);
        HttpResponse<String> changed = later.submit(link, link, Map.of("password", "a brand new long passphrase"));

        assertThat(changed.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("passwordChanged"));
        assertThat(reader.get("/account").statusCode()).as("old sessions end").isEqualTo(302);
        assertThat(later.get(link).statusCode()).as("the link works once").isEqualTo(404);
        HttpResponse<String> signedIn = later.submit(
                "/login", "/login", Map.of("email", "quinn@city.gov", "password", "a brand new long passphrase"));
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
    }

    @Test
    void aResetRequestForAnUnknownAddressLooksTheSameAndSendsNothing() throws Exception {
        String token = accounts.invite(coordinator(), "kim@city.gov", Role.READER);
        new WebSession(port)
                .submit("/join/" + token, "/join/" + token, Map.of("displayName", "Kim", "password", Staff.PASSWORD));

        HttpResponse<String> unknown =
                new WebSession(port).submit("/password/reset", "/password/reset", Map.of("email", "ghost@city.gov"));
        HttpResponse<String> known =
                new WebSession(port).submit("/password/reset", "/password/reset", Map.of("email", "kim@city.gov"));

        assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("If there is an account with this address");
        assertThat(withoutCsrf(unknown.body())).isEqualTo(withoutCsrf(known.body()));
        // Both are worked on after the answer, one after the other: once the known address has its
        // mail, the unknown one's turn has passed.
        linkIn(lastMailTo("kim@city.gov"), RESET);
        assertThat(mailsTo("ghost@city.gov")).isZero();
    }

    @Test
    void rollCallCodesEachMakeOneReaderAndCoordinatorsInviteReadersOnly() {
        List<String> codes = accounts.enrolmentCodes(coordinator(), 3);
        assertThat(codes).hasSize(3).doesNotHaveDuplicates();

        WebSession officer = new WebSession(port);
        HttpResponse<String> entered = officer.submit(
                "/enrol", "/enrol", Map.of("code", codes.get(1).toLowerCase().replace("-", " ")));
        assertThat(entered.statusCode()).isEqualTo(302);
        String join = entered.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        HttpResponse<String> joined = officer.submit(
                join, join, Map.of("email", "sam@pd.example.org", "displayName", "Sam", "password", Staff.PASSWORD));
        assertThat(joined.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/account"));

        HttpResponse<String> again = new WebSession(port).submit("/enrol", "/enrol", Map.of("code", codes.get(1)));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> accounts.invite(coordinator(), "x@city.gov", Role.REVIEWER))
                .isInstanceOf(AccountProblem.class)
                .hasMessageContaining("readers only");
    }

    @Test
    void aReaderSignsUpInTheBrowserWithTheInvitationTheCoordinatorSent() throws Exception {
        accounts.invite(coordinator(), "ray@city.gov", Role.READER);
        String link = linkIn(mailTo("ray@city.gov"), JOIN);
        browser = Browser.start(true);

        browser.get("http://localhost:" + port + link);
        assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo("ray@city.gov");
        browser.findElement(By.id("displayName")).sendKeys("Ray");
        browser.findElement(By.id("password")).sendKeys(Staff.PASSWORD);
        browser.findElement(By.cssSelector("main button[type=submit]")).click();

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Signed in as Ray");
        assertThat(browser.findElement(By.cssSelector("dl.status")).getText()).contains("Reader");
        browser.get("http://localhost:" + port + link);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link no longer works");
    }

    private static MimeMessage mailTo(String address) throws Exception {
        smtp.waitForIncomingEmail(5_000, 1);
        for (int i = 0; i < 50; i++) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(address)) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail to " + address);
    }

    private static MimeMessage lastMailTo(String address) throws Exception {
        return lastMailTo(address, "Reset");
    }

    /** The last mail to the address with this in its subject, waiting up to five seconds for one. */
    private static MimeMessage lastMailTo(String address, String subject) throws Exception {
        for (int i = 0; i < 50; i++) {
            MimeMessage[] all = smtp.getReceivedMessages();
            for (int j = all.length - 1; j >= 0; j--) {
                if (GreenMailUtil.getAddressList(all[j].getAllRecipients()).contains(address)
                        && all[j].getSubject().contains(subject)) {
                    return all[j];
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail about " + subject + " to " + address);
    }

    private static long mailsTo(String address) throws Exception {
        long count = 0;
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(address)) {
                count++;
            }
        }
        return count;
    }

    /** A page as anyone would compare it: the form's CSRF token differs from one visit to the next. */
    private static String withoutCsrf(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    private static String linkIn(MimeMessage message, Pattern pattern) {
        Matcher link = pattern.matcher(GreenMailUtil.getBody(message));
        assertThat(link.find()).as("a link in the mail").isTrue();
        return link.group(1);
    }

    private static SignedIn coordinator() {
        return new SignedIn(AccountId.random(), "coordinator@city.gov", "Coordinator", Role.COORDINATOR);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
