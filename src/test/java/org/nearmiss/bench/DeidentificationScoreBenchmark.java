package org.nearmiss.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nearmiss.review.deidentify.Deidentifier;
import org.nearmiss.review.deidentify.Kind;
import org.nearmiss.review.deidentify.Suggestion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores the de-identification assistant on labelled sentences (the Presidio evaluator's synthetic
 * set in {@code ../shared/data/pii}): span-level recall and precision per entity type, where a
 * suggestion counts when it overlaps a labelled span of the matching type. Run with
 *
 * <pre>./mvnw -Pbenchmark test -Dtest=DeidentificationScoreBenchmark [-Dpii.path=FILE] [-Dpii.show=TYPE]</pre>
 *
 * <p>{@code pii.show} prints the misses of a labelled type (e.g. {@code PERSON}) and the wrong marks of a
 * kind (e.g. {@code PLACE}).
 */
@Tag("benchmark")
class DeidentificationScoreBenchmark {

    /** The labelled types and the kinds that count as finding them. */
    private static final Map<String, Set<Kind>> TYPES = Map.ofEntries(
            Map.entry("PERSON", Set.of(Kind.PERSON)),
            Map.entry("STREET_ADDRESS", Set.of(Kind.ADDRESS)),
            Map.entry("ZIP_CODE", Set.of(Kind.ADDRESS)),
            Map.entry("PHONE_NUMBER", Set.of(Kind.PHONE)),
            Map.entry("EMAIL_ADDRESS", Set.of(Kind.EMAIL)),
            Map.entry("DATE_TIME", Set.of(Kind.DATE, Kind.TIME)),
            Map.entry("AGE", Set.of(Kind.AGE)),
            Map.entry("US_SSN", Set.of(Kind.ID_NUMBER)),
            Map.entry("IP_ADDRESS", Set.of(Kind.ID_NUMBER)),
            Map.entry("GPE", Set.of(Kind.PLACE, Kind.ADDRESS)),
            Map.entry("ORGANIZATION", Set.of(Kind.AGENCY)));

    private record Gold(int start, int end, String type) {}

    @Test
    void scoreOnTheLabelledSet() throws Exception {
        Path file = Path.of(System.getProperty("pii.path", "../shared/data/pii/synth_dataset_v2.json"));
        JsonNode samples = JsonMapper.builder().build().readTree(Files.readString(file));
        Deidentifier deidentifier = new Deidentifier();
        Map<String, int[]> recall = new TreeMap<>();
        Map<Kind, int[]> precision = new TreeMap<>();
        Map<Kind, int[]> identifying = new TreeMap<>();

        for (JsonNode sample : samples) {
            String text = sample.get("full_text").asString();
            List<Gold> gold = new ArrayList<>();
            for (JsonNode span : sample.get("spans")) {
                gold.add(new Gold(
                        span.get("start_position").asInt(),
                        span.get("end_position").asInt(),
                        span.get("entity_type").asString()));
            }
            List<Suggestion> found = deidentifier.suggest(text);
            String show = System.getProperty("pii.show", "");
            for (Gold g : gold) {
                if (!TYPES.containsKey(g.type())) {
                    continue;
                }
                boolean hit = found.stream()
                        .anyMatch(s ->
                                TYPES.get(g.type()).contains(s.kind()) && s.start() < g.end() && g.start() < s.end());
                if (!hit && g.type().equals(show)) {
                    System.out.println("missed " + g.type() + ": "
                            + text.substring(g.start(), g.end()).replace("\n", "⏎"));
                }
                int[] counts = recall.computeIfAbsent(g.type(), t -> new int[2]);
                counts[0] += hit ? 1 : 0;
                counts[1]++;
            }
            for (Suggestion s : found) {
                boolean right = gold.stream()
                        .anyMatch(g -> TYPES.getOrDefault(g.type(), Set.of()).contains(s.kind())
                                && s.start() < g.end()
                                && g.start() < s.end());
                if (!right && s.kind().name().equals(show)) {
                    System.out.println("wrong " + s.kind() + ": "
                            + text.substring(s.start(), s.end()).replace("\n", "⏎") + "   in: "
                            + text.replace("\n", "⏎"));
                }
                boolean anyPii = gold.stream().anyMatch(g -> s.start() < g.end() && g.start() < s.end());
                int[] any = identifying.computeIfAbsent(s.kind(), k -> new int[2]);
                any[0] += anyPii ? 1 : 0;
                any[1]++;
                int[] counts = precision.computeIfAbsent(s.kind(), k -> new int[2]);
                counts[0] += right ? 1 : 0;
                counts[1]++;
            }
        }

        System.out.printf("%nDe-identification on %s (%d samples)%n", file.getFileName(), samples.size());
        recall.forEach((type, c) ->
                System.out.printf("recall    %-15s %5.3f  (%d of %d)%n", type, (double) c[0] / c[1], c[0], c[1]));
        precision.forEach((kind, c) ->
                System.out.printf("precision %-15s %5.3f  (%d of %d)%n", kind, (double) c[0] / c[1], c[0], c[1]));
        // A mark is also right, for de-identification, when what it covers is labelled identifying of another type.
        identifying.forEach((kind, c) -> System.out.printf(
                "marks on any labelled PII %-15s %5.3f  (%d of %d)%n", kind, (double) c[0] / c[1], c[0], c[1]));
    }
}
