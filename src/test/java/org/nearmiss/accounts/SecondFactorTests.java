package org.nearmiss.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nearmiss.system.AuditLog;
import org.nearmiss.system.web.Routes;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.Outbox;
import org.nearmiss.testing.Staff;
import org.nearmiss.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The second factor cannot be set, replaced or skipped with the password alone; a lost one is
 * replaced after a complete sign-in or by an admin's audited reset, and either way the owner hears
 * of it and every session and token of the account ends.
 */
@AppTest
class SecondFactorTests {

    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7-]+)<");
    private static final Pattern CODES = Pattern.compile("<li>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</li>");
    private static final Pattern RESET = Pattern.compile("/password/reset/([A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Value("${nearmiss.data-dir}")
    Path dataDir;

    @Test
    void thePasswordAloneCannotReplaceTheSecondFactor() {
        Staff owner = Staff.invitedAs(port, accounts, Role.ADMIN);
        Staff attacker = Staff.joinsNoOne(port, owner.email);

        HttpResponse<String> password = attacker.passwordStep(Staff.PASSWORD);
        assertThat(password.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login/code"));

        HttpResponse<String> enrolPage = attacker.web.get("/login/enrol");
        assertThat(enrolPage.statusCode()).isEqualTo(302);
        assertThat(enrolPage.body()).doesNotContain("totp-secret");

        byte[] attackersSecret = new byte[20];
        String csrf = WebSession.csrfOf(attacker.web.get("/login").body());
        HttpResponse<String> enrolled =
                attacker.web.post("/login/enrol", Map.of("code", Staff.codeAt(attackersSecret, Instant.now())), csrf);
        assertThat(enrolled.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        assertThat(attacker.web.get("/admin/accounts").statusCode()).isEqualTo(302);
        assertThat(attacker.web.get("/account").statusCode()).isEqualTo(302);
        assertThat(owner.signsInAgain(port).web.get("/admin/accounts").statusCode())
                .as("the owner's authenticator still works")
                .isEqualTo(200);
        assertThat(audit.latest(50))
                .filteredOn(e -> e.actor().equals(owner.email) && e.action().equals("mfa.enrolled"))
                .hasSize(1);
    }

    @Test
    void aFirstEnrolmentOfAnAccountThatHasAFactorIsRefusedEvenBelowThePages() {
        Staff owner = Staff.invitedAs(port, accounts, Role.REVIEWER);
        AccountId id = idOf(owner.email);
        byte[] secret = new byte[20];

        assertThatThrownBy(() -> accounts.startEnrolment(id)).isInstanceOf(SecondFactorAlreadySet.class);
        assertThatThrownBy(() -> accounts.confirmEnrolment(
                        new Enrolment(id, secret, "", ""), Staff.codeAt(secret, Instant.now())))
                .isInstanceOf(SecondFactorAlreadySet.class);
        assertThat(owner.signsInAgain(port).web.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void fromEveryPartialSignInStateEveryRouteAnswersAsForAVisitor() throws Exception {
        // password only: the account has a factor, the code was never typed
        Staff withFactor = Staff.invitedAs(port, accounts, Role.ADMIN);
        Staff passwordOnly = Staff.joinsNoOne(port, withFactor.email);
        passwordOnly.passwordStep(Staff.PASSWORD);

        // invited: joined through the link, the first factor not yet set up (its page opened)
        String invitedEmail = "invited-" + System.nanoTime() + "@state.gov";
        Staff invited = Staff.joinsNoOne(port, invitedEmail);
        String token = accounts.invite(admin(), invitedEmail, Role.ADMIN);
        invited.web.submit(
                "/join/" + token,
                "/join/" + token,
                Map.of("email", invitedEmail, "displayName", "New", "password", Staff.PASSWORD));
        assertThat(invited.web.get("/login/enrol").body()).contains("totp-secret");

        // locked: the right password after too many wrong ones
        Staff lockedOwner = Staff.invitedAs(port, accounts, Role.APPROVER);
        Staff locked = Staff.joinsNoOne(port, lockedOwner.email);
        for (int i = 0; i < Accounts.FAILURES_BEFORE_LOCK; i++) {
            locked.passwordStep("not the password at all");
        }
        assertThat(locked.passwordStep(Staff.PASSWORD).statusCode()).isEqualTo(401);

        // reset link opened: the mailed link followed, no new password chosen yet
        Staff resetting = Staff.joinsNoOne(port, Staff.invitedAs(port, accounts, Role.ANALYST).email);
        resetting.web.submit("/password/reset", "/password/reset", Map.of("email", resetting.email));
        assertThat(resetting.web.get(resetLinkOf(resetting.email)).statusCode()).isEqualTo(200);

        WebSession visitor = new WebSession(port);
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, Staff> state : Map.of(
                        "password only", passwordOnly, "invited", invited, "locked", locked, "reset link", resetting)
                .entrySet()) {
            for (Routes.Rule rule : Routes.load().rules()) {
                if (rule.access() instanceof Routes.Access.Reporter || rule.access() instanceof Routes.Access.Anyone) {
                    continue;
                }
                String path = rule.path().replace("/**", "/x").replace("*", "00000000-0000-0000-0000-000000000000");
                for (HttpMethod method : rule.methods().isEmpty() ? List.of(HttpMethod.GET) : rule.methods()) {
                    String expected = answerOf(visitor, method, path);
                    String actual = answerOf(state.getValue().web, method, path);
                    compared++;
                    if (!expected.equals(actual)) {
                        differences.add(state.getKey() + ": " + method + " " + path + " answered " + actual
                                + ", a visitor gets " + expected);
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(300);
        assertThat(differences).isEmpty();
    }

    @Test
    void aLostFactorIsReplacedAfterACompleteSignInAndEverythingOfTheOldOneEnds() {
        Staff owner = Staff.invitedAs(port, accounts, Role.REVIEWER);
        Staff otherDevice = owner.signsInAgain(port);
        String token = tokens.create(signedIn(owner.email), "laptop script");
        assertThat(tokens.authenticate(token)).isPresent();

        HttpResponse<String> page = owner.web.get("/account/second-factor");
        Matcher secret = SECRET.matcher(page.body());
        assertThat(secret.find()).isTrue();
        byte[] newSecret = new org.apache.commons.codec.binary.Base32()
                .decode(secret.group(1).replace("-", ""));
        String csrf = WebSession.csrfOf(page.body());

        HttpResponse<String> wrongPassword = owner.web.post(
                "/account/second-factor",
                Map.of("password", "not my password at all", "code", Staff.codeAt(newSecret, Instant.now())),
                csrf);
        assertThat(wrongPassword.statusCode()).isEqualTo(400);
        assertThat(wrongPassword.body()).contains("id=\"password-error\"");

        HttpResponse<String> replaced = owner.web.post(
                "/account/second-factor",
                Map.of("password", Staff.PASSWORD, "code", Staff.codeAt(newSecret, Instant.now())),
                WebSession.csrfOf(wrongPassword.body()));
        assertThat(replaced.statusCode()).isEqualTo(200);
        Matcher codes = CODES.matcher(replaced.body());
        assertThat(codes.find()).as("new recovery codes are shown once").isTrue();

        assertThat(owner.web.get("/account").statusCode())
                .as("this session ended")
                .isEqualTo(302);
        assertThat(otherDevice.web.get("/account").statusCode())
                .as("every session ended")
                .isEqualTo(302);
        assertThat(tokens.authenticate(token)).as("personal tokens are revoked").isEmpty();
        assertThat(owner.recoveryCodes.getFirst()).isNotEqualTo(codes.group(1));
        Staff oldCode = Staff.joinsNoOne(port, owner.email);
        oldCode.passwordStep(Staff.PASSWORD);
        assertThat(oldCode.codeStep(owner.recoveryCodes.get(1)).statusCode())
                .as("the old recovery codes stop working")
                .isEqualTo(401);
        assertThat(Outbox.to(dataDir, owner.email)).anyMatch(m -> m.contains("second factor was replaced"));
        assertThat(audit.latest(20)).extracting(AuditLog.Entry::action).contains("mfa.replaced");
    }

    @Test
    void anAdminResetsALostFactorAndTheOwnerSetsUpANewOneAtTheNextSignIn() {
        Staff admin = Staff.invitedAs(port, accounts, Role.ADMIN);
        Staff owner = Staff.invitedAs(port, accounts, Role.APPROVER);
        String token = tokens.create(signedIn(owner.email), "feed reader");
        AccountId id = idOf(owner.email);

        HttpResponse<String> ownReset = admin.web.submit(
                "/admin/accounts", "/admin/accounts/" + idOf(admin.email) + "/second-factor/reset", Map.of());
        assertThat(ownReset.statusCode()).isEqualTo(302);
        assertThat(accounts.list())
                .filteredOn(a -> a.email().equals(admin.email))
                .allMatch(Accounts.Listed::secondFactor);

        HttpResponse<String> reset =
                admin.web.submit("/admin/accounts", "/admin/accounts/" + id + "/second-factor/reset", Map.of());
        assertThat(reset.statusCode()).isEqualTo(302);

        assertThat(owner.web.get("/account").statusCode())
                .as("the owner's sessions ended")
                .isEqualTo(302);
        assertThat(tokens.authenticate(token)).isEmpty();
        assertThat(Outbox.to(dataDir, owner.email)).anyMatch(m -> m.contains("second factor was reset"));
        assertThat(audit.latest(20))
                .anyMatch(e -> e.action().equals("mfa.reset") && e.actor().equals(admin.email));
        Staff again = Staff.joinsNoOne(port, owner.email);
        assertThat(again.passwordStep(Staff.PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login/enrol"));
    }

    @Test
    void aPasswordResetAndSigningOutEverywhereRevokePersonalTokens() {
        Staff owner = Staff.invitedAs(port, accounts, Role.ANALYST);
        String first = tokens.create(signedIn(owner.email), "first");
        owner.web.submit("/account", "/account/sessions/end", Map.of());
        assertThat(tokens.authenticate(first)).isEmpty();

        String second = tokens.create(signedIn(owner.email), "second");
        WebSession forgot = new WebSession(port);
        forgot.submit("/password/reset", "/password/reset", Map.of("email", owner.email));
        String link = resetLinkOf(owner.email);
        HttpResponse<String> changed = forgot.submit(link, link, Map.of("password", "a brand new long password"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(tokens.authenticate(second)).isEmpty();
    }

    private String resetLinkOf(String email) {
        String token = null;
        for (String mail : Outbox.awaitTo(dataDir, email, m -> RESET.matcher(m).find())) {
            Matcher m = RESET.matcher(mail);
            while (m.find()) {
                token = m.group(1);
            }
        }
        assertThat(token).as("a reset link was mailed").isNotNull();
        return "/password/reset/" + token;
    }

    /** Status and redirect target, the part of an answer that tells what was allowed. */
    private static String answerOf(WebSession web, HttpMethod method, String path) {
        String csrf = WebSession.csrfOf(web.get("/login").body());
        HttpResponse<String> answer =
                method.equals(HttpMethod.GET) ? web.get(path) : web.sendForm(method.name(), path, csrf);
        return answer.statusCode() + " "
                + answer.headers().firstValue("Location").orElse("");
    }

    private AccountId idOf(String email) {
        return accounts.list().stream()
                .filter(a -> a.email().equals(email))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private SignedIn signedIn(String email) {
        return accounts.signedIn(idOf(email));
    }

    private static SignedIn admin() {
        return new SignedIn(AccountId.random(), "admin@state.gov", "Admin", Role.ADMIN);
    }
}
