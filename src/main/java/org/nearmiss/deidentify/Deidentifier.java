package org.nearmiss.deidentify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The de-identification assistant: marks what in a narrative looks identifying (by shape, see
 * {@code Patterns}, and people's names, see {@code Names}) and proposes a replacement for each mark. Where marks overlap, the longer one wins (an address over the number
 * inside it). It only suggests; a reviewer decides.
 */
@Component
public class Deidentifier {

    private volatile Names names;

    /** Suggestions for a text, in reading order, none overlapping. */
    public List<Suggestion> suggest(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Suggestion> candidates = new ArrayList<>(Patterns.find(text));
        candidates.addAll(IdentityNumbers.find(text));
        candidates.addAll(names().find(text));
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
        return List.copyOf(kept.values());
    }

    /** The name lists are read on first use, not at start. */
    private Names names() {
        Names loaded = names;
        if (loaded == null) {
            loaded = new Names();
            names = loaded;
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
