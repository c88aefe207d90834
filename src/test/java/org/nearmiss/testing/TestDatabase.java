package org.nearmiss.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The two databases every persistence test runs on. H2 is a file in a fresh temporary folder, as the
 * embedded default uses it. PostgreSQL is the server named by {@code NEARMISS_TEST_POSTGRES_URL}
 * (CI always sets it), else an embedded PostgreSQL started once for the test run, so a machine
 * without a server tests it too. Each test gets a database of its own, dropped when it is closed.
 */
public enum TestDatabase {
    H2,
    POSTGRES;

    /** The environment variable naming a PostgreSQL server (any database on it) for the tests. */
    public static final String POSTGRES_URL_VARIABLE = "NEARMISS_TEST_POSTGRES_URL";

    /** A fresh, empty database; close it to drop it. */
    public Fresh create() {
        return switch (this) {
            case H2 -> freshH2();
            case POSTGRES -> freshPostgres();
        };
    }

    /** A database made for one test, with its connection settings. */
    public record Fresh(String url, String username, String password, AutoCloseable dropper) implements AutoCloseable {

        public DataSource dataSource() {
            return new DriverManagerDataSource(url, username, password);
        }

        /** The data source with the project's migrations applied. */
        public DataSource migrated() {
            DataSource dataSource = dataSource();
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return dataSource;
        }

        @Override
        public void close() {
            try {
                dropper.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not drop the test database " + url, e);
            }
        }
    }

    private static Fresh freshH2() {
        try {
            Path dir = Files.createTempDirectory("nearmiss-h2-");
            String url = "jdbc:h2:file:" + dir.resolve("test") + ";WRITE_DELAY=0";
            return new Fresh(url, "nearmiss", "", () -> {
                try (Connection c = DriverManager.getConnection(url, "nearmiss", "");
                        Statement s = c.createStatement()) {
                    s.execute("shutdown");
                }
                deleteTree(dir);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Fresh freshPostgres() {
        Server server = Server.get();
        String name = "nearmiss_t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        server.execute("create database " + name);
        String url = server.urlOf(name);
        return new Fresh(url, server.username, server.password, () -> {
            server.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
            server.execute("drop database if exists " + name);
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The PostgreSQL server for this test run: configured, or embedded and started once. */
    private static final class Server {

        private static Server instance;

        private final String adminUrl;
        private final String username;
        private final String password;

        private Server(String adminUrl, String username, String password) {
            this.adminUrl = adminUrl;
            this.username = username;
            this.password = password;
        }

        static synchronized Server get() {
            if (instance == null) {
                String configured = System.getenv(POSTGRES_URL_VARIABLE);
                if (configured != null && !configured.isBlank()) {
                    instance = new Server(
                            configured,
                            envOr("NEARMISS_TEST_POSTGRES_USER", "postgres"),
                            envOr("NEARMISS_TEST_POSTGRES_PASSWORD", ""));
                } else {
                    instance = embedded();
                }
            }
            return instance;
        }

        private static Server embedded() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // The process is ending; the embedded server's folder is temporary.
                    }
                }));
                return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
            }
        }

        private static String envOr(String name, String fallback) {
            String value = System.getenv(name);
            return value == null ? fallback : value;
        }

        String urlOf(String database) {
            // Replace the database part of jdbc:postgresql://host:port/db?params
            int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
        }

        void execute(String sql) {
            try (Connection c = DriverManager.getConnection(adminUrl, username, password);
                    Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL refused: " + sql, e);
            }
        }
    }
}
