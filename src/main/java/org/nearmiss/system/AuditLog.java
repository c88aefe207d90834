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
 * The append-only record of what staff and administrators did: who, what, to what, when. Never
 * records anything about a reporter.
 *
 * <p>Each entry carries a keyed hash (HMAC-SHA256) of itself and of the entry before it. The key is
 * derived from the master key, which is never in the database: someone who can write the database but
 * does not hold the master key cannot change, insert or remove an entry without {@link #verify}
 * naming the first broken one. Removing the newest entries and moving the head back leaves a shorter
 * chain that is still whole; that is found by comparing with checkpoints (sequence number and hash of
 * the head) kept outside the database: {@link AuditCheckpoints} writes them to a file or mails them,
 * and {@code audit checkpoint} prints one.
 */
@Component
public class AuditLog {

    static final String GENESIS = "0".repeat(64);
    static final String KEY_PURPOSE = "audit log chain";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final byte[] key;

    @org.springframework.beans.factory.annotation.Autowired
    AuditLog(JdbcClient jdbc, Clock clock, Vault vault) {
        this(jdbc, clock, vault.derivedKey(KEY_PURPOSE));
    }

    AuditLog(JdbcClient jdbc, Clock clock, byte[] key) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.key = key.clone();
    }

    /** The head of the chain as an operator keeps it outside the database: the last entry's number and hash. */
    public record Checkpoint(long seq, String hash) {

        /** Reads the form {@link #toString()} writes: {@code seq hash}; anything after is ignored. */
        public static Optional<Checkpoint> parse(String line) {
            String[] words = line.strip().split("\\s+");
            if (words.length < 2 || !words[0].matches("[0-9]{1,18}") || !words[1].matches("[0-9a-f]{64}")) {
                return Optional.empty();
            }
            return Optional.of(new Checkpoint(Long.parseLong(words[0]), words[1]));
        }

        @Override
        public String toString() {
            return seq + " " + hash;
        }
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
        String hash = hashOf(key, seq, at, actor, action, subject, head.hash());
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

    /** The head now, to be kept outside the database as a checkpoint. */
    public Checkpoint checkpoint() {
        return jdbc.sql("select seq, hash from audit_head where id = 1")
                .query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getString(2)))
                .single();
    }

    /** Recomputes the whole chain and reports the first entry that does not fit it. */
    @Transactional(readOnly = true)
    public Verification verify() {
        return verify(List.of());
    }

    /**
     * Recomputes the whole chain and reports the first entry that does not fit it, or the first
     * checkpoint the chain no longer holds (an entry at or before it was removed or changed).
     */
    @Transactional(readOnly = true)
    public Verification verify(List<Checkpoint> checkpoints) {
        java.util.Map<Long, String> expected = new java.util.HashMap<>();
        for (Checkpoint checkpoint : checkpoints) {
            expected.put(checkpoint.seq(), checkpoint.hash());
        }
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
                            && hash.equals(hashOf(
                                    key, seq, at, rs.getString(3), rs.getString(4), rs.getString(5), previous[0]))
                            && (!expected.containsKey(seq) || expected.get(seq).equals(hash));
                    checked[0]++;
                    if (!fits) {
                        broken[0] = Math.min(seq, expectedSeq[0]);
                        return;
                    }
                    previous[0] = hash;
                    expectedSeq[0] = seq + 1;
                });
        if (broken[0] == null) {
            // Entries deleted from the end leave the head ahead of the last entry, or a checkpoint beyond it.
            Checkpoint head = checkpoint();
            long last = expectedSeq[0] - 1;
            if (head.seq() != last || !head.hash().equals(previous[0])) {
                broken[0] = expectedSeq[0];
            }
            for (Checkpoint checkpoint : checkpoints) {
                if (checkpoint.seq() > last) {
                    broken[0] = broken[0] == null ? last + 1 : Math.min(broken[0], last + 1);
                }
            }
        }
        return new Verification(checked[0], Optional.ofNullable(broken[0]));
    }

    static String hashOf(
            byte[] key, long seq, Instant at, String actor, String action, String subject, String previousHash) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            fields(seq, at, actor, action, subject, previousHash).forEach(mac::update);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** The hash of the chain before it was keyed: SHA-256 of the same fields, kept to check an old chain once. */
    static String unkeyedHashOf(
            long seq, Instant at, String actor, String action, String subject, String previousHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            fields(seq, at, actor, action, subject, previousHash).forEach(sha::update);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An entry's fields, each prefixed by its length, so no two different entries can be made to read the same. */
    private static List<byte[]> fields(
            long seq, Instant at, String actor, String action, String subject, String previousHash) {
        List<byte[]> parts = new java.util.ArrayList<>();
        for (String field : new String[] {
            String.valueOf(seq), at.toString(), actor, action, subject == null ? "" : subject, previousHash
        }) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            parts.add((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            parts.add(bytes);
        }
        return parts;
    }
}
