package org.nearmiss.library;

import org.nearmiss.testing.TempDataDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The import on the embedded database, in a context of its own (the library tests count what their
 * sample holds): batches, refused lines, and an uncoded library in the index after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = TempDataDir.class)
class ImportCommandTests extends ImportBatches {

    @Override
    String prefix() {
        return "BATCH";
    }
}
