package org.nearmiss.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.intake.Intake;
import org.nearmiss.intake.ReportId;
import org.nearmiss.intake.ReportKey;
import org.nearmiss.intake.ReportState;
import org.nearmiss.intake.Stories;
import org.nearmiss.system.AuditLog;
import org.nearmiss.system.KeyRotation;
import org.nearmiss.testing.KeyHunt;
import org.nearmiss.testing.ReportIds;
import org.nearmiss.testing.TempDataDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * After publication or rejection plus the retention period (zero here), the reporter's words are
 * destroyed by deleting their keys; what was published stays, and the audit log records it.
 */
@SpringBootTest(
        properties = {
            "nearmiss.review.retention=P0D",
            "nearmiss.intake.status-floor=0ms",
            "nearmiss.master-key=" + ShreddingTests.MASTER_KEY,
            "nearmiss.vault.rotate-after=P0D",
            "nearmiss.vault.settle=PT0S"
        })
@ContextConfiguration(initializers = TempDataDir.class)
@RecordApplicationEvents
class ShreddingTests {

    /** Configured, so the master key is not in the data dir: the attacker below is handed it. */
    static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    static final String SECRET_WORDS = "Sergeant Quillfeather radioed from 77 Bramblewood Lane that night";

    @Autowired
    Review review;

    @Autowired
    Intake intake;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    KeyRotation keyRotation;

    @org.springframework.beans.factory.annotation.Value("${nearmiss.data-dir}")
    java.nio.file.Path dataDir;

    final SignedIn reviewer = person(Role.REVIEWER);
    final SignedIn approver = person(Role.APPROVER);

    @Test
    void publishedTextIsUnreadableAfterShreddingWhileThePublicationStays() {
        ReportKey key = file();
        ReportId id = idOf(key);
        review.ask(id, reviewer, null, "Which shift was it?");
        intake.reply(key.display(), "Nights, " + SECRET_WORDS);
        throughStageOne(id);
        ReportPublished published = review.publish(
                id,
                approver,
                null,
                "Radio call saves the day",
                "[OFFICER 1] radioed.",
                "Use the radio.",
                "",
                List.of(),
                true);

        assertThat(events.stream(ReportPublished.class)).containsExactly(published);
        assertThat(published.toString()).doesNotContain("Quillfeather", "Bramblewood");
        assertThat(intake.originalOf(id)).isPresent();
        assertThat(review.shredDue()).isEqualTo(1);

        assertThat(intake.originalOf(id))
                .as("the reporter's words cannot be opened")
                .isEmpty();
        assertThat(intake.messagesOf(id)).isEmpty();
        assertThat(jdbc.sql("select count(*) from report_data_key where report_id = ?")
                        .param(id.value())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from review_case where report_id = ? and wrapped_key is null"
                                + " and sealed_draft is null and shredded_on is not null")
                        .param(id.value())
                        .query(Long.class)
                        .single())
                .isOne();
        String database =
                String.join("\n", jdbc.sql("script").query(String.class).list());
        assertThat(database).doesNotContain("Quillfeather").doesNotContain("Bramblewood");

        Review.Workspace page = review.open(id, approver);
        assertThat(page.original()).isEmpty();
        assertThat(page.reviewCase().shreddedOn()).isNotNull();
        assertThat(page.publication())
                .hasValueSatisfying(p -> assertThat(p.narrative()).isEqualTo("[OFFICER 1] radioed."));
        assertThat(intake.status(key.display()).state()).isEqualTo(ReportState.PUBLISHED);
        assertThat(audit.latest(10))
                .anySatisfy(e -> assertThat(List.of(e.actor(), e.action(), String.valueOf(e.subject())))
                        .containsExactly("system", "report.shredded", id.toString()));

        assertThat(review.shredDue()).as("each report once").isZero();
    }

    @Test
    void noByteLeftInTheDataDirOpensAShreddedReportEvenForTheHolderOfTheMasterKey() throws Exception {
        ReportKey key = file();
        ReportId id = idOf(key);
        throughStageOne(id);
        byte[] sealed = jdbc.sql("select sealed_text from report where id = ?")
                .param(id.value())
                .query((rs, n) -> rs.getBytes(1))
                .single();
        byte[] master = java.util.Base64.getDecoder().decode(MASTER_KEY);
        assertThat(KeyHunt.opens(dataDir, master, id.value(), sealed))
                .as("before shredding, the hunt finds the key in the data dir")
                .isTrue();

        review.publish(
                id,
                approver,
                null,
                "Radio call saves the day",
                "[OFFICER 1] radioed.",
                "Use the radio.",
                "",
                List.of(),
                true);
        assertThat(review.shredDue()).isEqualTo(1);
        keyRotation.follow();

        assertThat(intake.originalOf(id)).isEmpty();
        assertThat(KeyHunt.opens(dataDir, master, id.value(), sealed))
                .as("after shredding, no stale copy of the key opens the text")
                .isFalse();
        ReportId open = idOf(file());
        assertThat(intake.originalOf(open))
                .as("a report filed after the rotation reads")
                .isPresent();
    }

    @Test
    void rejectedReportsAreShreddedAndOpenOnesKeepTheirText() {
        ReportId rejected = idOf(file());
        throughStageOne(rejected);
        review.reject(rejected, approver, null, "Not a near miss");
        ReportId open = idOf(file());

        review.shredDue();

        assertThat(intake.originalOf(rejected)).isEmpty();
        assertThat(intake.originalOf(open)).isPresent();
        assertThat(jdbc.sql("select reject_reason from review_case where report_id = ?")
                        .param(rejected.value())
                        .query(String.class)
                        .single())
                .as("the reason is kept")
                .isEqualTo("Not a near miss");
    }

    private ReportKey file() {
        return intake.file(
                1,
                Stories.aTypicalStory()
                        .with("narrative", SECRET_WORDS + ", and it went well.")
                        .asMap());
    }

    private void throughStageOne(ReportId id) {
        review.saveStageOne(
                id, reviewer, null, "A title", "A de-identified story.", "A lesson.", List.of("UA-SKILL"), true);
    }

    private ReportId idOf(ReportKey key) {
        return ReportIds.idOf(jdbc, key);
    }

    private static SignedIn person(Role role) {
        AccountId id = AccountId.random();
        return new SignedIn(id, role.name().toLowerCase() + "@state.gov", "Someone", role);
    }
}
