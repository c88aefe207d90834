package org.nearmiss.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only record of what staff and administrators did: who, what, to what, when. Each entry
 * carries the hash of the one before, so changing or deleting any entry breaks the chain from there
 * on, and {@link #verify()} names the first broken link. Never records anything about a reporter.
 */
@Component
public class AuditLog {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One entry of the log. */
    public record Entry(
            long seq, Instant at, String actor, String action, String subject, String previousHash, String hash) {}

    /** The outcome of a verification: how many entries were checked and the first broken one, if any. */
    public record Verification(long checked, Optional<Long> firstBroken) {
        public boolean intact() {
            return firstBroken.isEmpty();
        }
    }

    /**
     * Appends an entry, in the caller's transaction when there is one, so the record and the action
     * it records commit or fail together. Appends are serialized through a head row, on every node.
     *
     * @param actor who did it: an account's e-mail, or {@code system}
     * @param action a dotted verb such as {@code account.disabled}
     * @param subject what it was done to, or {@code null}
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public Entry record(String actor, String action, String subject) {
        Head head = jdbc.sql("select seq, hash from audit_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
        long seq = head.seq() + 1;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String hash = hashOf(seq, at, actor, action, subject, head.hash());
        jdbc.sql("""
                insert into audit_entry (seq, at, actor, action, subject, previous_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(seq, Timestamp.from(at), actor, action, subject, head.hash(), hash)
                .update();
        jdbc.sql("update audit_head set seq = ?, hash = ? where id = 1")
                .params(seq, hash)
                .update();
        return new Entry(seq, at, actor, action, subject, head.hash(), hash);
    }

    private record Head(long seq, String hash) {}

    /** The newest entries first. */
    public List<Entry> latest(int limit) {
        return jdbc.sql("select seq, at, actor, action, subject, previous_hash, hash from audit_entry"
                        + " order by seq desc limit ?")
                .param(limit)
                .query((rs, n) -> new Entry(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    /** Recomputes the whole chain and reports the first entry that does not fit it. */
    @Transactional(readOnly = true)
    public Verification verify() {
        String[] previous = {GENESIS};
        long[] expectedSeq = {1};
        Long[] broken = {null};
        long[] checked = {0};
        jdbc.sql("select seq, at, actor, action, subject, previous_hash, hash from audit_entry order by seq")
                .query(rs -> {
                    if (broken[0] != null) {
                        return;
                    }
                    long seq = rs.getLong(1);
                    Instant at = rs.getTimestamp(2).toInstant();
                    String hash = rs.getString(7);
                    boolean fits = seq == expectedSeq[0]
                            && previous[0].equals(rs.getString(6))
                            && hash.equals(
                                    hashOf(seq, at, rs.getString(3), rs.getString(4), rs.getString(5), previous[0]));
                    checked[0]++;
                    if (!fits) {
                        broken[0] = Math.min(seq, expectedSeq[0]);
                        return;
                    }
                    previous[0] = hash;
                    expectedSeq[0] = seq + 1;
                });
        if (broken[0] == null) {
            // Entries deleted from the end leave the head ahead of the last entry.
            Long headSeq = jdbc.sql("select seq from audit_head where id = 1")
                    .query(Long.class)
                    .single();
            if (headSeq != expectedSeq[0] - 1) {
                broken[0] = expectedSeq[0];
            }
        }
        return new Verification(checked[0], Optional.ofNullable(broken[0]));
    }

    static String hashOf(long seq, Instant at, String actor, String action, String subject, String previousHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // Length-prefixed fields, so no two different entries can be made to read the same.
            for (String field : new String[] {
                String.valueOf(seq), at.toString(), actor, action, subject == null ? "" : subject, previousHash
            }) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
