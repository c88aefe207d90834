package org.nearmiss.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The real wildland-fire near misses in {@code ../shared/data/safenet} (see its SOURCE.txt), for
 * benchmarks: their unredacted narratives and the contributing-factor and human-factor labels their
 * reporters chose. Benchmarks take another path with {@code -Dsafenet.path=FILE}.
 */
public final class Safenet {

    /**
     * One report.
     *
     * @param labels contributing factors as {@code CF:…} and human factors as {@code HF:…}
     */
    public record Report(String id, String activity, String narrative, Set<String> labels) {}

    private Safenet() {}

    public static Path path() {
        return Path.of(System.getProperty("safenet.path", "../shared/data/safenet/safenet_1999_2021_combined.csv"));
    }

    /** The reports with a narrative, in file order. */
    public static List<Report> reports() {
        Path file = path();
        if (!Files.exists(file)) {
            throw new IllegalStateException("No SAFENET file at " + file.toAbsolutePath() + "; give -Dsafenet.path");
        }
        CsvMapper csv = CsvMapper.builder().build();
        List<Report> reports = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(Files.newBufferedReader(file))) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                String narrative = row.getOrDefault("Narrative", "").strip();
                if (narrative.isEmpty()) {
                    continue;
                }
                Set<String> labels = new TreeSet<>();
                labels.addAll(labels("CF:", row.get("Contributing Factors")));
                labels.addAll(labels("HF:", row.get("Human Factors")));
                reports.add(
                        new Report(row.get("ID"), row.getOrDefault("Event Incident Activity", ""), narrative, labels));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reports;
    }

    private static List<String> labels(String prefix, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> prefix + s)
                .toList();
    }
}
