package org.nearmiss.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nearmiss.deidentify.Deidentifier;
import org.nearmiss.deidentify.Kind;
import org.nearmiss.deidentify.Suggestion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores the de-identification assistant on 30 real SAFENET wildland-fire narratives labelled by hand
 * ({@code src/test/resources/deidentify/safenet-labels.jsonl}; sample, rules and counts in {@code
 * SAFENET-LABELS.txt} beside it). The narratives are read from the data file, not stored in the
 * project. Run with
 *
 * <pre>./mvnw -Pbenchmark test -Dtest=DeidentificationSafenetLabelled [-Dsafenet.path=FILE]</pre>
 *
 * <p>Printed: per labelled type, span recall (a labelled span is found when any mark overlaps it, is
 * fully covered when marks cover every one of its characters, and has the right kind when an
 * overlapping mark is of a kind that names it); character precision (marked characters inside some
 * labelled span / all marked characters), overall and per kind; and throughput after a warm-up
 * pass, on one thread and on all cores.
 *
 * <p>This set is held out. Its misses and wrong marks are printed so a reader can see what the
 * figures stand for, but no rule, word list or example of the assistant may ever be changed because
 * of a string seen here: a measure tuned on is no longer a measure. Tune on other text and come back
 * here only to score.
 */
@Tag("benchmark")
class DeidentificationSafenetLabelled {

    private static final String LABELS = "/deidentify/safenet-labels.jsonl";

    /** The kinds that name each labelled type, for the "right kind" column only. */
    private static final Map<String, Set<Kind>> KINDS = Map.of(
            "PERSON", Set.of(Kind.PERSON),
            "PLACE", Set.of(Kind.PLACE, Kind.ADDRESS),
            "AGENCY", Set.of(Kind.AGENCY, Kind.BADGE_OR_UNIT),
            "DATE", Set.of(Kind.DATE),
            "TIME", Set.of(Kind.TIME),
            "NUMBER", Set.of(Kind.PHONE, Kind.ID_NUMBER, Kind.CASE_NUMBER, Kind.PLATE, Kind.BADGE_OR_UNIT));

    private record Span(int start, int end, String type) {}

    private record Report(String id, String narrative, List<Span> spans) {}

    @Test
    void scoreOnTheHandLabelledSample() throws IOException, InterruptedException {
        Path file =
                Path.of(System.getProperty("safenet.path", "../shared/data/safenet/safenet_1999_2021_combined.csv"));
        Assumptions.assumeTrue(
                Files.isRegularFile(file),
                "SAFENET data not found at " + file.toAbsolutePath()
                        + "; pass -Dsafenet.path=.../safenet_1999_2021_combined.csv to run this benchmark");
        List<Report> reports = reports(file);
        Deidentifier deidentifier = new Deidentifier();

        Map<String, int[]> byType = new TreeMap<>(); // labelled, found, fully covered, right kind
        Map<String, long[]> byKind = new TreeMap<>(); // marked chars, of which inside a labelled span
        List<String> misses = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Report report : reports) {
            String text = report.narrative();
            List<Suggestion> marks = deidentifier.suggest(text);
            boolean[] marked = new boolean[text.length()];
            boolean[] labelled = new boolean[text.length()];
            for (Suggestion s : marks) {
                for (int i = s.start(); i < s.end(); i++) {
                    marked[i] = true;
                }
            }
            for (Span span : report.spans()) {
                int[] counts = byType.computeIfAbsent(span.type(), t -> new int[4]);
                counts[0]++;
                boolean found = false;
                boolean rightKind = false;
                for (Suggestion s : marks) {
                    if (s.start() < span.end() && span.start() < s.end()) {
                        found = true;
                        rightKind |= KINDS.getOrDefault(span.type(), Set.of()).contains(s.kind());
                    }
                }
                boolean full = true;
                for (int i = span.start(); i < span.end(); i++) {
                    labelled[i] = true;
                    full &= marked[i];
                }
                counts[1] += found ? 1 : 0;
                counts[2] += full ? 1 : 0;
                counts[3] += rightKind ? 1 : 0;
                if (!found) {
                    misses.add(String.format(
                            "%s %-7s %s", report.id(), span.type(), flat(text.substring(span.start(), span.end()))));
                }
            }
            for (Suggestion s : marks) {
                long[] chars = byKind.computeIfAbsent(s.kind().name(), k -> new long[2]);
                int inside = 0;
                for (int i = s.start(); i < s.end(); i++) {
                    inside += labelled[i] ? 1 : 0;
                }
                chars[0] += s.end() - s.start();
                chars[1] += inside;
                if (inside < s.end() - s.start()) {
                    wrong.add(String.format(
                            "%s %-12s %-40s -> %s",
                            report.id(), s.kind(), flat(text.substring(s.start(), s.end())), s.replacement()));
                }
            }
        }

        System.out.printf("%nSAFENET hand-labelled sample: %d narratives%n", reports.size());
        System.out.printf("%-8s %8s %8s %8s %8s%n", "type", "labelled", "found", "covered", "rightKind");
        int[] all = new int[4];
        for (Map.Entry<String, int[]> e : byType.entrySet()) {
            int[] c = e.getValue();
            System.out.printf(
                    "%-8s %8d %8s %8s %8s%n", e.getKey(), c[0], pct(c[1], c[0]), pct(c[2], c[0]), pct(c[3], c[0]));
            for (int i = 0; i < 4; i++) {
                all[i] += c[i];
            }
        }
        System.out.printf(
                "%-8s %8d %8s %8s %8s%n", "ALL", all[0], pct(all[1], all[0]), pct(all[2], all[0]), pct(all[3], all[0]));

        System.out.printf("%nCharacter precision (marked chars inside a labelled span / marked chars)%n");
        long markedAll = 0;
        long insideAll = 0;
        for (Map.Entry<String, long[]> e : byKind.entrySet()) {
            long[] c = e.getValue();
            System.out.printf("%-14s %6d / %6d  %s%n", e.getKey(), c[1], c[0], pct(c[1], c[0]));
            markedAll += c[0];
            insideAll += c[1];
        }
        System.out.printf("%-14s %6d / %6d  %s%n", "ALL", insideAll, markedAll, pct(insideAll, markedAll));

        System.out.printf("%nMisses (held out: read, never tune on them)%n");
        misses.forEach(System.out::println);
        System.out.printf("%nMarks not wholly inside a labelled span (held out: read, never tune on them)%n");
        wrong.forEach(System.out::println);

        throughput(deidentifier, reports);
    }

    /** Narratives per second after a warm-up pass: one thread, then one thread per core. */
    private static void throughput(Deidentifier deidentifier, List<Report> reports) throws InterruptedException {
        List<String> texts = reports.stream().map(Report::narrative).toList();
        long sink = 0;
        for (int i = 0; i < 20; i++) { // warm-up
            for (String text : texts) {
                sink += deidentifier.suggest(text).size();
            }
        }
        int rounds = 100;
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (String text : texts) {
                sink += deidentifier.suggest(text).size();
            }
        }
        double single = rounds * texts.size() / ((System.nanoTime() - t0) / 1e9);

        int cores = Runtime.getRuntime().availableProcessors();
        double parallel;
        try (ExecutorService pool = Executors.newFixedThreadPool(cores)) {
            List<Future<Long>> done = new ArrayList<>();
            long t1 = System.nanoTime();
            for (int c = 0; c < cores; c++) {
                done.add(pool.submit(() -> {
                    long n = 0;
                    for (int r = 0; r < rounds; r++) {
                        for (String text : texts) {
                            n += deidentifier.suggest(text).size();
                        }
                    }
                    return n;
                }));
            }
            for (Future<Long> f : done) {
                try {
                    sink += f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            parallel = (double) cores * rounds * texts.size() / ((System.nanoTime() - t1) / 1e9);
        }
        System.out.printf(
                "%nThroughput (mean narrative %d chars): %.0f narratives/s on 1 thread, %.0f narratives/s on %d"
                        + " threads (%d cores) [%d]%n",
                texts.stream().mapToInt(String::length).sum() / texts.size(), single, parallel, cores, cores, sink);
    }

    /** The labelled reports with their narratives from the data file; every label's text is checked. */
    private static List<Report> reports(Path file) throws IOException {
        List<List<String>> rows = DeidentificationSafenetSample.csv(Files.readString(file, StandardCharsets.UTF_8));
        int idColumn = rows.getFirst().indexOf("ID");
        int narrativeColumn = rows.getFirst().indexOf("Narrative");
        Map<String, String> narratives = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() > narrativeColumn) {
                narratives.put(row.get(idColumn), row.get(narrativeColumn));
            }
        }
        JsonMapper json = JsonMapper.builder().build();
        List<Report> reports = new ArrayList<>();
        try (InputStream in = DeidentificationSafenetLabelled.class.getResourceAsStream(LABELS)) {
            assertNotNull(in, LABELS + " is missing");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                String id = node.get("id").asString();
                String narrative = narratives.get(id);
                assertNotNull(narrative, "report " + id + " is not in " + file);
                List<Span> spans = new ArrayList<>();
                for (JsonNode s : node.get("spans")) {
                    Span span = new Span(
                            s.get("start").asInt(),
                            s.get("end").asInt(),
                            s.get("type").asString());
                    assertEquals(
                            s.get("text").asString(),
                            narrative.substring(span.start(), span.end()),
                            "label text of report " + id + " at " + span.start());
                    spans.add(span);
                }
                reports.add(new Report(id, narrative, spans));
            }
        }
        return reports;
    }

    private static String pct(long part, long whole) {
        return whole == 0 ? "-" : String.format("%.1f%%", 100.0 * part / whole);
    }

    private static String flat(String s) {
        return s.replace('\n', ' ');
    }
}
