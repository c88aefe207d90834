package org.nearmiss.intake;

import jakarta.annotation.PostConstruct;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.nearmiss.system.DataKeyHolder;
import org.nearmiss.system.Vault;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Filed reports in the database. Coded answers are stored as JSON for analysis; the reporter's words
 * (free-text answers and messages) only sealed with the report's own data key, which is stored
 * wrapped in a table of its own so that deleting one row shreds all of a report's text.
 */
@Repository
class Reports implements DataKeyHolder {

    private static final TypeReference<Map<String, Object>> CODED = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> TEXT = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;
    private final Vault vault;

    Reports(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, Vault vault) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.vault = vault;
    }

    /**
     * Refuses to start with a master key other than the one that wrapped the stored data keys: a node
     * started without the shared key would otherwise file reports no other node can open.
     */
    @PostConstruct
    void masterKeyMatches() {
        long foreign = jdbc.sql("select count(*) from report_data_key where master_key_id <> ?")
                .param(vault.masterKeyId())
                .query(Long.class)
                .single();
        if (foreign > 0) {
            throw new IllegalStateException(foreign + " stored data keys were wrapped by another master key than the"
                    + " one configured (NEARMISS_MASTER_KEY or the data dir's master.key); refusing to start");
        }
    }

    /** A report as the status look-up finds it. */
    record Filed(ReportId id, ReportState state, LocalDate filedOn) {}

    /** A report about to be stored: its words still open, to be sealed as it is written. */
    record NewReport(ReportId id, String keyHash, Answers answers, LocalDate filedOn, UUID agencyId) {}

    /**
     * Stores reports, each with a data key of its own, in one batched statement per table. Joins the
     * caller's transaction.
     */
    void addAll(List<NewReport> filed) {
        List<Vault.DataKey> dataKeys = filed.stream()
                .map(report -> vault.newDataKey(report.id().value()))
                .toList();
        batch.batchUpdate("""
                insert into report (id, key_hash, questionnaire_version, filed_on, state, coded_answers, sealed_text,
                    agency_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement row, int i) throws SQLException {
                NewReport report = filed.get(i);
                row.setObject(1, report.id().value());
                row.setString(2, report.keyHash());
                row.setInt(3, report.answers().questionnaireVersion());
                row.setObject(4, report.filedOn());
                row.setString(5, ReportState.FILED.name());
                row.setString(6, json.writeValueAsString(report.answers().coded()));
                row.setBytes(
                        7,
                        dataKeys.get(i)
                                .seal(json.writeValueAsBytes(report.answers().freeText())));
                if (report.agencyId() == null) {
                    row.setNull(8, Types.OTHER);
                } else {
                    row.setObject(8, report.agencyId());
                }
            }

            @Override
            public int getBatchSize() {
                return filed.size();
            }
        });
        batch.batchUpdate(
                "insert into report_data_key (report_id, master_key_id, wrapped_key) values (?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement row, int i) throws SQLException {
                        row.setObject(1, filed.get(i).id().value());
                        row.setString(2, vault.masterKeyId());
                        row.setBytes(3, dataKeys.get(i).wrapped());
                    }

                    @Override
                    public int getBatchSize() {
                        return filed.size();
                    }
                });
    }

    Optional<UUID> agencyOf(ReportId id) {
        return jdbc.sql("select agency_id from report where id = ?")
                .param(id.value())
                .query((rs, n) -> Optional.ofNullable(rs.getObject("agency_id", UUID.class)))
                .optional()
                .flatMap(agency -> agency);
    }

    Optional<Filed> findByKeyHash(String keyHash) {
        return jdbc.sql("select id, state, filed_on from report where key_hash = ?")
                .param(keyHash)
                .query((rs, n) -> new Filed(
                        new ReportId(rs.getObject("id", UUID.class)),
                        ReportState.valueOf(rs.getString("state")),
                        rs.getObject("filed_on", LocalDate.class)))
                .optional();
    }

    Optional<Answers> answersOf(ReportId id) {
        return jdbc.sql("select questionnaire_version, coded_answers, sealed_text from report where id = ?")
                .param(id.value())
                .query((rs, n) -> new Stored(rs.getInt(1), rs.getString(2), rs.getBytes(3)))
                .optional()
                .map(stored -> new Answers(
                        stored.version(),
                        json.readValue(stored.coded(), CODED),
                        json.readValue(dataKeyOf(id).open(stored.sealed()), TEXT)));
    }

    Optional<Answers> codedOf(ReportId id) {
        return jdbc.sql("select questionnaire_version, coded_answers from report where id = ?")
                .param(id.value())
                .query((rs, n) -> new Answers(rs.getInt(1), json.readValue(rs.getString(2), CODED), Map.of()))
                .optional();
    }

    private record Stored(int version, String coded, byte[] sealed) {}

    List<Message> messagesOf(ReportId id) {
        List<SealedMessage> sealed = jdbc.sql(
                        "select author, sent_on, sealed_body from report_message where report_id = ? order by position")
                .param(id.value())
                .query((rs, n) -> new SealedMessage(
                        Message.Author.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class), rs.getBytes(3)))
                .list();
        if (sealed.isEmpty()) {
            return List.of();
        }
        Vault.DataKey dataKey = dataKeyOf(id);
        return sealed.stream()
                .map(m ->
                        new Message(m.author(), m.sentOn(), new String(dataKey.open(m.body()), StandardCharsets.UTF_8)))
                .toList();
    }

    private record SealedMessage(Message.Author author, LocalDate sentOn, byte[] body) {}

    void addMessage(ReportId id, Message message) {
        byte[] body = dataKeyOf(id).seal(message.text().getBytes(StandardCharsets.UTF_8));
        jdbc.sql("""
                insert into report_message (report_id, position, author, sent_on, sealed_body)
                values (:id, (select coalesce(max(position), 0) + 1 from report_message where report_id = :id),
                        :author, :sentOn, :body)""")
                .param("id", id.value())
                .param("author", message.author().name())
                .param("sentOn", message.sentOn())
                .param("body", body)
                .update();
    }

    boolean changeState(ReportId id, ReportState state) {
        return jdbc.sql("update report set state = ? where id = ?")
                        .params(state.name(), id.value())
                        .update()
                > 0;
    }

    boolean isShredded(ReportId id) {
        return jdbc.sql("select count(*) from report_data_key where report_id = ?")
                        .param(id.value())
                        .query(Long.class)
                        .single()
                == 0;
    }

    boolean deleteDataKey(ReportId id) {
        return jdbc.sql("delete from report_data_key where report_id = ?")
                        .param(id.value())
                        .update()
                > 0;
    }

    @Override
    public List<DataKeyHolder.Stored> keys() {
        return jdbc.sql("select report_id, wrapped_key from report_data_key")
                .query((rs, n) -> new DataKeyHolder.Stored(rs.getObject(1, java.util.UUID.class), rs.getBytes(2)))
                .list();
    }

    @Override
    public boolean replace(DataKeyHolder.Stored stored, byte[] rewrapped) {
        return jdbc.sql("update report_data_key set wrapped_key = ? where report_id = ? and wrapped_key = ?")
                        .params(rewrapped, stored.owner(), stored.wrapped())
                        .update()
                > 0;
    }

    private Vault.DataKey dataKeyOf(ReportId id) {
        byte[] wrapped = jdbc.sql("select wrapped_key from report_data_key where report_id = ?")
                .param(id.value())
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .orElseThrow(() -> new IllegalStateException("The text of report " + id + " has been shredded"));
        return vault.unwrap(id.value(), wrapped);
    }
}
