package org.nearmiss.review.deidentify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
        List<Suggestion> kept = new ArrayList<>();
        for (Suggestion candidate : candidates) {
            if (kept.stream().noneMatch(candidate::overlaps)) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(Suggestion::start));
        return List.copyOf(kept);
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
        StringBuilder draft = new StringBuilder(text);
        List<Suggestion> suggestions = new ArrayList<>(suggest(text));
        suggestions.sort(Comparator.comparingInt(Suggestion::start).reversed());
        for (Suggestion s : suggestions) {
            draft.replace(s.start(), s.end(), s.replacement());
        }
        return draft.toString();
    }
}
