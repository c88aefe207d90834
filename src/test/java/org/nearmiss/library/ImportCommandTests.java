package org.nearmiss.library;

import org.junit.jupiter.api.Test;
import org.nearmiss.testing.TempDataDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The import on the embedded database, in a context of its own (the library tests count what their
 * sample holds): batches, refused lines, and an uncoded library in the index after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = TempDataDir.class)
class ImportCommandTests {

    @Autowired
    ImportCommand importer;

    @Autowired
    LibraryIndex index;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anImportStoresLinesInBatchesAndLosesOnlyTheLinesThatCannotBeStored() throws Exception {
        ImportBatches.onlyTheLinesThatCannotBeStoredAreLost(importer, jdbc, index, "BATCH");
    }
}
