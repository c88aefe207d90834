package org.nearmiss.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nearmiss.deidentify.Deidentifier;
import org.nearmiss.deidentify.Suggestion;

/**
 * Prints the assistant's marks on a seeded sample of real, unredacted SAFENET near-miss narratives
 * ({@code ../shared/data/safenet}), for a person to read: what it marks that is not identifying, and
 * what it leaves that is. Run with
 *
 * <pre>./mvnw -Pbenchmark test -Dtest=DeidentificationSafenetSample [-Dsafenet.path=FILE] [-Dsafenet.sample=40]</pre>
 */
@Tag("benchmark")
class DeidentificationSafenetSample {

    @Test
    void printTheMarksOnASample() throws IOException {
        Path file =
                Path.of(System.getProperty("safenet.path", "../shared/data/safenet/safenet_1999_2021_combined.csv"));
        int size = Integer.getInteger("safenet.sample", 40);
        List<List<String>> rows = csv(Files.readString(file, StandardCharsets.UTF_8));
        int narrative = rows.getFirst().indexOf("Narrative");
        List<String> narratives = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() > narrative && !row.get(narrative).isBlank()) {
                narratives.add(row.get(narrative));
            }
        }
        Collections.shuffle(narratives, new Random(7));
        Deidentifier deidentifier = new Deidentifier();
        Map<String, Integer> byKind = new TreeMap<>();
        for (String text : narratives.subList(0, Math.min(size, narratives.size()))) {
            System.out.println("\n--- " + text.replace('\n', ' '));
            for (Suggestion s : deidentifier.suggest(text)) {
                byKind.merge(s.kind().name(), 1, Integer::sum);
                System.out.printf(
                        "%-8s %-40s -> %s%n",
                        s.kind(), text.substring(s.start(), s.end()).replace('\n', ' '), s.replacement());
            }
        }
        System.out.printf(
                "%nMarks on %d of %d narratives: %s%n", Math.min(size, narratives.size()), narratives.size(), byKind);
    }

    /** RFC 4180: fields separated by commas, quoted fields may hold commas, quotes ("") and line breaks. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString().replace("\r", ""));
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
