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
 * <pre>./mvnw -Pbenchmark test -Dtest=DeidentificationScoreBenchmark [-Dpii.path=FILE]</pre>
 */
@Tag("benchmark")
class DeidentificationScoreBenchmark {

    /** The labelled types and the kinds that count as finding them. */
    private static final Map<String, Set<Kind>> TYPES = Map.of(
            "PERSON", Set.of(Kind.PERSON),
            "STREET_ADDRESS", Set.of(Kind.ADDRESS),
            "PHONE_NUMBER", Set.of(Kind.PHONE),
            "EMAIL_ADDRESS", Set.of(Kind.EMAIL),
            "DATE_TIME", Set.of(Kind.DATE, Kind.TIME),
            "AGE", Set.of(Kind.AGE),
            "US_SSN", Set.of(Kind.ID_NUMBER),
            "IP_ADDRESS", Set.of(Kind.ID_NUMBER),
            "GPE", Set.of(Kind.PLACE, Kind.ADDRESS),
            "ORGANIZATION", Set.of(Kind.AGENCY));

    private record Gold(int start, int end, String type) {}

    @Test
    void scoreOnTheLabelledSet() throws Exception {
        Path file = Path.of(System.getProperty("pii.path", "../shared/data/pii/synth_dataset_v2.json"));
        JsonNode samples = JsonMapper.builder().build().readTree(Files.readString(file));
        Deidentifier deidentifier = new Deidentifier();
        Map<String, int[]> recall = new TreeMap<>();
        Map<Kind, int[]> precision = new TreeMap<>();

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
            for (Gold g : gold) {
                if (!TYPES.containsKey(g.type())) {
                    continue;
                }
                boolean hit = found.stream()
                        .anyMatch(s ->
                                TYPES.get(g.type()).contains(s.kind()) && s.start() < g.end() && g.start() < s.end());
                int[] counts = recall.computeIfAbsent(g.type(), t -> new int[2]);
                counts[0] += hit ? 1 : 0;
                counts[1]++;
            }
            for (Suggestion s : found) {
                boolean right = gold.stream()
                        .anyMatch(g -> TYPES.getOrDefault(g.type(), Set.of()).contains(s.kind())
                                && s.start() < g.end()
                                && g.start() < s.end());
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
    }
}
