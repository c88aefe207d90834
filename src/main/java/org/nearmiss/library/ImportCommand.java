package org.nearmiss.library;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nearmiss.deidentify.Deidentifier;
import org.nearmiss.intake.Answers;
import org.nearmiss.intake.AnswersInvalid;
import org.nearmiss.intake.Intake;
import org.nearmiss.review.PublicationFollower;
import org.nearmiss.review.Publications;
import org.nearmiss.system.NearmissCommand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import picocli.CommandLine;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code import FILE}: publishes a library de-identified elsewhere, one JSON line per report
 * ({@code {"externalRef", "month", "title", "answers": {...}, "narrative", "lessons"}}), without
 * review. Only {@code externalRef} and {@code narrative} are required; answers that are given must fit
 * the questionnaire. A line whose title, narrative or lessons the de-identification assistant marks is
 * refused (named by number and the kinds marked, never the words) unless the command is told with
 * {@code --already-deidentified} that the library was de-identified by people, who let those words stand. A reference imported before is skipped, so importing again changes nothing. Bad
 * lines are reported by number, never by content, and the rest go on; the exit code is 1 if any line
 * was bad. With the embedded database (the server is stopped: H2 allows one process) the command
 * also brings this node's indexes up to date, the search index and the embeddings, while it imports,
 * so the library is ready when it ends; with PostgreSQL the running nodes index what was imported
 * within seconds, and a stopped one on its start.
 */
@Component
@CommandLine.Command(
        name = "import",
        description = "Publishes a de-identified library from a file of JSON lines, without review.")
class ImportCommand implements NearmissCommand {

    static final int MAX_REF = 200;
    static final int MAX_TITLE = 200;
    static final int MAX_NARRATIVE = 20_000;
    static final int MAX_LESSONS = 5_000;

    /**
     * Lines stored in one transaction: with the embedded database each commit is written to disk, and
     * committing each line took a third of the importing thread's time.
     */
    static final int BATCH = 100;

    private final Publications publications;
    private final Intake intake;
    private final Deidentifier deidentifier;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    @CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "JSON lines, UTF-8")
    Path file;

    @CommandLine.Option(
            names = "--already-deidentified",
            description = "The library was de-identified by people: import lines the assistant marks, and count them.")
    boolean alreadyDeidentified;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final List<PublicationFollower> followers;
    private final boolean embeddedDatabase;

    @Autowired
    ImportCommand(
            Publications publications,
            Intake intake,
            Deidentifier deidentifier,
            Clock clock,
            List<PublicationFollower> followers,
            @Value("${spring.datasource.url:}") String databaseUrl) {
        this(publications, intake, deidentifier, clock, followers, databaseUrl.startsWith("jdbc:h2:"));
    }

    /** With {@code embeddedDatabase}, the followers catch up in this process while it imports. */
    ImportCommand(
            Publications publications,
            Intake intake,
            Deidentifier deidentifier,
            Clock clock,
            List<PublicationFollower> followers,
            boolean embeddedDatabase) {
        this.publications = publications;
        this.intake = intake;
        this.deidentifier = deidentifier;
        this.clock = clock;
        this.followers = followers;
        this.embeddedDatabase = embeddedDatabase;
    }

    /**
     * What an import did.
     *
     * @param marked lines taken although the assistant marks words in them ({@code --already-deidentified})
     */
    record Outcome(int imported, int known, int bad, int marked) {

        Outcome(int imported, int known, int bad) {
            this(imported, known, bad, 0);
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isReadable(file)) {
            err.println("Cannot read " + file);
            return 2;
        }
        Outcome outcome;
        Indexing indexing = embeddedDatabase ? new Indexing(followers, err) : null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            outcome = importLines(in, err, alreadyDeidentified);
        } finally {
            if (indexing != null) {
                indexing.close();
            }
        }
        out.printf("%d imported, %d already there, %d refused%n", outcome.imported(), outcome.known(), outcome.bad());
        if (outcome.marked() > 0) {
            out.printf(
                    "%d of the lines had words the assistant marks, taken as already de-identified.%n",
                    outcome.marked());
        }
        if (indexing != null && !indexing.failed) {
            out.println("This node's search index and embeddings hold them.");
        }
        return outcome.bad() == 0 ? 0 : 1;
    }

    /**
     * The followers catching up, each on a thread of its own, while lines are imported (embedding
     * the first reports while later ones are read); closing waits for a last catch-up of each. A
     * follower that fails (its index held by a running server) is reported and left to the server.
     */
    private static final class Indexing {

        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean imported;
        private volatile boolean failed;

        Indexing(List<PublicationFollower> followers, PrintWriter err) {
            for (PublicationFollower follower :
                    followers.stream().filter(PublicationFollower::persistent).toList()) {
                threads.add(Thread.ofPlatform().name(follower.name()).start(() -> {
                    try {
                        while (!imported) {
                            if (follower.catchUp() == 0) {
                                Thread.sleep(200);
                            }
                        }
                        follower.catchUp();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        failed = true;
                        err.println(follower.name() + " is left to the server: "
                                + e.getClass().getSimpleName());
                    }
                }));
            }
        }

        /** Ends the loop and waits for each follower's last catch-up. */
        void close() {
            imported = true;
            try {
                for (Thread thread : threads) {
                    thread.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    Outcome importLines(BufferedReader in, PrintWriter err) throws IOException {
        return importLines(in, err, alreadyDeidentified);
    }

    /** Imports the lines; with {@code alreadyDeidentified}, lines the assistant marks are taken and counted. */
    Outcome importLines(BufferedReader in, PrintWriter err, boolean alreadyDeidentified) throws IOException {
        Tally tally = new Tally(err);
        List<Line> batch = new ArrayList<>(BATCH);
        int number = 0;
        LocalDate today = LocalDate.now(clock);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                Publications.Imported report = parse(line);
                String marked = markedIn(report);
                if (!marked.isEmpty()) {
                    if (!alreadyDeidentified) {
                        throw new LineRefused("the assistant marks what may identify someone (" + marked
                                + "); de-identify it, or import with --already-deidentified");
                    }
                    tally.marked++;
                }
                batch.add(new Line(number, report));
            } catch (LineRefused refused) {
                tally.refused(number, refused.getMessage());
            } catch (AnswersInvalid invalid) {
                tally.refused(
                        number,
                        String.join(
                                "; ",
                                invalid.problems().stream()
                                        .map(p -> "answers." + p.field() + ": " + p.message())
                                        .toList()));
            } catch (JacksonException notJson) {
                // Only the number and what was wrong: never the text.
                tally.refused(number, "not a JSON object");
            } catch (RuntimeException unreadable) {
                tally.refused(number, "cannot be read (" + unreadable.getClass().getSimpleName() + ")");
            }
            if (batch.size() == BATCH) {
                store(batch, today, tally);
                batch.clear();
            }
        }
        store(batch, today, tally);
        return new Outcome(tally.imported, tally.known, tally.bad, tally.marked);
    }

    /** A line read and checked, by its number in the file. */
    private record Line(int number, Publications.Imported report) {}

    /** Counts what became of the lines and reports the bad ones, by number only. */
    private static final class Tally {

        private final PrintWriter err;
        private int imported;
        private int known;
        private int bad;
        private int marked;

        Tally(PrintWriter err) {
            this.err = err;
        }

        void stored(boolean isNew) {
            if (isNew) {
                imported++;
            } else {
                known++;
            }
        }

        void refused(int number, String why) {
            bad++;
            err.println("line " + number + ": " + why);
        }
    }

    /**
     * Stores the batch in one transaction; if the database refuses it, stores its lines one by one so
     * that only the line it refuses is lost, and reported by number.
     */
    private void store(List<Line> batch, LocalDate today, Tally tally) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            publications
                    .importAll(batch.stream().map(Line::report).toList(), today)
                    .forEach(published -> tally.stored(published.isPresent()));
            return;
        } catch (DataAccessException | TransactionException batchRefused) {
            // One of the lines, most likely: find which.
        }
        for (Line line : batch) {
            try {
                tally.stored(publications.importPublished(line.report(), today).isPresent());
            } catch (DataAccessException | TransactionException refused) {
                tally.refused(
                        line.number(),
                        "the database refused it (" + refused.getClass().getSimpleName() + ")");
            }
        }
    }

    /**
     * The kinds the assistant marks in the texts a reader would see, by field ("narrative: a person's
     * name, a phone number"), or empty: the kinds, never the words, for they go to stderr.
     */
    private String markedIn(Publications.Imported report) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("title", report.title());
        texts.put("narrative", report.narrative());
        texts.put("lessons", String.join("\n", report.lessons()));
        List<String> fields = new ArrayList<>();
        texts.forEach((field, text) -> {
            List<String> kinds = deidentifier.residual(text).stream()
                    .map(s -> s.kind().label())
                    .distinct()
                    .toList();
            if (!kinds.isEmpty()) {
                fields.add(field + ": " + String.join(", ", kinds));
            }
        });
        return String.join("; ", fields);
    }

    private Publications.Imported parse(String line) {
        JsonNode item = json.readTree(line);
        if (!item.isObject()) {
            throw new LineRefused("not a JSON object");
        }
        String ref = text(item, "externalRef", MAX_REF, true);
        String narrative = text(item, "narrative", MAX_NARRATIVE, true);
        String title = text(item, "title", MAX_TITLE, false);
        String month = text(item, "month", 7, false);
        if (month != null) {
            try {
                YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                throw new LineRefused("month is written YYYY-MM");
            }
        }
        List<String> lessons = lessons(item.get("lessons"));
        Map<String, List<String>> raw = new LinkedHashMap<>();
        JsonNode answers = item.get("answers");
        if (answers != null && !answers.isNull()) {
            if (!answers.isObject()) {
                throw new LineRefused("answers is an object of question ids");
            }
            for (Map.Entry<String, JsonNode> answer : answers.properties()) {
                raw.put(answer.getKey(), valuesOf(answer.getKey(), answer.getValue()));
            }
        }
        if (month != null) {
            raw.putIfAbsent("incidentMonth", List.of(month));
        }
        Answers checked = intake.checkCoded(raw);
        Object coded = checked.coded().get("incidentMonth");
        return new Publications.Imported(
                ref,
                coded == null ? null : coded.toString(),
                title,
                narrative,
                lessons,
                checked.questionnaireVersion(),
                checked.coded());
    }

    private static String text(JsonNode item, String field, int max, boolean required) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull() || node.isString() && node.asString().isBlank()) {
            if (required) {
                throw new LineRefused(field + " is missing");
            }
            return null;
        }
        if (!node.isString()) {
            throw new LineRefused(field + " is a string");
        }
        String value = node.asString().strip();
        // Counted as the embedded database counts, in UTF-16 units: a character beyond the Basic
        // Multilingual Plane (an emoji) is two, and PostgreSQL, which counts it as one, takes any
        // text the embedded database takes.
        if (value.length() > max) {
            throw new LineRefused(field + " is longer than " + max + " characters");
        }
        refuseNul(field, value);
        return value;
    }

    private static List<String> lessons(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> lessons = new ArrayList<>();
        if (node.isString()) {
            refuseNul("lessons", node.asString());
            node.asString().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(lessons::add);
        } else if (node.isArray()) {
            for (JsonNode lesson : node) {
                if (!lesson.isString()) {
                    throw new LineRefused("lessons is a string or a list of strings");
                }
                refuseNul("lessons", lesson.asString());
                if (!lesson.asString().isBlank()) {
                    lessons.add(lesson.asString().strip());
                }
            }
        } else {
            throw new LineRefused("lessons is a string or a list of strings");
        }
        if (String.join("\n", lessons).length() > MAX_LESSONS) {
            throw new LineRefused("lessons are longer than " + MAX_LESSONS + " characters");
        }
        return lessons;
    }

    /** PostgreSQL stores no NUL character in text; refused here, it is refused on either database. */
    private static void refuseNul(String field, String value) {
        if (value.indexOf('\0') >= 0) {
            throw new LineRefused(field + " holds a NUL character");
        }
    }

    private static List<String> valuesOf(String question, JsonNode value) {
        if (value.isArray()) {
            List<String> values = new ArrayList<>();
            for (JsonNode v : value) {
                if (!v.isString() && !v.isNumber()) {
                    throw new LineRefused("answers." + question + " holds strings or numbers");
                }
                refuseNul("answers." + question, v.asString());
                values.add(v.asString());
            }
            return values;
        }
        if (value.isString() || value.isNumber()) {
            refuseNul("answers." + question, value.asString());
            return List.of(value.asString());
        }
        throw new LineRefused("answers." + question + " is a string, a number or a list");
    }

    /** A line that cannot be imported, and why, in words that quote nothing from it. */
    static final class LineRefused extends RuntimeException {
        LineRefused(String why) {
            super(why);
        }
    }
}
