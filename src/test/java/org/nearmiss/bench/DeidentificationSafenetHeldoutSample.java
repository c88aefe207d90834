package org.nearmiss.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redraws the held-out SAFENET sample of {@code src/test/resources/deidentify/safenet-heldout-labels.jsonl}
 * and checks that the labelled IDs are exactly that sample, in order. It does not run the assistant.
 * Procedure (also in {@code SAFENET-HELDOUT-LABELS.txt}): every row of the combined file whose Narrative
 * is not blank, as {@link DeidentificationSafenetSample#csv} reads it, in file order, as (ID, Narrative)
 * pairs; {@code Collections.shuffle(rows, new Random(20261203))}; drop the 40 rule-tuning IDs and the 30
 * IDs of {@code safenet-labels.jsonl}; the first 40 left are the sample. Run with
 *
 * <pre>./mvnw -Pbenchmark test -Dtest=DeidentificationSafenetHeldoutSample [-Dsafenet.path=FILE]</pre>
 */
@Tag("benchmark")
class DeidentificationSafenetHeldoutSample {

    static final long SEED = 20261203L;
    static final int SIZE = 40;

    /** The 40 reports read while the rules were tuned (first 40 after shuffling with Random(7)). */
    static final Set<String> RULE_TUNING_IDS = Set.of(
            "25582", "29881", "24449", "24186", "25137", "25256", "42209", "29141", "24062", "27445", "24726", "32721",
            "24963", "39730", "24638", "37207", "25406", "40511", "24113", "24400", "24808", "24609", "25117", "24921",
            "24356", "40775", "25566", "24969", "25022", "24353", "25062", "24149", "25541", "36042", "28065", "44410",
            "25162", "24520", "24578", "36747");

    @Test
    void theLabelledIdsAreTheSeededSample() throws IOException {
        Path file =
                Path.of(System.getProperty("safenet.path", "../shared/data/safenet/safenet_1999_2021_combined.csv"));
        Assumptions.assumeTrue(Files.isRegularFile(file), "SAFENET data not found at " + file.toAbsolutePath());
        List<String> drawn = draw(file, ids("/deidentify/safenet-labels.jsonl"));
        System.out.println("Held-out SAFENET sample: " + String.join(" ", drawn));
        assertEquals(drawn, ids("/deidentify/safenet-heldout-labels.jsonl"));
    }

    /** The sample's report IDs, in order. */
    static List<String> draw(Path file, List<String> alreadyLabelled) throws IOException {
        List<List<String>> rows = DeidentificationSafenetSample.csv(Files.readString(file, StandardCharsets.UTF_8));
        int idColumn = rows.getFirst().indexOf("ID");
        int narrativeColumn = rows.getFirst().indexOf("Narrative");
        List<String> ids = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() > narrativeColumn && !row.get(narrativeColumn).isBlank()) {
                ids.add(row.get(idColumn));
            }
        }
        Collections.shuffle(ids, new Random(SEED));
        Set<String> excluded = new HashSet<>(RULE_TUNING_IDS);
        excluded.addAll(alreadyLabelled);
        return ids.stream().filter(id -> !excluded.contains(id)).limit(SIZE).toList();
    }

    static List<String> ids(String resource) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<String> ids = new ArrayList<>();
        try (InputStream in = DeidentificationSafenetHeldoutSample.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    ids.add(json.readTree(line).get("id").asString());
                }
            }
        }
        return ids;
    }
}
