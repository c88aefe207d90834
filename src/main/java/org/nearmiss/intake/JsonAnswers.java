package org.nearmiss.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Answers sent as JSON, read as the form would send them, before they are checked. */
public final class JsonAnswers {

    private JsonAnswers() {}

    /**
     * Each answer's values as strings: a string or whole number, or a list of them. Values of the
     * wrong JSON type are problems of their own.
     *
     * @throws AnswersInvalid naming each answer of the wrong type
     */
    public static Map<String, List<String>> raw(Map<String, JsonNode> answers) {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        answers.forEach((id, node) -> {
            List<String> values = new ArrayList<>();
            if (node == null || node.isNull()) {
                return;
            }
            if (node.isArray()) {
                node.values().forEach(element -> {
                    if (isScalar(element)) {
                        values.add(element.asString());
                    } else {
                        problems.add(new FieldProblem(id, "A list of answers holds only strings or whole numbers."));
                    }
                });
            } else if (isScalar(node)) {
                values.add(node.asString());
            } else {
                problems.add(new FieldProblem(id, "An answer is a string, a whole number or a list of strings."));
            }
            raw.put(id, values);
        });
        if (!problems.isEmpty()) {
            throw new AnswersInvalid(problems.stream().distinct().toList());
        }
        return raw;
    }

    private static boolean isScalar(JsonNode node) {
        return node.isString() || node.isIntegralNumber();
    }
}
