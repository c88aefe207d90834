package org.nearmiss.deidentify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The de-identification assistant: marks what in a narrative looks identifying, with the detectors
 * listed in {@link Detectors} (people's names, street addresses, identity numbers...), whose marks a
 * statistical tagger ({@code EntityModel}) may give another kind or add to, and proposes a
 * replacement for each mark, saying why it made it. Where marks overlap, the longer one wins (an
 * address over the number inside it). It only suggests; a reviewer decides.
 */
@Component
public class Deidentifier {

    private volatile List<Detector> detectors;
    private final Supplier<EntityModel> entityModel;

    public Deidentifier() {
        this(EntityModel::shipped);
    }

    /** With another statistical detector beside the rules; {@code EntityModel::none} for the rules alone. */
    Deidentifier(Supplier<EntityModel> entityModel) {
        this.entityModel = entityModel;
    }

    /** With some of the detectors only, to measure what each contributes. */
    Deidentifier(Supplier<EntityModel> entityModel, List<Detector> detectors) {
        this.entityModel = entityModel;
        this.detectors = List.copyOf(detectors);
    }

    /** Suggestions for a text, in reading order, none overlapping. */
    public List<Suggestion> suggest(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Suggestion> candidates = new ArrayList<>();
        for (Detector detector : detectors()) {
            candidates.addAll(detector.find(text));
        }
        candidates.sort(Comparator.comparingInt(Suggestion::length).reversed().thenComparingInt(Suggestion::start));
        // What is kept never overlaps, so the one kept mark that starts last before a candidate ends is
        // the only one it can overlap: one look-up each, not a pass over all kept so far.
        TreeMap<Integer, Suggestion> kept = new TreeMap<>();
        for (Suggestion candidate : candidates) {
            Map.Entry<Integer, Suggestion> before = kept.lowerEntry(candidate.end());
            if (before == null || !before.getValue().overlaps(candidate)) {
                kept.put(candidate.start(), candidate);
            }
        }
        // The statistical detector (EntityModel) may give a rule's mark another kind, and adds where the
        // rules marked nothing.
        return entityModel.get().combine(text, List.copyOf(kept.values()));
    }

    /**
     * What the assistant still marks in a text that was already de-identified: its suggestions, leaving
     * out the bracketed replacements it proposes itself ("[OFFICER 1]"), which never count as identifying.
     */
    public List<Suggestion> residual(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Brackets brackets = new Brackets(text);
        return suggest(text).stream().filter(s -> !brackets.inside(s)).toList();
    }

    /**
     * Where the brackets of a text are, found once: looking for them from each mark went back over the
     * text once a mark, and a text with many marks took time growing with its square.
     */
    private static final class Brackets {

        /** For each position, the last '[' and the last ']' at or before it, and the first ']' at or after it. */
        private final int[] lastOpen;

        private final int[] lastClose;
        private final int[] nextClose;

        Brackets(String text) {
            int n = text.length();
            lastOpen = new int[n];
            lastClose = new int[n];
            nextClose = new int[n];
            int open = -1;
            int close = -1;
            for (int i = 0; i < n; i++) {
                open = text.charAt(i) == '[' ? i : open;
                close = text.charAt(i) == ']' ? i : close;
                lastOpen[i] = open;
                lastClose[i] = close;
            }
            close = -1;
            for (int i = n - 1; i >= 0; i--) {
                close = text.charAt(i) == ']' ? i : close;
                nextClose[i] = close;
            }
        }

        boolean inside(Suggestion s) {
            int open = lastOpen[s.start()];
            int close = nextClose[s.end() - 1];
            return open >= 0 && close >= 0 && lastClose[s.start()] < open;
        }
    }

    /** The detectors are built on first use, not at start: the name lists are large. */
    private List<Detector> detectors() {
        List<Detector> loaded = detectors;
        if (loaded == null) {
            loaded = Detectors.all();
            detectors = loaded;
        }
        return loaded;
    }

    /** The text with every suggestion applied, as a first draft for the reviewer. */
    public String redact(String text) {
        // Written from the start: replacing in place moved the rest of the text once a suggestion.
        StringBuilder draft = new StringBuilder(text.length());
        int at = 0;
        for (Suggestion s : suggest(text)) {
            draft.append(text, at, s.start()).append(s.replacement());
            at = s.end();
        }
        return draft.append(text, at, text.length()).toString();
    }
}
