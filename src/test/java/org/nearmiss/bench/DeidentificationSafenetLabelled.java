package org.nearmiss.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nearmiss.deidentify.Deidentifier;
import org.nearmiss.deidentify.Deidentifiers;
import org.nearmiss.deidentify.Kind;
import org.nearmiss.deidentify.Suggestion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores the de-identification assistant on four hand-labelled samples, printed side by side:
 *
 * <ul>
 *   <li><b>SAFENET tuning</b>: 30 real wildland-fire narratives ({@code
 *       src/test/resources/deidentify/safenet-labels.jsonl}, {@code SAFENET-LABELS.txt});
 *   <li><b>SAFENET held-out</b>: 40 more, drawn and labelled the same way ({@code safenet-heldout-labels.jsonl},
 *       {@code SAFENET-HELDOUT-LABELS.txt});
 *   <li><b>officers tuning</b> and <b>officers held-out</b>: the two parts of 192 hand-written law-enforcement
 *       passages ({@code officer-sentences.jsonl}, {@code OFFICER-SENTENCES.txt}); a passage is held out when
 *       the first byte of SHA-256("nearmiss officer sentences split 2026-12" + id) is odd.
 * </ul>
 *
 * The SAFENET narratives are read from the data file, not stored in the project; without it the two
 * SAFENET columns are left out. Run with
 *
 * <pre>./mvnw -B -ntp -Pbenchmark test -Dtest=DeidentificationSafenetLabelled [-Dsafenet.path=FILE]
 *     [-Ddeidentify.rules-only=true]</pre>
 *
 * (output in {@code target/surefire-reports/org.nearmiss.bench.DeidentificationSafenetLabelled-output.txt}).
 *
 * <p>Printed per sample: per labelled type, span recall (a labelled span is <i>found</i> when any mark
 * overlaps it, <i>covered</i> when marks cover every one of its characters, and of the <i>right kind</i>
 * when an overlapping mark is of a kind that names it, see {@link #SAFENET_KINDS} and {@link
 * #OFFICER_KINDS}); character precision (marked characters inside some labelled span / all marked
 * characters), overall and per kind; marks on passages with no labelled span; and throughput after a
 * warm-up, on one thread and on one thread per core.
 *
 * <p>Misses and marks outside the labels are printed for the two tuning samples only. For the held-out
 * samples only their counts are printed: no rule, word list or example of the assistant may ever be
 * changed because of a string in a held-out sample, and a reader who never sees them cannot. A measure
 * tuned on is no longer a measure.
 */
@Tag("benchmark")
public class DeidentificationSafenetLabelled {

    private static final String SAFENET_TUNING = "/deidentify/safenet-labels.jsonl";
    private static final String SAFENET_HELD_OUT = "/deidentify/safenet-heldout-labels.jsonl";
    private static final String OFFICERS = "/deidentify/officer-sentences.jsonl";
    private static final String OFFICER_SPLIT = "nearmiss officer sentences split 2026-12";

    /** SAFENET labels: the kinds that name each labelled type, for the "right kind" column only. */
    private static final Map<String, Set<Kind>> SAFENET_KINDS = Map.of(
            "PERSON", Set.of(Kind.PERSON),
            "PLACE", Set.of(Kind.PLACE, Kind.ADDRESS),
            "AGENCY", Set.of(Kind.AGENCY, Kind.BADGE_OR_UNIT),
            "DATE", Set.of(Kind.DATE),
            "TIME", Set.of(Kind.TIME),
            "NUMBER", Set.of(Kind.PHONE, Kind.ID_NUMBER, Kind.CASE_NUMBER, Kind.PLATE, Kind.BADGE_OR_UNIT));

    /**
     * Officer-sentence labels: the kinds that name each labelled type. PLACE (which holds highways and
     * landmarks) also accepts ADDRESS; ADDRESS (street addresses, intersections, mile markers, PO boxes)
     * accepts only ADDRESS; AGENCY holds no call signs here (they are UNIT_NUMBER), so only AGENCY.
     */
    private static final Map<String, Set<Kind>> OFFICER_KINDS = Map.ofEntries(
            Map.entry("PERSON", Set.of(Kind.PERSON)),
            Map.entry("ADDRESS", Set.of(Kind.ADDRESS)),
            Map.entry("PLACE", Set.of(Kind.PLACE, Kind.ADDRESS)),
            Map.entry("AGENCY", Set.of(Kind.AGENCY)),
            Map.entry("UNIT_NUMBER", Set.of(Kind.BADGE_OR_UNIT)),
            Map.entry("CASE_NUMBER", Set.of(Kind.CASE_NUMBER)),
            Map.entry("PLATE", Set.of(Kind.PLATE)),
            Map.entry("ID_NUMBER", Set.of(Kind.ID_NUMBER)),
            Map.entry("PHONE", Set.of(Kind.PHONE)),
            Map.entry("EMAIL", Set.of(Kind.EMAIL)),
            Map.entry("WEB", Set.of(Kind.WEB_ADDRESS)),
            Map.entry("DATE", Set.of(Kind.DATE)),
            Map.entry("TIME", Set.of(Kind.TIME)),
            Map.entry("AGE", Set.of(Kind.AGE)));

    /** Row order of the recall table: the officer types, with SAFENET's NUMBER beside the numbers. */
    private static final List<String> TYPE_ORDER = List.of(
            "PERSON",
            "PLACE",
            "ADDRESS",
            "AGENCY",
            "UNIT_NUMBER",
            "CASE_NUMBER",
            "PLATE",
            "ID_NUMBER",
            "NUMBER",
            "PHONE",
            "EMAIL",
            "WEB",
            "DATE",
            "TIME",
            "AGE");

    private record Span(int start, int end, String type) {}

    private record Doc(String id, String text, List<Span> spans) {}

    private record Sample(String name, boolean heldOut, List<Doc> docs, Map<String, Set<Kind>> kinds) {}

    /** What one sample scored. */
    private static final class Score {
        final Map<String, int[]> byType = new TreeMap<>(); // labelled, found, fully covered, right kind
        final Map<String, long[]> byKind = new TreeMap<>(); // marked chars, of which inside a labelled span
        final List<String> misses = new ArrayList<>();
        final List<String> wrong = new ArrayList<>();
        int unlabelledDocs;
        int marksOnUnlabelledDocs;
        double single;
        double parallel;
    }

    @Test
    void scoreOnTheHandLabelledSamples() throws IOException, InterruptedException {
        List<Sample> samples = new ArrayList<>();
        Path file =
                Path.of(System.getProperty("safenet.path", "../shared/data/safenet/safenet_1999_2021_combined.csv"));
        if (Files.isRegularFile(file)) {
            Map<String, String> narratives = narratives(file);
            samples.add(new Sample("SAFENET tuning", false, safenet(SAFENET_TUNING, narratives), SAFENET_KINDS));
            samples.add(new Sample("SAFENET held-out", true, safenet(SAFENET_HELD_OUT, narratives), SAFENET_KINDS));
        } else {
            System.out.printf(
                    "%nSAFENET data not found at %s; pass -Dsafenet.path=.../safenet_1999_2021_combined.csv."
                            + " SAFENET columns left out.%n",
                    file.toAbsolutePath());
        }
        List<Doc> officers = officers();
        samples.add(new Sample(
                "officers tuning",
                false,
                officers.stream().filter(d -> !heldOut(d.id())).toList(),
                OFFICER_KINDS));
        samples.add(new Sample(
                "officers held-out",
                true,
                officers.stream().filter(d -> heldOut(d.id())).toList(),
                OFFICER_KINDS));

        Deidentifier deidentifier = Deidentifiers.fromProperties();
        System.out.printf("%nScoring %s%n", Deidentifiers.which());
        List<Score> scores = new ArrayList<>();
        for (Sample sample : samples) {
            Score score = score(deidentifier, sample);
            throughput(deidentifier, sample, score);
            scores.add(score);
        }
        print(samples, scores);
        contributions(samples);
    }

    /**
     * What each detector contributes: the share of labelled spans found, in each sample, by the rules
     * alone and with one detector left out. A detector whose absence loses nothing is covered by others.
     */
    private static void contributions(List<Sample> samples) {
        System.out.printf("%nWhat each detector contributes: spans found with it left out (rules alone, no tagger)%n");
        StringBuilder head = new StringBuilder(String.format("%-18s", "left out"));
        samples.forEach(s -> head.append(String.format(" | %-20s", s.name())));
        System.out.println(head);
        List<String> rows = new ArrayList<>();
        rows.add("(none)");
        rows.addAll(Deidentifiers.detectorNames());
        for (String left : rows) {
            Deidentifier d = left.equals("(none)") ? Deidentifiers.without("") : Deidentifiers.without(left);
            StringBuilder row = new StringBuilder(String.format("%-18s", left));
            for (Sample sample : samples) {
                Score score = score(d, sample);
                int n = score.byType.values().stream().mapToInt(c -> c[0]).sum();
                int found = score.byType.values().stream().mapToInt(c -> c[1]).sum();
                row.append(String.format(" | %5.1f%% (%3d of %3d)", 100.0 * found / n, found, n));
            }
            System.out.println(row);
        }
    }

    private static Score score(Deidentifier deidentifier, Sample sample) {
        Score score = new Score();
        for (Doc doc : sample.docs()) {
            String text = doc.text();
            List<Suggestion> marks = deidentifier.suggest(text);
            boolean[] marked = new boolean[text.length()];
            boolean[] labelled = new boolean[text.length()];
            for (Suggestion s : marks) {
                for (int i = s.start(); i < s.end(); i++) {
                    marked[i] = true;
                }
            }
            if (doc.spans().isEmpty()) {
                score.unlabelledDocs++;
                score.marksOnUnlabelledDocs += marks.size();
            }
            for (Span span : doc.spans()) {
                int[] counts = score.byType.computeIfAbsent(span.type(), t -> new int[4]);
                counts[0]++;
                boolean found = false;
                boolean rightKind = false;
                for (Suggestion s : marks) {
                    if (s.start() < span.end() && span.start() < s.end()) {
                        found = true;
                        rightKind |= sample.kinds()
                                .getOrDefault(span.type(), Set.of())
                                .contains(s.kind());
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
                    score.misses.add(String.format(
                            "%s %-11s %s", doc.id(), span.type(), flat(text.substring(span.start(), span.end()))));
                }
            }
            for (Suggestion s : marks) {
                long[] chars = score.byKind.computeIfAbsent(s.kind().name(), k -> new long[2]);
                int inside = 0;
                for (int i = s.start(); i < s.end(); i++) {
                    inside += labelled[i] ? 1 : 0;
                }
                chars[0] += s.end() - s.start();
                chars[1] += inside;
                if (inside < s.end() - s.start()) {
                    score.wrong.add(String.format(
                            "%s %-12s %-40s -> %s",
                            doc.id(), s.kind(), flat(text.substring(s.start(), s.end())), s.replacement()));
                }
            }
        }
        return score;
    }

    private static void print(List<Sample> samples, List<Score> scores) {
        String cell = " | %-30s";
        System.out.printf("%nSpan recall: n labelled spans; found = any mark overlaps; cover = marks cover every"
                + " character; kind = an overlapping mark names the type%n");
        StringBuilder head = new StringBuilder(String.format("%-11s", ""));
        StringBuilder sub = new StringBuilder(String.format("%-11s", "type"));
        for (Sample sample : samples) {
            head.append(String.format(cell, sample.name() + " (" + sample.docs().size() + ")"));
            sub.append(String.format(" | %4s %7s %7s %7s ", "n", "found", "cover", "kind"));
        }
        System.out.println(head);
        System.out.println(sub);
        Set<String> types = new LinkedHashSet<>(TYPE_ORDER);
        scores.forEach(s -> types.addAll(s.byType.keySet()));
        for (String type : types) {
            if (scores.stream().noneMatch(s -> s.byType.containsKey(type))) {
                continue;
            }
            StringBuilder row = new StringBuilder(String.format("%-11s", type));
            for (Score score : scores) {
                int[] c = score.byType.get(type);
                row.append(c == null ? String.format(" | %4s %7s %7s %7s ", "", "", "", "") : recall(c));
            }
            System.out.println(row);
        }
        StringBuilder all = new StringBuilder(String.format("%-11s", "ALL"));
        for (Score score : scores) {
            int[] sum = new int[4];
            for (int[] c : score.byType.values()) {
                for (int i = 0; i < 4; i++) {
                    sum[i] += c[i];
                }
            }
            all.append(recall(sum));
        }
        System.out.println(all);

        System.out.printf("%nCharacter precision: marked characters inside a labelled span / marked characters%n");
        head = new StringBuilder(String.format("%-14s", "kind"));
        for (Sample sample : samples) {
            head.append(String.format(cell, sample.name()));
        }
        System.out.println(head);
        Set<String> kinds = new TreeSet<>();
        scores.forEach(s -> kinds.addAll(s.byKind.keySet()));
        for (String kind : kinds) {
            StringBuilder row = new StringBuilder(String.format("%-14s", kind));
            for (Score score : scores) {
                long[] c = score.byKind.get(kind);
                row.append(c == null ? String.format(" | %-30s", "") : precision(c[1], c[0]));
            }
            System.out.println(row);
        }
        StringBuilder total = new StringBuilder(String.format("%-14s", "ALL"));
        for (Score score : scores) {
            long inside = score.byKind.values().stream().mapToLong(c -> c[1]).sum();
            long marked = score.byKind.values().stream().mapToLong(c -> c[0]).sum();
            total.append(precision(inside, marked));
        }
        System.out.println(total);
        StringBuilder empty = new StringBuilder(String.format("%-14s", "no-label docs"));
        for (Score score : scores) {
            empty.append(String.format(
                    " | %-30s", score.marksOnUnlabelledDocs + " marks on " + score.unlabelledDocs + " docs"));
        }
        System.out.println(empty);

        System.out.printf(
                "%nThroughput after a warm-up (%d cores)%n",
                Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < samples.size(); i++) {
            List<Doc> docs = samples.get(i).docs();
            System.out.printf(
                    "%-18s %4d docs, mean %5d chars: %8.0f docs/s on 1 thread, %8.0f docs/s on %d threads%n",
                    samples.get(i).name(),
                    docs.size(),
                    docs.stream().mapToInt(d -> d.text().length()).sum() / Math.max(1, docs.size()),
                    scores.get(i).single,
                    scores.get(i).parallel,
                    Runtime.getRuntime().availableProcessors());
        }

        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            Score score = scores.get(i);
            if (sample.heldOut()) {
                System.out.printf(
                        "%n%s: %d labelled spans not found, %d marks not wholly inside a labelled span"
                                + " (held out: counts only, never printed)%n",
                        sample.name(), score.misses.size(), score.wrong.size());
            } else {
                System.out.printf("%n%s: labelled spans not found (%d)%n", sample.name(), score.misses.size());
                score.misses.forEach(System.out::println);
                System.out.printf(
                        "%n%s: marks not wholly inside a labelled span (%d)%n", sample.name(), score.wrong.size());
                score.wrong.forEach(System.out::println);
            }
        }
    }

    private static String recall(int[] c) {
        return String.format(" | %4d %7s %7s %7s ", c[0], pct(c[1], c[0]), pct(c[2], c[0]), pct(c[3], c[0]));
    }

    private static String precision(long inside, long marked) {
        return String.format(" | %6d / %6d %8s      ", inside, marked, pct(inside, marked));
    }

    /** Docs per second after a warm-up of about a second: one thread, then one thread per core. */
    private static void throughput(Deidentifier deidentifier, Sample sample, Score score) throws InterruptedException {
        List<String> texts = sample.docs().stream().map(Doc::text).toList();
        long sink = 0;
        long until = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < until) { // warm-up
            sink += pass(deidentifier, texts);
        }
        int passes = 0;
        long t0 = System.nanoTime();
        while (passes < 3 || System.nanoTime() - t0 < 2_000_000_000L) {
            sink += pass(deidentifier, texts);
            passes++;
        }
        score.single = (double) passes * texts.size() / ((System.nanoTime() - t0) / 1e9);

        int cores = Runtime.getRuntime().availableProcessors();
        int rounds = passes;
        try (ExecutorService pool = Executors.newFixedThreadPool(cores)) {
            List<Future<Long>> done = new ArrayList<>();
            long t1 = System.nanoTime();
            for (int c = 0; c < cores; c++) {
                done.add(pool.submit(() -> {
                    long n = 0;
                    for (int r = 0; r < rounds; r++) {
                        n += pass(deidentifier, texts);
                    }
                    return n;
                }));
            }
            for (Future<Long> f : done) {
                try {
                    sink += f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            score.parallel = (double) cores * rounds * texts.size() / ((System.nanoTime() - t1) / 1e9);
        }
        assertTrue(sink >= 0);
    }

    private static long pass(Deidentifier deidentifier, List<String> texts) {
        long n = 0;
        for (String text : texts) {
            n += deidentifier.suggest(text).size();
        }
        return n;
    }

    /** True when an officer sentence belongs to the held-out part of the fixed split. */
    /** Whether an officer passage is held out: by its id alone. */
    public static boolean heldOut(String id) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest((OFFICER_SPLIT + id).getBytes(StandardCharsets.UTF_8));
            return (digest[0] & 1) == 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Report ID -> narrative, as the CSV reader returns it. */
    private static Map<String, String> narratives(Path file) throws IOException {
        List<List<String>> rows = DeidentificationSafenetSample.csv(Files.readString(file, StandardCharsets.UTF_8));
        int idColumn = rows.getFirst().indexOf("ID");
        int narrativeColumn = rows.getFirst().indexOf("Narrative");
        Map<String, String> narratives = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() > narrativeColumn) {
                narratives.put(row.get(idColumn), row.get(narrativeColumn));
            }
        }
        return narratives;
    }

    /** The labelled SAFENET reports of one file, with their narratives; every label's text is checked. */
    private static List<Doc> safenet(String resource, Map<String, String> narratives) throws IOException {
        List<Doc> docs = new ArrayList<>();
        for (JsonNode node : lines(resource)) {
            String id = node.get("id").asString();
            String narrative = narratives.get(id);
            assertNotNull(narrative, "report " + id + " is not in the SAFENET data file");
            docs.add(new Doc(id, narrative, spans(node, id, narrative)));
        }
        return docs;
    }

    /** The labelled officer sentences; every label's text is checked. */
    private static List<Doc> officers() throws IOException {
        List<Doc> docs = new ArrayList<>();
        for (JsonNode node : lines(OFFICERS)) {
            String id = node.get("id").asString();
            String text = node.get("text").asString();
            docs.add(new Doc(id, text, spans(node, id, text)));
        }
        return docs;
    }

    private static List<Span> spans(JsonNode node, String id, String text) {
        List<Span> spans = new ArrayList<>();
        for (JsonNode s : node.get("spans")) {
            Span span = new Span(
                    s.get("start").asInt(), s.get("end").asInt(), s.get("type").asString());
            assertEquals(
                    s.get("text").asString(),
                    text.substring(span.start(), span.end()),
                    "label text of " + id + " at " + span.start());
            spans.add(span);
        }
        return spans;
    }

    private static List<JsonNode> lines(String resource) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> nodes = new ArrayList<>();
        try (InputStream in = DeidentificationSafenetLabelled.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    nodes.add(json.readTree(line));
                }
            }
        }
        return nodes;
    }

    private static String pct(long part, long whole) {
        return whole == 0 ? "-" : String.format("%.1f%%", 100.0 * part / whole);
    }

    private static String flat(String s) {
        return s.replace('\n', ' ');
    }
}
