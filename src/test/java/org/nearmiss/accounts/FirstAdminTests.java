package org.nearmiss.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nearmiss.system.AuditLog;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.Staff;
import org.nearmiss.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A fresh installation: no admin yet, so the set-up link is the way in. Runs on a database of its own. */
@AppTest
@TestPropertySource(properties = "nearmiss.test.fresh-installation=true")
class FirstAdminTests {

    private static final Pattern INVITATION = Pattern.compile("/join/([A-Za-z0-9_-]{20,})");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditLog audit;

    @Test
    void theFirstAdminJoinsThroughTheSetUpLinkSetsUpTheSecondFactorAndInvitesAReviewer() {
        String token = accounts.firstAdminToken().orElseThrow();
        Staff admin = Staff.joins(port, token, "ana@state.gov", "Ana Admin");

        assertThat(admin.recoveryCodes).hasSize(10).doesNotHaveDuplicates();
        HttpResponse<String> account = admin.web.get("/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("Signed in as Ana Admin").contains("Admin");
        assertThat(accounts.firstAdminToken())
                .as("no more set-up links once there is an admin")
                .isEmpty();
        assertThat(new WebSession(port).get("/join/" + token).statusCode())
                .as("the link works once")
                .isEqualTo(404);

        HttpResponse<String> invited = admin.web.submit(
                "/admin/accounts", "/admin/invitations", Map.of("email", "bo@state.gov", "role", "REVIEWER"));
        assertThat(invited.statusCode()).isEqualTo(200);
        Matcher link = INVITATION.matcher(invited.body());
        assertThat(link.find()).isTrue();

        Staff reviewer = Staff.joins(port, link.group(1), "ignored@else.gov", "Bo Reviewer");
        assertThat(reviewer.web.get("/account").body()).contains("bo@state.gov").contains("Reviewer");
        assertThat(reviewer.web.get("/admin/accounts").statusCode())
                .as("a reviewer is no admin")
                .isEqualTo(403);

        assertThat(audit.latest(50))
                .extracting(AuditLog.Entry::action)
                .contains("setup-link.created", "account.created", "mfa.enrolled", "invitation.created");
        assertThat(audit.verify().intact()).isTrue();
    }
}
