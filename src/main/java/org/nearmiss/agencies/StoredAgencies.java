package org.nearmiss.agencies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Agencies, their coordinators and codes, as stored. */
@Repository
class StoredAgencies {

    private final JdbcClient jdbc;

    StoredAgencies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Agency agency) {
        jdbc.sql("""
                insert into agency (id, name, kind, size_band, state, status, asked_on, note)
                values (:id, :name, :kind, :size, :state, :status, :asked, :note)""")
                .param("id", agency.id())
                .param("name", agency.name())
                .param("kind", agency.kind().name())
                .param("size", agency.sizeBand().name())
                .param("state", agency.state())
                .param("status", agency.status().name())
                .param("asked", agency.askedOn())
                .param("note", agency.note())
                .update();
        agency.coordinators().forEach(c -> addCoordinator(agency.id(), c));
    }

    void addCoordinator(UUID agency, Agency.Coordinator coordinator) {
        jdbc.sql("insert into agency_coordinator (agency_id, email, display_name) values (?, ?, ?)")
                .params(agency, coordinator.email(), coordinator.displayName())
                .update();
    }

    boolean removeCoordinator(UUID agency, String email) {
        return jdbc.sql("delete from agency_coordinator where agency_id = ? and email = ?")
                        .params(agency, email)
                        .update()
                == 1;
    }

    boolean decide(UUID id, Agency.Status status, LocalDate on, String by, String reason) {
        return jdbc.sql("""
                update agency set status = :status, decided_on = :on, decided_by = :by, decline_reason = :reason
                where id = :id and status = 'PENDING'""")
                        .param("status", status.name())
                        .param("on", on)
                        .param("by", by)
                        .param("reason", reason)
                        .param("id", id)
                        .update()
                == 1;
    }

    void addCode(String code, UUID agency, LocalDate on) {
        jdbc.sql("update agency_code set retired_on = ? where agency_id = ? and retired_on is null")
                .params(on, agency)
                .update();
        jdbc.sql("insert into agency_code (code, agency_id, created_on) values (?, ?, ?)")
                .params(code, agency, on)
                .update();
    }

    boolean codeExists(String code) {
        return jdbc.sql("select count(*) from agency_code where code = ?")
                        .param(code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<UUID> activeAgencyOfCode(String code) {
        return jdbc.sql("""
                select c.agency_id from agency_code c join agency a on a.id = c.agency_id
                where c.code = ? and c.retired_on is null and a.status = 'ACTIVE'""").param(code).query(UUID.class).optional();
    }

    Optional<Agency> find(UUID id) {
        return select("where a.id = ?", id).stream().findFirst();
    }

    List<Agency> all() {
        return select("");
    }

    List<Agency> coordinatedBy(String email) {
        return select(
                "where a.status = 'ACTIVE' and a.id in (select agency_id from agency_coordinator where email = ?)",
                email);
    }

    void countReaderInvitations(UUID agency, String month, int invited) {
        int updated = jdbc.sql(
                        "update agency_reader_invitation set invited = invited + ? where agency_id = ? and invited_in = ?")
                .params(invited, agency, month)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into agency_reader_invitation (agency_id, invited_in, invited) values (?, ?, ?)")
                    .params(agency, month, invited)
                    .update();
        }
    }

    Map<UUID, Long> readerInvitations() {
        Map<UUID, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select agency_id, sum(invited) as invited from agency_reader_invitation group by agency_id")
                .query(rs -> {
                    counts.put(rs.getObject("agency_id", UUID.class), rs.getLong("invited"));
                });
        return counts;
    }

    private List<Agency> select(String where, Object... params) {
        Map<UUID, List<Agency.Coordinator>> coordinators = new LinkedHashMap<>();
        jdbc.sql("select agency_id, email, display_name from agency_coordinator order by email")
                .query(rs -> {
                    coordinators
                            .computeIfAbsent(rs.getObject("agency_id", UUID.class), a -> new ArrayList<>())
                            .add(new Agency.Coordinator(rs.getString("email"), rs.getString("display_name")));
                });
        return jdbc.sql("""
                select a.*, (select c.code from agency_code c where c.agency_id = a.id and c.retired_on is null) as code
                from agency a
                """ + where + " order by a.asked_on desc, a.name")
                .params(params)
                .query((rs, n) -> map(rs, coordinators))
                .list();
    }

    private static Agency map(ResultSet rs, Map<UUID, List<Agency.Coordinator>> coordinators) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Agency(
                id,
                rs.getString("name"),
                Agency.Kind.valueOf(rs.getString("kind")),
                Agency.SizeBand.valueOf(rs.getString("size_band")),
                rs.getString("state"),
                Agency.Status.valueOf(rs.getString("status")),
                rs.getObject("asked_on", LocalDate.class),
                rs.getObject("decided_on", LocalDate.class),
                rs.getString("decline_reason"),
                rs.getString("note"),
                coordinators.getOrDefault(id, List.of()),
                rs.getString("code"));
    }
}
