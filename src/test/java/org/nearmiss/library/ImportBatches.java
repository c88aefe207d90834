package org.nearmiss.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An import of a batch and a half of lines in which one line is refused by the database itself
 * (a constraint the test adds for the while), one holds a NUL character and one a title of emoji that
 * fits in code points but not in the embedded database's count: the same on either database, each
 * subclass naming its own.
 */
abstract class ImportBatches {

    @Autowired
    ImportCommand importer;

    @Autowired
    LibraryIndex index;

    @Autowired
    JdbcClient jdbc;

    /** Starts the references of this database's reports. */
    abstract String prefix();

    @Test
    void anImportLosesOnlyTheLinesThatCannotBeStoredAndTheIndexFindsTheRest() throws Exception {
        String prefix = prefix();
        int lines = ImportCommand.BATCH + ImportCommand.BATCH / 2;
        int refusedByDatabase = 7;
        int withNul = ImportCommand.BATCH + 3;
        int withEmojiTitle = ImportCommand.BATCH + 4;
        StringBuilder file = new StringBuilder();
        for (int number = 1; number <= lines; number++) {
            String narrative =
                    number == withNul ? "A stop at night.\\u0000" : "A stop at night, number " + number + ".";
            String title = number == withEmojiTitle ? "\\ud83d\\ude94".repeat(ImportCommand.MAX_TITLE) : "Stop";
            file.append("""
                    {"externalRef": "%s-%03d", "title": "%s", "narrative": "%s"}
                    """.formatted(prefix, number, title, narrative));
        }
        String refusedRef = "%s-%03d".formatted(prefix, refusedByDatabase);
        jdbc.sql("alter table publication add constraint refuses_one_for_a_test check (external_ref <> '" + refusedRef
                        + "')")
                .update();
        ImportCommand.Outcome outcome;
        StringWriter errors = new StringWriter();
        try {
            outcome = importer.importLines(
                    new BufferedReader(new StringReader(file.toString())), new PrintWriter(errors, true));
        } finally {
            jdbc.sql("alter table publication drop constraint refuses_one_for_a_test")
                    .update();
        }

        assertThat(outcome).isEqualTo(new ImportCommand.Outcome(lines - 3, 0, 3));
        assertThat(errors.toString())
                .contains("line " + refusedByDatabase + ": the database refused it")
                .contains("line " + withNul + ": narrative holds a NUL character")
                .contains("line " + withEmojiTitle + ": title is longer than " + ImportCommand.MAX_TITLE)
                .as("by number, never by content")
                .doesNotContain(prefix)
                .doesNotContain("A stop at night");
        assertThat(jdbc.sql("select count(*) from publication where external_ref like ?")
                        .param(prefix + "-%")
                        .query(Long.class)
                        .single())
                .as("the rest of the refused line's batch is stored")
                .isEqualTo(lines - 3);

        StringWriter again = new StringWriter();
        assertThat(importer.importLines(
                        new BufferedReader(new StringReader(file.toString())), new PrintWriter(again, true)))
                .as("once the database takes it, importing again adds only that line")
                .isEqualTo(new ImportCommand.Outcome(1, lines - 3, 2));

        index.catchUp();
        LibrarySearch.Result found = index.search(new LibrarySearch("142", Map.of(), null, 1, 5));
        assertThat(found.hits())
                .as("found in a library that has no coded circumstances at all")
                .extracting(LibrarySearch.Hit::externalRef)
                .containsExactly(prefix + "-142");
        assertThat(found.facets())
                .allSatisfy(facet -> assertThat(facet.values()).isEmpty());
        assertThat(index.search(new LibrarySearch("", Map.of("activity", List.of("patrol")), null, 1, 5))
                        .total())
                .isZero();
    }
}
