package org.nearmiss.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.nearmiss.testing.Http;
import org.nearmiss.testing.TempDataDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The PostgreSQL server restarts while reporters file: meanwhile they are told to try again (503
 * problem details, no key), and afterwards the application recovers by itself. Uses a PostgreSQL
 * of its own, so it can stop and start it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "nearmiss.throttle.filings=100000",
            "nearmiss.throttle.lookups=100000",
            "nearmiss.intake.status-floor=0ms"
        })
@ContextConfiguration(initializers = TempDataDir.class)
class DatabaseRestartTests {

    private static final Path POSTGRES_DIR = temporaryDirectory();
    private static final int POSTGRES_PORT = freePort();
    private static EmbeddedPostgres postgres = startPostgres();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + POSTGRES_PORT + "/nearmiss");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void whileTheDatabaseRestartsReportersAreToldToTryAgainAndThenFilingWorksAgain() throws Exception {
        Http http = new Http(port);
        String story = Stories.aTypicalStory().asJson(1);
        assertThat(http.postJson("/api/v1/reports", story).statusCode()).isEqualTo(201);

        postgres.close();
        List<HttpResponse<String>> duringOutage = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            duringOutage.add(http.postJson("/api/v1/reports", story));
        }
        duringOutage.add(
                http.postJson("/api/v1/reports/status", "{\"reportKey\":\"0000-0000-0000-0000-0000-0000-0000\"}"));
        assertThat(duringOutage).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.body()).doesNotContain("reportKey");
        });

        postgres = startPostgres();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 201) {
            status = http.postJson("/api/v1/reports", story).statusCode();
        }
        assertThat(status)
                .as("filing works again without a restart of the application")
                .isEqualTo(201);
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            EmbeddedPostgres started = EmbeddedPostgres.builder()
                    .setDataDirectory(POSTGRES_DIR)
                    .setCleanDataDirectory(false)
                    .setPort(POSTGRES_PORT)
                    .start();
            try (Connection c = started.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                if (!s.executeQuery("select 1 from pg_database where datname = 'nearmiss'")
                        .next()) {
                    s.execute("create database nearmiss");
                }
            }
            return started;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("nearmiss-pg-restart-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
