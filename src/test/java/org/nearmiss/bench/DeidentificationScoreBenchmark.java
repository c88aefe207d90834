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
import org.nearmiss.deidentify.Deidentifier;
import org.nearmiss.deidentify.Deidentifiers;
import org.nearmiss.deidentify.Kind;
import org.nearmiss.deidentify.Suggestion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores the de-identification assistant on labelled sentences (the Presidio evaluator's synthetic
 * set in {@code ../shared/data/pii}): span-level recall and precision per entity type, where a
 * suggestion counts when it overlaps a labelled span of the matching type. Run with
 *
 * <pre>./mvnw -Pbenchmark test -Dtest=DeidentificationScoreBenchmark [-Dpii.path=FILE] [-Dpii.show=TYPE]
 *     [-Ddeidentify.rules-only=true]</pre>
 *
 * <p>The set is split once, before anyone looks, into a tuning part and a held-out part: by the
 * sentence template each sample was made from (so no template is in both), a template going to the
 * held-out part when the first byte of SHA-256({@value #SPLIT_SEED} + its id) is odd. Both parts are
 * scored and printed side by side; {@code pii.show} prints the misses of a labelled type (e.g.
 * {@code PERSON}) and the wrong marks of a kind (e.g. {@code PLACE}) of the tuning part only, so rules
 * are never shaped by held-out sentences.
 */
@Tag("benchmark")
public class DeidentificationScoreBenchmark {

    static final String SPLIT_SEED = "nearmiss de-identification split 2026-12";

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
            Map.entry("CREDIT_CARD", Set.of(Kind.ID_NUMBER)),
            Map.entry("IBAN_CODE", Set.of(Kind.ID_NUMBER)),
            Map.entry("US_DRIVER_LICENSE", Set.of(Kind.ID_NUMBER)),
            Map.entry("DOMAIN_NAME", Set.of(Kind.WEB_ADDRESS)),
            Map.entry("GPE", Set.of(Kind.PLACE, Kind.ADDRESS)),
            Map.entry("ORGANIZATION", Set.of(Kind.AGENCY)));

    private record Gold(int start, int end, String type) {}

    /** Whether a sample belongs to the held-out part: decided by its template, never by its content. */
    public static boolean heldOut(JsonNode sample, int index) {
        String template = sample.has("template_id") ? sample.get("template_id").asString() : "index " + index;
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((SPLIT_SEED + template).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return (digest[0] & 1) == 1;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void scoreOnTheLabelledSet() throws Exception {
        Path file = Path.of(System.getProperty("pii.path", "../shared/data/pii/synth_dataset_v2.json"));
        JsonNode samples = JsonMapper.builder().build().readTree(Files.readString(file));
        List<JsonNode> tuning = new ArrayList<>();
        List<JsonNode> heldOut = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            (heldOut(samples.get(i), i) ? heldOut : tuning).add(samples.get(i));
        }
        Score tuned = score(tuning, System.getProperty("pii.show", ""));
        Score held = score(heldOut, "");
        System.out.printf(
                "%nDe-identification on %s: tuning part %d samples, held-out part %d samples; %s%n",
                file.getFileName(), tuning.size(), heldOut.size(), Deidentifiers.which());
        System.out.printf("%-34s %-22s %-22s%n", "", "tuning", "held-out");
        java.util.Set<String> types = new java.util.TreeSet<>(tuned.recall.keySet());
        types.addAll(held.recall.keySet());
        for (String type : types) {
            System.out.printf(
                    "recall    %-24s %-22s %-22s%n", type, cell(tuned.recall.get(type)), cell(held.recall.get(type)));
        }
        java.util.Set<Kind> kinds = new java.util.TreeSet<>(tuned.precision.keySet());
        kinds.addAll(held.precision.keySet());
        for (Kind kind : kinds) {
            System.out.printf(
                    "precision %-24s %-22s %-22s%n",
                    kind, cell(tuned.precision.get(kind)), cell(held.precision.get(kind)));
        }
        // A mark is also right, for de-identification, when what it covers is labelled identifying of another type.
        for (Kind kind : kinds) {
            System.out.printf(
                    "marks on any labelled PII %-14s %-22s %-22s%n",
                    kind, cell(tuned.identifying.get(kind)), cell(held.identifying.get(kind)));
        }
    }

    private static String cell(int[] counts) {
        return counts == null
                ? "-"
                : String.format("%5.3f (%d of %d)", (double) counts[0] / counts[1], counts[0], counts[1]);
    }

    private record Score(Map<String, int[]> recall, Map<Kind, int[]> precision, Map<Kind, int[]> identifying) {}

    private static Score score(List<JsonNode> samples, String show) {
        Deidentifier deidentifier = Deidentifiers.fromProperties();
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
        return new Score(recall, precision, identifying);
    }
}
