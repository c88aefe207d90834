package org.nearmiss.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.nearmiss.testing.AppProcess;
import org.nearmiss.testing.Http;
import org.nearmiss.testing.TestDatabase;

/**
 * PRODUCT.md invariant 2: a report whose key was shown survives the application being killed with
 * SIGKILL while reporters are filing, on the embedded default and on PostgreSQL.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class CrashSafetyTests {

    private static final int CLIENTS = 4;

    @Parameter
    TestDatabase database;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedReportSurvivesAKillNineUnderLoad() throws Exception {
        try (TestDatabase.Fresh fresh = database == TestDatabase.POSTGRES ? TestDatabase.POSTGRES.create() : null) {
            List<String> args = fresh == null
                    ? List.of()
                    : List.of(
                            "--spring.datasource.url=" + fresh.url(),
                            "--spring.datasource.username=" + fresh.username(),
                            "--spring.datasource.password=" + fresh.password());
            Path log = dataDir.resolveSibling(dataDir.getFileName() + "-app.log");
            ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();

            try (AppProcess app = new AppProcess(dataDir, args, log).start()) {
                AtomicBoolean filing = new AtomicBoolean(true);
                List<Thread> clients = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    clients.add(Thread.ofPlatform().start(() -> fileUntilStopped(app.port(), filing, acknowledged)));
                }
                Thread.sleep(2_500);
                app.kill();
                filing.set(false);
                for (Thread client : clients) {
                    client.join();
                }
            }
            assertThat(acknowledged).as("keys shown before the kill").hasSizeGreaterThan(20);

            try (AppProcess again = new AppProcess(dataDir, args, log).start()) {
                Http http = new Http(again.port());
                List<String> lost = acknowledged.stream()
                        .filter(key -> http.postJson("/api/v1/reports/status", "{\"reportKey\":\"" + key + "\"}")
                                        .statusCode()
                                != 200)
                        .toList();
                assertThat(lost).as("acknowledged reports lost by the kill").isEmpty();
            }
        }
    }

    private static void fileUntilStopped(int port, AtomicBoolean filing, ConcurrentLinkedQueue<String> acknowledged) {
        Http http = new Http(port);
        String story = Stories.aTypicalStory().asJson(1);
        while (filing.get()) {
            try {
                HttpResponse<String> response = http.postJson("/api/v1/reports", story);
                if (response.statusCode() == 201) {
                    acknowledged.add(response.body().replaceAll(".*\"reportKey\":\"([^\"]+)\".*", "$1"));
                }
            } catch (RuntimeException connectionLost) {
                return;
            }
        }
    }
}
