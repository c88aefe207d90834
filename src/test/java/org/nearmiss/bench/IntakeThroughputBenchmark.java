package org.nearmiss.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nearmiss.NearmissApplication;
import org.nearmiss.intake.Stories;
import org.nearmiss.testing.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Intake throughput on PostgreSQL, with its ceiling in the same run: concurrent clients file reports
 * through the real HTTP API, then the same rows are inserted and committed over plain JDBC at the
 * same concurrency and pool size. Prints reports/s and latency percentiles. Not part of
 * {@code ./mvnw verify}; run it with
 *
 * <pre>./mvnw -Pbenchmark test -Dtest=IntakeThroughputBenchmark</pre>
 *
 * (PostgreSQL from {@code NEARMISS_TEST_POSTGRES_URL}, else an embedded one; {@code -Dbench.clients},
 * {@code -Dbench.seconds} to change the load).
 */
@Tag("benchmark")
class IntakeThroughputBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 32);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 30);
    private static final int POOL = 10;

    @Test
    void fileReportsThroughTheApiAndCompareWithPlainJdbc() throws Exception {
        try (TestDatabase.Fresh database = TestDatabase.POSTGRES.create()) {
            Path dataDir = Files.createTempDirectory("nearmiss-bench-");
            Result api;
            // Command-line arguments, which win over application.yaml (default properties would not).
            String[] settings = Map.of(
                            "server.port", "0",
                            "nearmiss.data-dir", dataDir.toString(),
                            "spring.datasource.url", database.url(),
                            "spring.datasource.username", database.username(),
                            "spring.datasource.password", database.password(),
                            "spring.datasource.hikari.maximum-pool-size", String.valueOf(POOL),
                            "nearmiss.throttle.filings", "1000000000",
                            "logging.level.root", "warn")
                    .entrySet()
                    .stream()
                    .map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            try (ConfigurableApplicationContext app =
                    new SpringApplicationBuilder(NearmissApplication.class).run(settings)) {
                if (!app.getEnvironment()
                        .getProperty("spring.datasource.url", "")
                        .startsWith("jdbc:postgresql")) {
                    throw new IllegalStateException("The benchmark must run on PostgreSQL");
                }
                int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                byte[] request = KeepAliveClient.post(
                        "/api/v1/reports", Stories.aTypicalStory().asJson(1));
                ThreadLocal<KeepAliveClient> connections = new ThreadLocal<>();
                java.util.concurrent.atomic.AtomicReference<Exception> firstFailure =
                        new java.util.concurrent.atomic.AtomicReference<>();
                BooleanSupplier file = () -> {
                    try {
                        if (connections.get() == null || connections.get().isClosed()) {
                            if (connections.get() != null) {
                                connections.get().close();
                            }
                            connections.set(new KeepAliveClient("localhost", port));
                        }
                        return connections.get().send(request) == 201;
                    } catch (Exception e) {
                        if (firstFailure.compareAndSet(null, e)) {
                            System.out.println("First HTTP failure: " + e);
                        }
                        if (connections.get() != null) {
                            connections.get().close();
                            connections.remove();
                        }
                        return false;
                    }
                };
                Result warmUp = run(file, WARMUP_SECONDS);
                api = run(file, SECONDS);
                // Every acknowledged report is stored, with its review case: the figure counts nothing else.
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                long stored = jdbc.sql("select count(*) from report")
                        .query(Long.class)
                        .single();
                long queued = jdbc.sql("select count(*) from review_case")
                        .query(Long.class)
                        .single();
                System.out.printf(
                        "Acknowledged %d, stored %d reports and %d review cases%n",
                        warmUp.ok() + api.ok(), stored, queued);
                if (stored < warmUp.ok() + api.ok() || queued < warmUp.ok() + api.ok()) {
                    throw new AssertionError("Acknowledged reports are missing");
                }
            }

            Result jdbc;
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(database.url());
            config.setUsername(database.username());
            config.setPassword(database.password());
            config.setMaximumPoolSize(POOL);
            try (HikariDataSource pool = new HikariDataSource(config)) {
                byte[] sealed = new byte[700];
                byte[] wrapped = new byte[60];
                new SecureRandom().nextBytes(sealed);
                String coded = "{\"activity\":\"traffic-stop\",\"incidentMonth\":\"2026-03\",\"timeOfDay\":\"20-24\","
                        + "\"lighting\":\"dark-lit\",\"officersOnScene\":2,\"weapons\":[\"handgun\"],"
                        + "\"injuryPotential\":\"fatality\",\"factors\":[\"concealed-weapon\",\"complacency\"]}";
                java.util.concurrent.atomic.AtomicReference<Exception> firstFailure =
                        new java.util.concurrent.atomic.AtomicReference<>();
                BooleanSupplier insert = () -> {
                    try (Connection c = pool.getConnection()) {
                        c.setAutoCommit(false);
                        UUID id = UUID.randomUUID();
                        try (PreparedStatement report = c.prepareStatement("insert into report (id, key_hash,"
                                        + " questionnaire_version, filed_on, state, coded_answers, sealed_text)"
                                        + " values (?, ?, 1, ?, 'FILED', ?, ?)");
                                PreparedStatement key = c.prepareStatement("insert into report_data_key"
                                        + " (report_id, master_key_id, wrapped_key) values (?, 'bench', ?)");
                                PreparedStatement reviewCase = c.prepareStatement("insert into review_case"
                                        + " (report_id, filed_on, stage, stage_since, sent_back, stage_one_by,"
                                        + " version) values (?, ?, 'STAGE_1', ?, false, '', 0)")) {
                            report.setObject(1, id);
                            report.setString(
                                    2,
                                    UUID.randomUUID().toString()
                                            + UUID.randomUUID().toString().substring(0, 28));
                            report.setObject(3, LocalDate.now());
                            report.setString(4, coded);
                            report.setBytes(5, sealed);
                            report.executeUpdate();
                            key.setObject(1, id);
                            key.setBytes(2, wrapped);
                            key.executeUpdate();
                            reviewCase.setObject(1, id);
                            reviewCase.setObject(2, LocalDate.now());
                            reviewCase.setObject(3, LocalDate.now());
                            reviewCase.executeUpdate();
                        }
                        c.commit();
                        return true;
                    } catch (Exception e) {
                        if (firstFailure.compareAndSet(null, e)) {
                            System.out.println("First JDBC failure: " + e);
                        }
                        return false;
                    }
                };
                run(insert, WARMUP_SECONDS / 2);
                jdbc = run(insert, SECONDS);
            }

            System.out.printf(
                    "%nIntake throughput on PostgreSQL, %d clients, pool %d, %d s each, %d cores%n",
                    CLIENTS, POOL, SECONDS, Runtime.getRuntime().availableProcessors());
            System.out.println(api.line("HTTP API  "));
            System.out.println(jdbc.line("plain JDBC"));
            System.out.printf("API / ceiling: %.0f%%%n%n", 100.0 * api.perSecond() / jdbc.perSecond());
        }
    }

    private record Result(long ok, long failed, double seconds, long[] latenciesNanos) {
        double perSecond() {
            return ok / seconds;
        }

        String line(String name) {
            return String.format(
                    "%s %8.0f reports/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (%d ok, %d failed)",
                    name, perSecond(), percentile(0.50), percentile(0.95), percentile(0.99), ok, failed);
        }

        double percentile(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            return latenciesNanos[(int) Math.min(latenciesNanos.length - 1, Math.ceil(p * latenciesNanos.length) - 1)]
                    / 1e6;
        }
    }

    private static Result run(BooleanSupplier operation, int seconds) throws InterruptedException {
        AtomicBoolean going = new AtomicBoolean(true);
        List<long[]> perClient = new ArrayList<>();
        long[] ok = new long[CLIENTS];
        long[] failed = new long[CLIENTS];
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < CLIENTS; i++) {
            int client = i;
            long[] latencies = new long[2_000_000 / CLIENTS];
            perClient.add(latencies);
            threads.add(Thread.ofPlatform().start(() -> {
                int n = 0;
                while (going.get()) {
                    long t0 = System.nanoTime();
                    boolean success = operation.getAsBoolean();
                    long took = System.nanoTime() - t0;
                    if (success) {
                        if (n < latencies.length) {
                            latencies[n++] = took;
                        }
                        ok[client]++;
                    } else {
                        failed[client]++;
                    }
                }
                perClient.set(client, Arrays.copyOf(latencies, n));
            }));
        }
        Thread.sleep(Duration.ofSeconds(seconds));
        going.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(Arrays.stream(ok).sum(), Arrays.stream(failed).sum(), elapsed, all);
    }
}
