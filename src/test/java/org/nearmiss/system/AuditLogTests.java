package org.nearmiss.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.nearmiss.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log's hash chain, on H2 and PostgreSQL: any change or removal is found and named. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class AuditLogTests {

    @Parameter
    TestDatabase database;

    private TestDatabase.Fresh fresh;
    private JdbcClient jdbc;
    private AuditLog audit;

    @BeforeEach
    void freshDatabase() {
        fresh = database.create();
        jdbc = JdbcClient.create(fresh.migrated());
        audit = new AuditLog(jdbc, Clock.fixed(Instant.parse("2026-11-22T10:15:30.123Z"), ZoneOffset.UTC));
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
}
