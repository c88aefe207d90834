package org.nearmiss.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.nearmiss.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit log's keyed chain, on H2 and PostgreSQL: any change or removal is found and named, even by
 * someone who can write the database and recompute hashes without the key; a shortened log is found by
 * the checkpoints kept outside the database.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class AuditLogTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:15:30.123Z"), ZoneOffset.UTC);
    private static final byte[] KEY = "a key that never is in the database".getBytes(StandardCharsets.UTF_8);

    @Parameter
    TestDatabase database;

    private TestDatabase.Fresh fresh;
    private JdbcClient jdbc;
    private AuditLog audit;

    @BeforeEach
    void freshDatabase() {
        fresh = database.create();
        jdbc = JdbcClient.create(fresh.migrated());
        audit = new AuditLog(jdbc, CLOCK, KEY);
        audit.record("ana@agency.gov", "account.created", "REVIEWER");
        audit.record("ana@agency.gov", "signin", null);
        audit.record("bo@agency.gov", "account.disabled", "cy@agency.gov");
    }

    @AfterEach
    void dropDatabase() {
        fresh.close();
    }

    @Test
    void eachEntryCarriesTheHashOfTheOneBefore() {
        assertThat(audit.latest(10)).extracting(AuditLog.Entry::seq).containsExactly(3L, 2L, 1L);
        AuditLog.Entry first = audit.latest(10).get(2);
        AuditLog.Entry second = audit.latest(10).get(1);
        assertThat(first.previousHash()).isEqualTo(AuditLog.GENESIS);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(audit.verify()).isEqualTo(new AuditLog.Verification(3, java.util.Optional.empty()));
    }

    @Test
    void aChangedEntryBreaksTheChainThere() {
        jdbc.sql("update audit_entry set actor = 'someone@else.gov' where seq = 2")
                .update();

        assertThat(audit.verify().firstBroken()).contains(2L);
    }

    @Test
    void aRemovedEntryBreaksTheChainWhereItWas() {
        jdbc.sql("delete from audit_entry where seq = 2").update();

        assertThat(audit.verify().firstBroken()).contains(2L);
    }

    @Test
    void removingTheNewestEntryIsFoundToo() {
        jdbc.sql("delete from audit_entry where seq = 3").update();

        assertThat(audit.verify().firstBroken()).contains(3L);
    }

    @Test
    void rewritingAnEntryWithAFreshHashStillBreaksTheNext() {
        String forged = AuditLog.hashOf(
                KEY,
                2,
                Instant.parse("2026-11-22T10:15:30.123Z"),
                "x@y.gov",
                "signin",
                null,
                audit.latest(10).get(2).hash());
        jdbc.sql("update audit_entry set actor = 'x@y.gov', hash = ? where seq = 2")
                .param(forged)
                .update();

        assertThat(audit.verify().firstBroken()).contains(3L);
    }

    @Test
    void aChainRewrittenByOneWhoCanWriteTheDatabaseButHasNoKeyIsFound() {
        String previous = AuditLog.GENESIS;
        byte[] guessed = "the attacker's own key".getBytes(StandardCharsets.UTF_8);
        for (AuditLog.Entry entry : audit.latest(10).reversed()) {
            String actor = entry.seq() == 2 ? "x@y.gov" : entry.actor();
            String hash =
                    AuditLog.hashOf(guessed, entry.seq(), entry.at(), actor, entry.action(), entry.subject(), previous);
            jdbc.sql("update audit_entry set actor = ?, previous_hash = ?, hash = ? where seq = ?")
                    .params(actor, previous, hash, entry.seq())
                    .update();
            previous = hash;
        }
        jdbc.sql("update audit_head set hash = ? where id = 1").param(previous).update();

        assertThat(audit.verify().firstBroken()).contains(1L);
    }

    @Test
    void removingTheNewestEntriesAndMovingTheHeadIsFoundByACheckpointKeptOutside() {
        AuditLog.Checkpoint kept = audit.checkpoint();
        assertThat(kept.seq()).isEqualTo(3);
        AuditLog.Entry second = audit.latest(10).get(1);

        jdbc.sql("delete from audit_entry where seq = 3").update();
        jdbc.sql("update audit_head set seq = 2, hash = ? where id = 1")
                .param(second.hash())
                .update();

        assertThat(audit.verify().intact())
                .as("a shorter chain that is whole cannot be told from the database alone")
                .isTrue();
        assertThat(audit.verify(List.of(kept)).firstBroken()).contains(3L);
        assertThat(AuditLog.Checkpoint.parse(kept.toString())).contains(kept);
    }

    @Test
    void aCheckpointTheChainNoLongerHoldsIsFound() {
        AuditLog.Checkpoint kept = audit.checkpoint();
        AuditLog.Entry third = audit.latest(10).getFirst();
        jdbc.sql("delete from audit_entry where seq = 3").update();
        jdbc.sql("update audit_head set seq = 2, hash = ? where id = 1")
                .param(audit.latest(10).getFirst().hash())
                .update();
        audit.record("mallory@agency.gov", "signin", null);

        assertThat(audit.latest(1).getFirst().hash()).isNotEqualTo(third.hash());
        assertThat(audit.verify(List.of(kept)).firstBroken()).contains(3L);
    }

    @Test
    void anUnkeyedChainIsKeyedOnceAndWhatWasFoundIsRecorded() throws Exception {
        jdbc.sql("delete from audit_entry").update();
        String previous = AuditLog.GENESIS;
        Instant at = CLOCK.instant();
        for (long seq = 1; seq <= 3; seq++) {
            String hash = AuditLog.unkeyedHashOf(seq, at, "ana@agency.gov", "signin", null, previous);
            jdbc.sql(
                            "insert into audit_entry (seq, at, actor, action, subject, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(seq, java.sql.Timestamp.from(at), "ana@agency.gov", "signin", null, previous, hash)
                    .update();
            previous = hash;
        }
        jdbc.sql("update audit_head set seq = 3, hash = ? where id = 1")
                .param(previous)
                .update();

        try (java.sql.Connection connection = fresh.migrated().getConnection()) {
            new V11__Key_the_audit_chain(new Vault(KEY_HOLDER, epochFile())).migrate(contextOf(connection));
        }

        AuditLog keyed = new AuditLog(jdbc, CLOCK, new Vault(KEY_HOLDER, epochFile()).derivedKey(AuditLog.KEY_PURPOSE));
        assertThat(keyed.verify()).isEqualTo(new AuditLog.Verification(4, java.util.Optional.empty()));
        assertThat(keyed.latest(1).getFirst().action()).isEqualTo("audit.keyed");
        assertThat(keyed.latest(1).getFirst().subject()).contains("was whole");
    }

    private static final MasterKey KEY_HOLDER =
            MasterKey.load(java.util.Base64.getEncoder().encodeToString(new byte[32]), java.nio.file.Path.of("unused"));

    private static java.nio.file.Path epochFile() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("nearmiss-epochs-");
        dir.toFile().deleteOnExit();
        return dir.resolve("shred.key");
    }

    private static org.flywaydb.core.api.migration.Context contextOf(java.sql.Connection connection) {
        return new org.flywaydb.core.api.migration.Context() {
            @Override
            public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
                return null;
            }

            @Override
            public java.sql.Connection getConnection() {
                return connection;
            }
        };
    }
}
