package org.nearmiss.intake;

import java.util.Map;

/**
 * A report's answers after checking against their questionnaire version.
 *
 * @param coded choices, numbers and months by question id: a {@code String}, a {@code List<String>}
 *     or an {@code Integer}; safe to analyse, never sealed
 * @param freeText the reporter's own words by question id; sealed at rest
 */
public record Answers(int questionnaireVersion, Map<String, Object> coded, Map<String, String> freeText) {

    public Answers {
        coded = Map.copyOf(coded);
        freeText = Map.copyOf(freeText);
    }
}
