package org.nearmiss.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.intake.ReportId;
import org.nearmiss.system.DataKeyHolder;
import org.nearmiss.system.Vault;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Review cases in the database. Saving checks the version the case was loaded at, so of two people
 * changing the same report at once the second is told, not overwritten. Drafts are sealed under the
 * case's own data key.
 */
@Repository
class ReviewCases implements DataKeyHolder {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Vault vault;

    ReviewCases(JdbcClient jdbc, JsonMapper json, Vault vault) {
        this.jdbc = jdbc;
        this.json = json;
        this.vault = vault;
    }

    void add(ReviewCase opened) {
        jdbc.sql("""
                insert into review_case (report_id, filed_on, stage, stage_since, sent_back, stage_one_by, version)
                values (?, ?, ?, ?, false, '', 0)""")
                .params(
                        opened.reportId().value(),
                        opened.filedOn(),
                        opened.stage().name(),
                        opened.stageSince())
                .update();
    }

    Optional<ReviewCase> find(ReportId id) {
        return jdbc.sql("select * from review_case where report_id = ?")
                .param(id.value())
                .query(this::map)
                .optional();
    }

    /** Cases in these stages, oldest filing first. */
    List<ReviewCase> inStages(Set<Stage> stages) {
        return jdbc.sql("select * from review_case where stage in (:stages) order by filed_on, report_id")
                .param("stages", stages.stream().map(Stage::name).toList())
                .query(this::map)
                .list();
    }

    /** Closed cases whose text is not yet destroyed and that closed on or before the given day. */
    List<ReviewCase> closedUnshreddedBy(LocalDate closedOnOrBefore) {
        return jdbc.sql("""
                select * from review_case
                where stage in ('PUBLISHED', 'REJECTED') and shredded_on is null and closed_on <= ?
                order by closed_on""").param(closedOnOrBefore).query(this::map).list();
    }

    /** The sealed draft, if one was ever saved and not shredded. */
    Optional<Draft> draftOf(ReportId id) {
        return jdbc.sql(
                        "select wrapped_key, sealed_draft from review_case where report_id = ? and wrapped_key is not null")
                .param(id.value())
                .query((rs, n) -> {
                    Vault.DataKey key = vault.unwrap(id.value(), rs.getBytes(1));
                    return json.readValue(key.open(rs.getBytes(2)), Draft.class);
                })
                .optional();
    }

    /**
     * Saves the case's state, and the draft when one is given, if nobody saved it since it was loaded.
     *
     * @throws ReviewRefused STALE when someone else saved first
     */
    void save(ReviewCase changed, Draft draft) {
        int updated = jdbc.sql("""
                update review_case set stage = :stage, stage_since = :since, sent_back = :sentBack,
                    stage_one_by = :by, reject_reason = :reject, closed_on = :closed, shredded_on = :shredded,
                    version = version + 1
                where report_id = :id and version = :version""")
                .param("stage", changed.stage().name())
                .param("since", changed.stageSince())
                .param("sentBack", changed.sentBack())
                .param(
                        "by",
                        changed.stageOneBy().stream()
                                .map(a -> a.value().toString())
                                .sorted()
                                .collect(Collectors.joining(",")))
                .param("reject", changed.rejectReason())
                .param("closed", changed.closedOn())
                .param("shredded", changed.shreddedOn())
                .param("id", changed.reportId().value())
                .param("version", changed.version())
                .update();
        if (updated == 0) {
            throw new ReviewRefused(
                    ReviewRefused.Reason.STALE,
                    "Someone else changed this report since you opened it. Reload it to see their changes.");
        }
        if (draft != null) {
            Vault.DataKey key = vault.newDataKey(changed.reportId().value());
            jdbc.sql("update review_case set master_key_id = ?, wrapped_key = ?, sealed_draft = ? where report_id = ?")
                    .params(
                            vault.masterKeyId(),
                            key.wrapped(),
                            key.seal(json.writeValueAsBytes(draft)),
                            changed.reportId().value())
                    .update();
        }
    }

    @Override
    public List<DataKeyHolder.Stored> keys() {
        return jdbc.sql("select report_id, wrapped_key from review_case where wrapped_key is not null")
                .query((rs, n) -> new DataKeyHolder.Stored(rs.getObject(1, java.util.UUID.class), rs.getBytes(2)))
                .list();
    }

    @Override
    public boolean replace(DataKeyHolder.Stored stored, byte[] rewrapped) {
        return jdbc.sql("update review_case set wrapped_key = ? where report_id = ? and wrapped_key = ?")
                        .params(rewrapped, stored.owner(), stored.wrapped())
                        .update()
                > 0;
    }

    /** Destroys the draft for good. */
    void shredDraft(ReportId id) {
        jdbc.sql(
                        "update review_case set master_key_id = null, wrapped_key = null, sealed_draft = null where report_id = ?")
                .param(id.value())
                .update();
    }

    private ReviewCase map(ResultSet rs, int row) throws SQLException {
        String by = rs.getString("stage_one_by");
        Set<AccountId> stageOneBy = by == null || by.isEmpty()
                ? Set.of()
                : Arrays.stream(by.split(","))
                        .map(UUID::fromString)
                        .map(AccountId::new)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
        return new ReviewCase(
                new ReportId(rs.getObject("report_id", UUID.class)),
                rs.getObject("filed_on", LocalDate.class),
                rs.getLong("version"),
                stageOneBy,
                Stage.valueOf(rs.getString("stage")),
                rs.getObject("stage_since", LocalDate.class),
                rs.getBoolean("sent_back"),
                rs.getString("reject_reason"),
                rs.getObject("closed_on", LocalDate.class),
                rs.getObject("shredded_on", LocalDate.class));
    }
}
