package org.nearmiss.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.nearmiss.system.NearmissProperties;
import org.nearmiss.system.Vault;
import org.nearmiss.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The report store, on the embedded default and on PostgreSQL alike. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ReportsTests {

    @Parameter
    TestDatabase database;

    @TempDir
    Path dataDir;

    private TestDatabase.Fresh fresh;
    private JdbcClient jdbc;
    private Vault vault;
    private Reports reports;

    @BeforeEach
    void freshDatabase() {
        fresh = database.create();
        DataSource dataSource = fresh.migrated();
        jdbc = JdbcClient.create(dataSource);
        vault = vaultWith(null);
        reports = new Reports(
                jdbc, new JdbcTemplate(dataSource), JsonMapper.builder().build(), vault);
    }

    @AfterEach
    void dropDatabase() {
        fresh.close();
    }

    @Test
    void aFiledReportIsFoundByItsKeyHashWithItsDayAndState() {
        ReportId id = ReportId.random();
        add(id, "a".repeat(64), answers(), LocalDate.of(2026, 11, 22), null);

        assertThat(reports.findByKeyHash("a".repeat(64)))
                .contains(new Reports.Filed(id, ReportState.FILED, LocalDate.of(2026, 11, 22)));
        assertThat(reports.findByKeyHash("b".repeat(64))).isEmpty();
    }

    @Test
    void answersComeBackAsTheyWentInButTheWordsAreStoredSealed() {
        ReportId id = ReportId.random();
        add(id, "c".repeat(64), answers(), LocalDate.of(2026, 11, 22), null);

        Answers back = reports.answersOf(id).orElseThrow();
        assertThat(back.coded()).containsEntry("activity", "traffic-stop").containsEntry("officersOnScene", 2);
        assertThat(back.freeText()).containsEntry("narrative", Stories.NARRATIVE);

        byte[] stored = jdbc.sql("select sealed_text from report where id = ?")
                .param(id.value())
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain("handgun")
                .doesNotContain("partner");
        String coded = jdbc.sql("select coded_answers from report where id = ?")
                .param(id.value())
                .query(String.class)
                .single();
        assertThat(coded).contains("traffic-stop").doesNotContain("handgun");
    }

    @Test
    void theMessageThreadKeepsItsOrderAndIsSealedToo() {
        ReportId id = ReportId.random();
        add(id, "d".repeat(64), answers(), LocalDate.of(2026, 11, 2), null);
        reports.addMessage(id, new Message(Message.Author.REVIEWER, LocalDate.of(2026, 11, 3), "Was the light on?"));
        reports.addMessage(id, new Message(Message.Author.REPORTER, LocalDate.of(2026, 11, 4), "No, it was out."));

        assertThat(reports.messagesOf(id))
                .extracting(Message::author, Message::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Message.Author.REVIEWER, "Was the light on?"),
                        org.assertj.core.groups.Tuple.tuple(Message.Author.REPORTER, "No, it was out."));
        List<byte[]> bodies = jdbc.sql("select sealed_body from report_message")
                .query(byte[].class)
                .list();
        assertThat(bodies)
                .allSatisfy(b ->
                        assertThat(new String(b, StandardCharsets.ISO_8859_1)).doesNotContain("light"));
    }

    @Test
    void theStateChangesOnlyForAReportThatExists() {
        ReportId id = ReportId.random();
        add(id, "e".repeat(64), answers(), LocalDate.of(2026, 11, 22), null);

        assertThat(reports.changeState(id, ReportState.AWAITING_REPORTER)).isTrue();
        assertThat(reports.findByKeyHash("e".repeat(64)))
                .get()
                .extracting(Reports.Filed::state)
                .isEqualTo(ReportState.AWAITING_REPORTER);
        assertThat(reports.changeState(ReportId.random(), ReportState.IN_REVIEW))
                .isFalse();
    }

    @Test
    void deletingTheDataKeyShredsTheText() {
        ReportId id = ReportId.random();
        add(id, "f".repeat(64), answers(), LocalDate.of(2026, 11, 22), null);
        jdbc.sql("delete from report_data_key where report_id = ?")
                .param(id.value())
                .update();

        assertThatThrownBy(() -> reports.answersOf(id)).hasMessageContaining("shredded");
    }

    @Test
    void twoReportsCannotShareAKeyHash() {
        add(ReportId.random(), "9".repeat(64), answers(), LocalDate.of(2026, 11, 22), null);

        assertThatThrownBy(() -> add(ReportId.random(), "9".repeat(64), answers(), LocalDate.of(2026, 11, 22), null))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void aNodeWithAnotherMasterKeyRefusesToStart() {
        add(ReportId.random(), "0".repeat(64), answers(), LocalDate.of(2026, 11, 22), null);
        Reports withOtherKey = new Reports(jdbc, null, JsonMapper.builder().build(), vaultWith(otherMasterKey()));

        assertThatThrownBy(withOtherKey::masterKeyMatches).hasMessageContaining("another master key");
        reports.masterKeyMatches();
    }

    @Test
    void noColumnCanHoldTheInstantOfFiling() {
        List<String> timestamps = jdbc.sql("""
                        select table_name || '.' || column_name from information_schema.columns
                        where lower(table_name) like 'report%' and lower(data_type) like '%time%'""").query(String.class).list();
        assertThat(timestamps).isEmpty();
    }

    private Vault vaultWith(String masterKey) {
        return new Vault(new NearmissProperties(dataDir, masterKey, null, null, 262_144, null, null));
    }

    private static String otherMasterKey() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    private static Answers answers() {
        return new Answers(
                1,
                Map.of("activity", "traffic-stop", "officersOnScene", 2, "factors", List.of("concealed-weapon")),
                Map.of("narrative", Stories.NARRATIVE));
    }

    private void add(ReportId id, String keyHash, Answers answers, LocalDate filedOn, java.util.UUID agency) {
        reports.addAll(List.of(new Reports.NewReport(id, keyHash, answers, filedOn, agency)));
    }
}
