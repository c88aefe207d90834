package org.nearmiss.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Themes: groups of published incidents alike in meaning, whatever their type of call, each named by
 * the words and pairs of words its accounts use far more than others do and by the factors it has
 * more of; with its size, its size year by year and the incidents at its heart. Worked out again when
 * the library has grown by a twentieth, or an hour after any change; in a large library the last
 * themes are shown meanwhile.
 */
@Component
public class Themes {

    /** Fewer published incidents than this make no themes worth the name. */
    static final int MINIMUM_REPORTS = 12;

    static final int MAX_THEMES = 24;

    /** Members read per theme, nearest its centre: they name it and give its years and factors. */
    static final int SAMPLE = 300;

    private static final int FIT_SAMPLE = 20_000;
    private static final long SEED = 20261122L;

    private final Similarity similarity;
    private volatile Found cached;
    private final java.util.concurrent.atomic.AtomicBoolean refreshing =
            new java.util.concurrent.atomic.AtomicBoolean();

    Themes(Similarity similarity) {
        this.similarity = similarity;
    }

    /** A factor that stands out in a theme. */
    public record Standout(String label, double share, double lift) {}

    /** Reports of a theme in one year of the incident (estimated from its sample in a large theme). */
    public record Year(int year, long reports) {}

    /** An incident at a theme's heart. */
    public record Example(String id, String title, String activity) {}

    /**
     * @param label its name: the words that mark it out
     * @param estimated whether years and factors come from a sample of the theme (a large one)
     */
    public record Theme(
            int number,
            String label,
            long size,
            List<Standout> factors,
            List<String> activities,
            List<Year> years,
            List<Example> examples,
            boolean estimated) {}

    /** The themes, largest first, of this many published reports, as worked out at this time. */
    public record Found(long reports, Instant workedOut, List<Theme> themes) {}

    /** The themes now, working them out when the library has changed enough since. */
    public Found themes() {
        IncidentIndex index = similarity.index();
        long size = index.size();
        Found found = cached;
        boolean stale = found == null
                || Math.abs(size - found.reports()) > Math.max(1, found.reports() / 20)
                || size != found.reports()
                        && found.workedOut().isBefore(Instant.now().minusSeconds(3600));
        if (found == null || stale && size < 50_000) {
            // Nothing to show yet, or quick to redo: work them out now.
            found = workOut(index, size);
            cached = found;
        } else if (stale && refreshing.compareAndSet(false, true)) {
            // A large library: show the last themes while new ones are worked out.
            Thread.ofPlatform().name("themes").daemon(true).start(() -> {
                try {
                    cached = workOut(index, index.size());
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return found;
    }

    private synchronized Found workOut(IncidentIndex index, long size) {
        if (size < MINIMUM_REPORTS) {
            return new Found(size, Instant.now(), List.of());
        }
        int k = (int) Math.clamp(Math.round(Math.sqrt(size / 10.0)), 2, MAX_THEMES);
        List<IncidentIndex.Group> groups = index.groups(k, FIT_SAMPLE, SAMPLE, SEED);

        // Every group's sample together stands for the library as a whole.
        Map<String, Integer> background = new HashMap<>();
        Map<String, Integer> backgroundFactors = new HashMap<>();
        int backgroundSize = 0;
        List<List<Set<String>>> phrasesOf = new ArrayList<>();
        for (IncidentIndex.Group group : groups) {
            List<Set<String>> phrases = new ArrayList<>();
            for (Incident incident : group.nearest()) {
                Set<String> candidates = Phrases.candidates(incident.text());
                phrases.add(candidates);
                candidates.forEach(p -> background.merge(p, 1, Integer::sum));
                incident.factors().forEach(f -> backgroundFactors.merge(f, 1, Integer::sum));
                backgroundSize++;
            }
            phrasesOf.add(phrases);
        }

        List<Theme> themes = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            IncidentIndex.Group group = groups.get(g);
            List<Incident> members = group.nearest();
            themes.add(new Theme(
                    0,
                    label(phrasesOf.get(g), background, backgroundSize),
                    group.size(),
                    standouts(members, backgroundFactors, backgroundSize),
                    activities(members),
                    years(members, group.size()),
                    members.stream()
                            .limit(8)
                            .map(i -> new Example(i.id(), similarity.titleOf(i), similarity.activityLabel(i)))
                            .toList(),
                    group.size() > members.size()));
        }
        themes.sort(Comparator.comparingLong(Theme::size).reversed());
        List<Theme> numbered = new ArrayList<>();
        for (int i = 0; i < themes.size(); i++) {
            Theme t = themes.get(i);
            numbered.add(new Theme(
                    i + 1, t.label(), t.size(), t.factors(), t.activities(), t.years(), t.examples(), t.estimated()));
        }
        return new Found(size, Instant.now(), numbered);
    }

    /**
     * The three words or pairs most particular to the theme: common in it, rarer elsewhere
     * (frequency in the theme times the log of how many times more frequent than in the library).
     */
    static String label(List<Set<String>> members, Map<String, Integer> background, int backgroundSize) {
        Map<String, Integer> counts = new HashMap<>();
        members.forEach(phrases -> phrases.forEach(p -> counts.merge(p, 1, Integer::sum)));
        int n = members.size();
        int floor = Math.max(2, (int) Math.ceil(0.15 * n));
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        for (Map.Entry<String, Integer> phrase : counts.entrySet()) {
            int inTheme = phrase.getValue();
            if (inTheme < floor) {
                continue;
            }
            double share = (double) inTheme / n;
            double elsewhere = (background.getOrDefault(phrase.getKey(), 0) + 1.0) / (backgroundSize + 1.0);
            if (elsewhere > 0.5) {
                continue;
            }
            double score = share * Math.log(share / elsewhere);
            scored.add(Map.entry(phrase.getKey(), phrase.getKey().contains(" ") ? score * 1.3 : score));
        }
        List<String> chosen = Phrases.best(scored, 3);
        return chosen.isEmpty() ? "Mixed incidents" : String.join(" · ", chosen);
    }

    private List<Standout> standouts(List<Incident> members, Map<String, Integer> background, int backgroundSize) {
        Map<String, Integer> counts = new HashMap<>();
        members.forEach(i -> i.factors().forEach(f -> counts.merge(f, 1, Integer::sum)));
        List<Standout> standouts = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> {
                    double share = (double) e.getValue() / members.size();
                    double lift = share / ((double) background.get(e.getKey()) / backgroundSize);
                    String label = similarity.factorLabel(e.getKey());
                    if (share >= 0.2 && lift >= 1.2 && standouts.size() < 3 && labels.add(label)) {
                        standouts.add(new Standout(label, share, lift));
                    }
                });
        return standouts;
    }

    private List<String> activities(List<Incident> members) {
        Map<String, Integer> counts = new HashMap<>();
        members.forEach(i -> {
            String label = similarity.activityLabel(i);
            if (label != null) {
                counts.merge(label, 1, Integer::sum);
            }
        });
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(3)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static List<Year> years(List<Incident> members, long size) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (Incident incident : members) {
            if (incident.month() != null && incident.month().length() >= 4) {
                try {
                    counts.merge(Integer.parseInt(incident.month().substring(0, 4)), 1, Integer::sum);
                } catch (NumberFormatException malformed) {
                    // an imported month that is not one: left out
                }
            }
        }
        double scale = (double) size / members.size();
        List<Year> years = new ArrayList<>();
        counts.forEach((year, count) -> years.add(new Year(year, Math.round(count * scale))));
        return years;
    }
}
