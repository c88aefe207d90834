package org.nearmiss.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.nearmiss.testing.PostgresDataSource;
import org.nearmiss.testing.TempDataDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** The import on PostgreSQL, as production runs it: batches, refused lines, and the index after. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = {TempDataDir.class, PostgresDataSource.class})
class LibraryOnPostgresTests extends ImportBatches {

    @Override
    String prefix() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        return "PG";
    }
}
