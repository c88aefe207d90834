package org.nearmiss.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * One question of a questionnaire version. Ids and option values are stable; labels may be reworded.
 *
 * @param step the step (1 to 3) of the form it belongs to
 * @param min the least number, for {@code number}
 * @param max the greatest number, for {@code number}
 * @param minLength the fewest characters, for free text
 * @param maxLength the most characters, for free text
 * @param pattern a regular expression the whole text must match, for {@code text}
 * @param patternHint what the pattern asks for, in plain words
 * @param prompts questions that help the reporter write, for {@code longtext}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Question(
        String id,
        QuestionType type,
        int step,
        String label,
        String help,
        boolean required,
        List<Option> options,
        List<String> prompts,
        Integer min,
        Integer max,
        Integer minLength,
        Integer maxLength,
        String pattern,
        String patternHint) {

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
        prompts = prompts == null ? List.of() : List.copyOf(prompts);
    }

    /** One choice of a {@code single} or {@code multi} question. */
    public record Option(String value, String label) {}

    public Optional<Option> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }
}
