package org.nearmiss.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Filings committed in groups: every filing that returned is stored with its event, a report that cannot
 * be stored fails alone, and a caller's own transaction is joined, on the embedded default and on
 * PostgreSQL alike.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class GroupCommitTests {

    @Parameter
    TestDatabase database;

    @TempDir
    Path dataDir;

    private TestDatabase.Fresh fresh;
    private JdbcClient jdbc;
    private TransactionTemplate transactions;
    private final ConcurrentLinkedQueue<ReportFiled> published = new ConcurrentLinkedQueue<>();
    private GroupCommit filings;

    @BeforeEach
    void start() {
        fresh = database.create();
        DataSource dataSource = fresh.migrated();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        Reports reports = new Reports(
                jdbc,
                new JdbcTemplate(dataSource),
                JsonMapper.builder().build(),
                new Vault(new NearmissProperties(dataDir, null, null, null, 262_144, null, null)));
        filings = new GroupCommit(reports, transactions, event -> published.add((ReportFiled) event));
        filings.start();
    }

    @AfterEach
    void stop() {
        filings.stop();
        fresh.close();
    }

    @Test
    void everyFilingThatReturnedIsStoredOnceWithItsEvent() throws Exception {
        List<Reports.NewReport> filed = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            filed.add(aReport(i));
        }
        try (ExecutorService reporters = Executors.newFixedThreadPool(24)) {
            List<Future<?>> done = new ArrayList<>();
            for (Reports.NewReport report : filed) {
                done.add(reporters.submit(() -> filings.write(report)));
            }
            for (Future<?> each : done) {
                each.get();
            }
        }

        assertThat(jdbc.sql("select count(*) from report").query(Long.class).single())
                .isEqualTo(300);
        assertThat(jdbc.sql("select count(*) from report_data_key")
                        .query(Long.class)
                        .single())
                .isEqualTo(300);
        assertThat(published)
                .extracting(ReportFiled::reportId)
                .containsExactlyInAnyOrderElementsOf(
                        filed.stream().map(Reports.NewReport::id).toList());
    }

    @Test
    void aReportThatCannotBeStoredFailsAloneAndItsNeighboursAreCommitted() {
        filings.write(aReport(7));
        List<GroupCommit.Waiting> group = new ArrayList<>();
        for (int i : new int[] {1, 2, 7, 3}) {
            group.add(new GroupCommit.Waiting(aReport(i), new CompletableFuture<>()));
        }

        filings.commit(group);

        assertThat(group.get(2).committed())
                .isCompletedExceptionally()
                .failsWithin(java.time.Duration.ZERO)
                .withThrowableThat()
                .havingCause()
                .isInstanceOf(DuplicateKeyException.class);
        for (int i : new int[] {0, 1, 3}) {
            assertThat(group.get(i).committed()).isCompleted().isNotCompletedExceptionally();
        }
        assertThat(jdbc.sql("select count(*) from report").query(Long.class).single())
                .isEqualTo(4);
        assertThat(published).hasSize(4);
    }

    @Test
    void insideACallersTransactionTheReportIsWrittenThereAndRolledBackWithIt() {
        transactions.executeWithoutResult(tx -> {
            filings.write(aReport(1));
            tx.setRollbackOnly();
        });

        assertThat(jdbc.sql("select count(*) from report").query(Long.class).single())
                .isZero();
    }

    @Test
    void afterStoppingAFilingIsStillStored() {
        filings.stop();

        filings.write(aReport(1));

        assertThat(jdbc.sql("select count(*) from report").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aFailureReachesTheFilerAndNothingOfTheReportIsStored() {
        filings.write(aReport(5));

        assertThatThrownBy(() -> filings.write(aReport(5))).isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.sql("select count(*) from report").query(Long.class).single())
                .isEqualTo(1);
    }

    /** Reports with the same number share a key hash, which the store refuses twice. */
    private static Reports.NewReport aReport(int number) {
        String keyHash = HexFormat.of().formatHex(new byte[32]).substring(8) + "%08d".formatted(number);
        return new Reports.NewReport(
                ReportId.random(),
                keyHash,
                new Answers(1, Map.of("activity", "traffic-stop"), Map.of("narrative", Stories.NARRATIVE)),
                LocalDate.of(2026, 11, 23),
                null);
    }
}
