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
    void aLineTheAssistantMarksIsRefusedByKindAndNumberUnlessTheLibraryIsAlreadyDeidentified() throws Exception {
        String prefix = "MARKED-" + prefix();
        String file = """
                {"externalRef": "%1$s-1", "title": "Stop at night", "narrative": "[OFFICER 1] saw a handgun."}
                {"externalRef": "%1$s-2", "title": "Stop at night", "narrative": "Sgt. Maria Lopez from Springfield PD called me at 555-201-3344 on 14 March."}
                {"externalRef": "%1$s-3", "title": "Stop at night", "narrative": "A stop.", "lessons": ["Call Dan Ruiz first."]}
                """.formatted(prefix);

        StringWriter refused = new StringWriter();
        assertThat(importer.importLines(
                        new BufferedReader(new StringReader(file)), new PrintWriter(refused, true), false))
                .isEqualTo(new ImportCommand.Outcome(1, 0, 2, 0));
        assertThat(refused.toString())
                .contains("line 2: the assistant marks what may identify someone (narrative: ")
                .contains("a phone number")
                .contains("line 3: the assistant marks what may identify someone (lessons: a person's name)")
                .contains("--already-deidentified")
                .as("by number and kind, never the words")
                .doesNotContain("Lopez", "Springfield", "555", "Ruiz", prefix);
        assertThat(countOf(prefix)).isEqualTo(1);

        StringWriter told = new StringWriter();
        assertThat(importer.importLines(new BufferedReader(new StringReader(file)), new PrintWriter(told, true), true))
                .isEqualTo(new ImportCommand.Outcome(2, 1, 0, 2));
        assertThat(told.toString()).isEmpty();
        assertThat(countOf(prefix)).isEqualTo(3);
    }

    @Autowired
    org.nearmiss.review.Publications publications;

    @Autowired
    org.nearmiss.intake.Intake intake;

    @Autowired
    org.nearmiss.deidentify.Deidentifier deidentifier;

    @Test
    void theCommandTakesMarkedLinesOnlyWithItsFlagAndSaysHowManyThereWere(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("library.jsonl");
        java.nio.file.Files.writeString(file, """
                {"externalRef": "FLAG-%s-1", "title": "Stop at night", "narrative": "Deputy Dan Ruiz saw a handgun."}
                """.formatted(prefix()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        java.util.function.Supplier<picocli.CommandLine> command = () -> new picocli.CommandLine(new ImportCommand(
                        publications, intake, deidentifier, java.time.Clock.systemUTC(), List.of(), false))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));

        assertThat(command.get().execute(file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("line 1: the assistant marks").doesNotContain("Ruiz");
        assertThat(out.toString()).contains("0 imported, 0 already there, 1 refused");

        assertThat(command.get().execute("--already-deidentified", file.toString()))
                .isEqualTo(0);
        assertThat(out.toString())
                .contains("1 imported, 0 already there, 0 refused")
                .contains("1 of the lines had words the assistant marks, taken as already de-identified.");
        assertThat(countOf("FLAG-" + prefix())).isEqualTo(1);
    }

    private long countOf(String prefix) {
        return jdbc.sql("select count(*) from publication where external_ref like ?")
                .param(prefix + "-%")
                .query(Long.class)
                .single();
    }

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
