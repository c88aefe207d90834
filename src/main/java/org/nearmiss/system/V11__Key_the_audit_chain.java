package org.nearmiss.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Moves an existing audit log from the unkeyed chain (SHA-256) to the keyed one (HMAC-SHA256 under a
 * key derived from the master key), once, in Flyway's transaction. The old chain is checked first and
 * what was found is recorded in the keyed chain's last entry ({@code audit.keyed}), so a chain that was
 * already broken is never quietly made whole.
 */
@Component
class V11__Key_the_audit_chain extends BaseJavaMigration {

    private final Vault vault;

    V11__Key_the_audit_chain(Vault vault) {
        this.vault = vault;
    }

    private record Row(
            long seq, Instant at, String actor, String action, String subject, String previous, String hash) {}

    @Override
    public void migrate(Context context) throws Exception {
        byte[] key = vault.derivedKey(AuditLog.KEY_PURPOSE);
        Connection connection = context.getConnection();
        List<Row> rows = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet rs = select.executeQuery(
                        "select seq, at, actor, action, subject, previous_hash, hash from audit_entry order by seq")) {
            while (rs.next()) {
                rows.add(new Row(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        Long firstBroken = null;
        String previous = AuditLog.GENESIS;
        long expectedSeq = 1;
        for (Row row : rows) {
            boolean fits = row.seq() == expectedSeq
                    && row.previous().equals(previous)
                    && row.hash()
                            .equals(AuditLog.unkeyedHashOf(
                                    row.seq(), row.at(), row.actor(), row.action(), row.subject(), previous));
            if (!fits) {
                firstBroken = Math.min(row.seq(), expectedSeq);
                break;
            }
            previous = row.hash();
            expectedSeq = row.seq() + 1;
        }
        String keyedPrevious = AuditLog.GENESIS;
        try (PreparedStatement update = connection.prepareStatement(
                "update audit_entry set seq = ?, previous_hash = ?, hash = ? where seq = ?")) {
            long seq = 0;
            for (Row row : rows) {
                seq++;
                String hash =
                        AuditLog.hashOf(key, seq, row.at(), row.actor(), row.action(), row.subject(), keyedPrevious);
                update.setLong(1, seq);
                update.setString(2, keyedPrevious);
                update.setString(3, hash);
                update.setLong(4, row.seq());
                update.executeUpdate();
                keyedPrevious = hash;
            }
            long next = seq + 1;
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String finding = firstBroken == null
                    ? "the unkeyed chain of " + rows.size() + " entries was whole"
                    : "the unkeyed chain was broken at entry " + firstBroken + "; entries were renumbered";
            String hash = AuditLog.hashOf(key, next, now, "system", "audit.keyed", finding, keyedPrevious);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into audit_entry (seq, at, actor, action, subject, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, next);
                insert.setTimestamp(2, Timestamp.from(now));
                insert.setString(3, "system");
                insert.setString(4, "audit.keyed");
                insert.setString(5, finding);
                insert.setString(6, keyedPrevious);
                insert.setString(7, hash);
                insert.executeUpdate();
            }
            try (PreparedStatement head =
                    connection.prepareStatement("update audit_head set seq = ?, hash = ? where id = 1")) {
                head.setLong(1, next);
                head.setString(2, hash);
                head.executeUpdate();
            }
        }
    }
}
