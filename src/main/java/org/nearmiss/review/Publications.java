package org.nearmiss.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.nearmiss.intake.ReportId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every publication, in order: the store of record for what readers may see, from which anything
 * derived (the library's index) can be rebuilt.
 */
@Repository
public class Publications {

    private static final TypeReference<Map<String, Object>> CODED = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    private final ApplicationEventPublisher events;

    Publications(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    /** Stores a publication and returns it with its sequence number. */
    ReportPublished add(
            ReportId reportId,
            LocalDate publishedOn,
            Draft draft,
            int questionnaireVersion,
            Map<String, Object> answers,
            int taxonomyVersion,
            UUID agencyId) {
        Object month = answers.get("incidentMonth");
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into publication (report_id, published_on, incident_month, title, narrative, lessons,
                    takeaways, questionnaire_version, coded_answers, taxonomy_version, codes, agency_id)
                values (:report, :on, :month, :title, :narrative, :lessons, :takeaways, :qv, :coded, :tv, :codes,
                    :agency)""")
                .param("report", reportId.value())
                .param("on", publishedOn)
                .param("month", month == null ? null : month.toString())
                .param("title", draft.title())
                .param("narrative", draft.narrative())
                .param("lessons", String.join("\n", draft.lessonList()))
                .param("takeaways", draft.takeaways())
                .param("qv", questionnaireVersion)
                .param("coded", json.writeValueAsString(answers))
                .param("tv", taxonomyVersion)
                .param("codes", String.join(",", draft.codes()))
                .param("agency", agencyId)
                .update(keys, "seq");
        long seq = keys.getKeyAs(Number.class).longValue();
        return new ReportPublished(
                seq,
                ReportPublished.publicIdOf(publishedOn, seq),
                reportId,
                null,
                publishedOn,
                month == null ? null : month.toString(),
                draft.title(),
                draft.narrative(),
                draft.lessonList(),
                draft.takeaways(),
                questionnaireVersion,
                answers,
                taxonomyVersion,
                draft.codes(),
                agencyId);
    }

    /** One imported publication: already de-identified elsewhere, published without review. */
    public record Imported(
            String externalRef,
            String incidentMonth,
            String title,
            String narrative,
            List<String> lessons,
            int questionnaireVersion,
            Map<String, Object> answers) {}

    /**
     * Publishes an imported report unless one with the same external reference exists.
     *
     * @return the publication, or empty when the reference was imported before
     */
    @Transactional
    public Optional<ReportPublished> importPublished(Imported imported, LocalDate publishedOn) {
        long existing = jdbc.sql("select count(*) from publication where external_ref = ?")
                .param(imported.externalRef())
                .query(Long.class)
                .single();
        if (existing > 0) {
            return Optional.empty();
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into publication (external_ref, published_on, incident_month, title, narrative, lessons,
                    takeaways, questionnaire_version, coded_answers, taxonomy_version, codes)
                values (:ref, :on, :month, :title, :narrative, :lessons, '', :qv, :coded, 0, '')""")
                .param("ref", imported.externalRef())
                .param("on", publishedOn)
                .param("month", imported.incidentMonth())
                .param("title", imported.title())
                .param("narrative", imported.narrative())
                .param("lessons", String.join("\n", imported.lessons()))
                .param("qv", imported.questionnaireVersion())
                .param("coded", json.writeValueAsString(imported.answers()))
                .update(keys, "seq");
        long seq = keys.getKeyAs(Number.class).longValue();
        ReportPublished published = new ReportPublished(
                seq,
                ReportPublished.publicIdOf(publishedOn, seq),
                null,
                imported.externalRef(),
                publishedOn,
                imported.incidentMonth(),
                imported.title(),
                imported.narrative(),
                imported.lessons(),
                "",
                imported.questionnaireVersion(),
                imported.answers(),
                0,
                List.of(),
                null);
        events.publishEvent(published);
        return Optional.of(published);
    }

    /**
     * Publishes imported reports in one transaction, as {@link #importPublished} does each: an import
     * commits a batch at a time rather than a line at a time (each commit of the embedded database is
     * written to disk). If any fails, none is stored.
     *
     * @return for each report, in order, its publication, or empty when its reference was imported before
     */
    @Transactional
    public List<Optional<ReportPublished>> importAll(List<Imported> batch, LocalDate publishedOn) {
        return batch.stream()
                .map(imported -> importPublished(imported, publishedOn))
                .toList();
    }

    /** How many reports are published. */
    public long count() {
        return jdbc.sql("select count(*) from publication").query(Long.class).single();
    }

    /** The highest sequence number published so far, or 0. */
    public long lastSequence() {
        return jdbc.sql("select coalesce(max(seq), 0) from publication")
                .query(Long.class)
                .single();
    }

    /** Publications after the given sequence number, oldest first, at most {@code limit}. */
    public List<ReportPublished> after(long sequence, int limit) {
        return jdbc.sql("select * from publication where seq > ? order by seq limit ?")
                .params(sequence, limit)
                .query(this::map)
                .list();
    }

    /** A publication's coded answers, its incident month included, without its words. */
    record Coded(long sequence, Map<String, Object> answers) {}

    /** The coded answers of the publications after the given sequence number, oldest first, at most {@code limit}. */
    List<Coded> codedAfter(long sequence, int limit) {
        return jdbc.sql("select seq, incident_month, coded_answers from publication where seq > ? order by seq limit ?")
                .params(sequence, limit)
                .query((rs, n) -> {
                    Map<String, Object> answers = new HashMap<>(json.readValue(rs.getString(3), CODED));
                    // The column is what was published as the month, for imports too.
                    answers.put(ReidentificationRisk.MONTH, rs.getString(2));
                    return new Coded(rs.getLong(1), answers);
                })
                .list();
    }

    /** The publication of a report, if it was published. */
    public Optional<ReportPublished> of(ReportId reportId) {
        return jdbc.sql("select * from publication where report_id = ?")
                .param(reportId.value())
                .query(this::map)
                .optional();
    }

    private ReportPublished map(ResultSet rs, int row) throws SQLException {
        long seq = rs.getLong("seq");
        LocalDate on = rs.getObject("published_on", LocalDate.class);
        String lessons = rs.getString("lessons");
        String codes = rs.getString("codes");
        UUID reportId = rs.getObject("report_id", UUID.class);
        return new ReportPublished(
                seq,
                ReportPublished.publicIdOf(on, seq),
                reportId == null ? null : new ReportId(reportId),
                rs.getString("external_ref"),
                on,
                rs.getString("incident_month"),
                rs.getString("title"),
                rs.getString("narrative"),
                lessons.isEmpty() ? List.of() : lessons.lines().toList(),
                rs.getString("takeaways"),
                rs.getInt("questionnaire_version"),
                json.readValue(rs.getString("coded_answers"), CODED),
                rs.getInt("taxonomy_version"),
                codes.isEmpty() ? List.of() : Arrays.asList(codes.split(",")),
                rs.getObject("agency_id", UUID.class));
    }
}
