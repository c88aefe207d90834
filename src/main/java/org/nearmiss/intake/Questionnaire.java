package org.nearmiss.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of the Share Your Story questionnaire, as data: the steps of the form and the
 * questions with their types, options and limits. Reports keep the version they were filed on.
 */
public record Questionnaire(int version, String title, List<Step> steps, List<Question> questions) {

    public Questionnaire {
        steps = List.copyOf(steps);
        questions = List.copyOf(questions);
    }

    /** A page section of the form; the form has at most three. */
    public record Step(int number, String title, String intro) {}

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** The questions of one step, in order. */
    public List<Question> questionsOf(int step) {
        return questions.stream().filter(q -> q.step() == step).toList();
    }

    Map<String, Question> byId() {
        Map<String, Question> byId = new LinkedHashMap<>();
        questions.forEach(q -> byId.put(q.id(), q));
        return byId;
    }
}
