package org.nearmiss.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nearmiss.system.AuditLog;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.Staff;
import org.nearmiss.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Staff accounts end to end: the first admin, invitations, the second factor, locking, disabling. */
@AppTest
class AccountsFlowTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signingInTakesThePasswordAndAFreshCodeAndACodeWorksOnlyOnce() {
        Staff staff = Staff.joins(port, accounts.invite(system(), "cy@state.gov", Role.ANALYST), "cy@state.gov", "Cy");

        Staff again = staff.signsInAgain(port);
        assertThat(again.web.get("/account").statusCode()).isEqualTo(200);

        Staff replaying = new Staff2(port, staff).replayingTheLastCode();
        assertThat(replaying.web.get("/account").statusCode())
                .as("a replayed code signs nobody in")
                .isEqualTo(302);
    }

    @Test
    void aRecoveryCodeSignsInOnce() {
        Staff staff = Staff.joins(port, accounts.invite(system(), "di@state.gov", Role.APPROVER), "di@state.gov", "Di");
        String recovery = staff.recoveryCodes.getFirst();

        WebSession first = new WebSession(port);
        first.submit("/login", "/login", Map.of("email", "di@state.gov", "password", Staff.PASSWORD));
        HttpResponse<String> used = first.submit("/login/code", "/login/code", Map.of("code", recovery.toLowerCase()));
        assertThat(used.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/account"));

        WebSession second = new WebSession(port);
        second.submit("/login", "/login", Map.of("email", "di@state.gov", "password", Staff.PASSWORD));
        HttpResponse<String> reused = second.submit("/login/code", "/login/code", Map.of("code", recovery));
        assertThat(reused.statusCode()).isEqualTo(401);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndTheAnswerNeverSaysWhichAddressesExist() {
        Staff staff = Staff.joins(port, accounts.invite(system(), "ed@state.gov", Role.REVIEWER), "ed@state.gov", "Ed");
        WebSession stranger = new WebSession(port);

        HttpResponse<String> unknown =
                stranger.submit("/login", "/login", Map.of("email", "nobody@state.gov", "password", "whatever it is"));
        for (int i = 0; i < Accounts.FAILURES_BEFORE_LOCK; i++) {
            HttpResponse<String> wrong = stranger.submit(
                    "/login", "/login", Map.of("email", "ed@state.gov", "password", "not the password"));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains(new SignInRefused().getMessage());
        }
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains(new SignInRefused().getMessage());

        HttpResponse<String> locked = staff.passwordStep(Staff.PASSWORD);
        assertThat(locked.statusCode())
                .as("locked even with the right password")
                .isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'signin.failed'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(6L);
    }

    @Test
    void aDisabledAccountIsSignedOutEverywhereAndCannotSignIn() {
        Staff admin = Staff.joins(port, accounts.invite(system(), "fay@state.gov", Role.ADMIN), "fay@state.gov", "Fay");
        Staff reviewer =
                Staff.joins(port, accounts.invite(system(), "gus@state.gov", Role.REVIEWER), "gus@state.gov", "Gus");
        assertThat(reviewer.web.get("/account").statusCode()).isEqualTo(200);
        AccountId gus = accounts.list().stream()
                .filter(a -> a.email().equals("gus@state.gov"))
                .findFirst()
                .orElseThrow()
                .id();

        HttpResponse<String> disabled =
                admin.web.submit("/admin/accounts", "/admin/accounts/" + gus + "/enabled", Map.of("enabled", "false"));
        assertThat(disabled.statusCode()).isEqualTo(302);

        assertThat(reviewer.web.get("/account").statusCode())
                .as("the open session has ended")
                .isEqualTo(302);
        assertThat(reviewer.passwordStep(Staff.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(audit.latest(5)).extracting(AuditLog.Entry::action).contains("account.disabled");
    }

    @Test
    void aSignedInBrowserSharingAStorySendsItsCookieInVainNothingIsReadOrSet() {
        Staff staff =
                Staff.joins(port, accounts.invite(system(), "hal@state.gov", Role.REVIEWER), "hal@state.gov", "Hal");
        assertThat(staff.web.cookie("NEARMISS_SESSION")).isNotNull();

        HttpResponse<String> form = staff.web.get("/share");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(form.body()).doesNotContain("hal@state.gov").doesNotContain("_csrf");
    }

    @Test
    void aWeakPasswordOrMissingNameIsRefusedAtTheFieldsAndTheLinkStillWorks() {
        String token = accounts.invite(system(), "ivy@state.gov", Role.REVIEWER);
        WebSession web = new WebSession(port);

        HttpResponse<String> refused =
                web.submit("/join/" + token, "/join/" + token, Map.of("displayName", "", "password", "short"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"password-error\"").contains("id=\"displayName-error\"");
        assertThat(web.get("/join/" + token).statusCode()).isEqualTo(200);
    }

    @Test
    void aReaderJoinsWithThePasswordAloneAndCanAddNoStaffPowers() {
        String token = accounts.invite(system(), "kim@city.gov", Role.READER);
        WebSession reader = new WebSession(port);

        HttpResponse<String> joined = reader.submit(
                "/join/" + token, "/join/" + token, Map.of("displayName", "Kim", "password", Staff.PASSWORD));

        assertThat(joined.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
        assertThat(reader.get("/account").body()).contains("Reader");
        assertThat(reader.get("/admin/accounts").statusCode()).isEqualTo(403);
    }

    @Test
    void signingOutEverywhereEndsTheOtherDevicesSessionsToo() {
        Staff phone =
                Staff.joins(port, accounts.invite(system(), "lea@state.gov", Role.ANALYST), "lea@state.gov", "Lea");
        Staff desk = phone.signsInAgain(port);
        assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = 'lea@state.gov'")
                        .query(Integer.class)
                        .list())
                .as("sessions end after 30 idle minutes")
                .hasSize(2)
                .containsOnly(1800);

        desk.web.submit("/account", "/account/sessions/end", Map.of());

        assertThat(phone.web.get("/account").statusCode()).isEqualTo(302);
        assertThat(desk.web.get("/account").statusCode()).isEqualTo(302);
    }

    @Test
    void aNewRoleAppliesFromTheNextSignInBecauseOpenSessionsEnd() {
        Staff admin = Staff.joins(port, accounts.invite(system(), "max@state.gov", Role.ADMIN), "max@state.gov", "Max");
        Staff analyst =
                Staff.joins(port, accounts.invite(system(), "ned@state.gov", Role.ANALYST), "ned@state.gov", "Ned");
        AccountId ned = accounts.list().stream()
                .filter(a -> a.email().equals("ned@state.gov"))
                .findFirst()
                .orElseThrow()
                .id();

        admin.web.submit("/admin/accounts", "/admin/accounts/" + ned + "/role", Map.of("role", "ADMIN"));

        assertThat(analyst.web.get("/account").statusCode()).isEqualTo(302);
        assertThat(analyst.signsInAgain(port).web.get("/admin/accounts").statusCode())
                .isEqualTo(200);
        assertThat(audit.latest(10)).extracting(AuditLog.Entry::action).contains("account.role-changed");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        Staff staff = Staff.joins(port, accounts.invite(system(), "ola@state.gov", Role.ADMIN), "ola@state.gov", "Ola");

        HttpResponse<String> forged =
                staff.web.post("/admin/invitations", Map.of("email", "evil@x.gov", "role", "ADMIN"), null);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(accounts.list()).noneMatch(a -> a.email().equals("evil@x.gov"));
        assertThat(jdbc.sql("select count(*) from account_invitation where email = 'evil@x.gov'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void namesPeopleTypeAreShownAsTextOnEveryPageThatShowsThem() {
        String attack = "<script>alert('x')</script>";
        Staff admin =
                Staff.joins(port, accounts.invite(system(), "pia@state.gov", Role.ADMIN), "pia@state.gov", attack);
        admin.web.submit("/account", "/account/tokens", Map.of("name", "<img src=x onerror=alert(1)>"));

        for (String page : new String[] {"/account", "/admin/accounts", "/admin/audit"}) {
            String html = admin.web.get(page).body();
            assertThat(html).as(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
        }
        assertThat(admin.web.get("/account").body()).contains("&lt;script&gt;").contains("&lt;img src=x");
    }

    @Test
    void signingOutEndsTheSession() {
        Staff staff = Staff.joins(port, accounts.invite(system(), "jo@state.gov", Role.ANALYST), "jo@state.gov", "Jo");

        HttpResponse<String> out = staff.web.submit("/account", "/logout", Map.of());

        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(staff.web.get("/account").statusCode()).isEqualTo(302);
    }

    private static SignedIn system() {
        return new SignedIn(AccountId.random(), "test-admin@state.gov", "Test admin", Role.ADMIN);
    }

    /** Signs in in a new browser with the code the staff member used last. */
    private record Staff2(int port, Staff staff) {
        Staff replayingTheLastCode() {
            Staff copy = Staff.joinsNoOne(port, staff.email);
            copy.passwordStep(Staff.PASSWORD);
            copy.codeStep(new Totp().codeAt(staff.secret, java.time.Instant.now()));
            return copy;
        }
    }
}
