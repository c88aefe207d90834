package org.nearmiss.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nearmiss.testing.PostgresDataSource;
import org.nearmiss.testing.TempDataDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** The import on PostgreSQL, as production runs it: batches, refused lines, and the index after. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = {TempDataDir.class, PostgresDataSource.class})
class LibraryOnPostgresTests {

    @Autowired
    ImportCommand importer;

    @Autowired
    LibraryIndex index;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anImportLosesOnlyTheLinesThatCannotBeStoredAndTheIndexFindsTheRest() throws Exception {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        ImportBatches.onlyTheLinesThatCannotBeStoredAreLost(importer, jdbc, index, "PG");
    }
}
