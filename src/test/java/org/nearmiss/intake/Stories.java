package org.nearmiss.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Fluent fixture: answers to the current questionnaire, as a reporter would give them. */
public final class Stories {

    public static final String NARRATIVE = "We stopped a car for a broken tail light after dark. While I spoke to the"
            + " driver, the rear passenger kept his right hand under his thigh. My partner lit him up from the"
            + " passenger side and saw a handgun. We backed off to cover and called for more units; he gave up.";

    private final Map<String, List<String>> answers = new LinkedHashMap<>();

    private Stories() {}

    /** A complete, valid report: a night traffic stop with a concealed handgun. */
    public static Stories aTypicalStory() {
        return new Stories()
                .with("activity", "traffic-stop")
                .with("incidentMonth", "2026-03")
                .with("timeOfDay", "20-24")
                .with("lighting", "dark-lit")
                .with("officersOnScene", "2")
                .with("weapons", "handgun")
                .with("weaponKnownBeforehand", "no")
                .with("injuryPotential", "fatality")
                .with("factors", "concealed-weapon", "complacency")
                .with("chainBreaker", "partner-backup")
                .with("narrative", NARRATIVE)
                .with("lessons", "Watch the hands of everyone in the car, not just the driver's.");
    }

    public Stories with(String questionId, String... values) {
        answers.put(questionId, List.of(values));
        return this;
    }

    public Stories without(String questionId) {
        answers.remove(questionId);
        return this;
    }

    public Map<String, List<String>> asMap() {
        return new LinkedHashMap<>(answers);
    }

    /** The JSON body of {@code POST /api/v1/reports}; single values as strings, multi as arrays. */
    public String asJson(int questionnaireVersion) {
        Questionnaire current = new Questionnaires().current();
        String body = answers.entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + jsonValue(current, e.getKey(), e.getValue()))
                .collect(Collectors.joining(","));
        return "{\"questionnaireVersion\":" + questionnaireVersion + ",\"answers\":{" + body + "}}";
    }

    /** The form body of {@code POST /share}. */
    public String asForm(int questionnaireVersion) {
        StringBuilder form = new StringBuilder("questionnaireVersion=" + questionnaireVersion);
        answers.forEach((id, values) -> values.forEach(v -> form.append('&')
                .append(id)
                .append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))));
        return form.toString();
    }

    private static String jsonValue(Questionnaire questionnaire, String id, List<String> values) {
        boolean multi = questionnaire
                .question(id)
                .map(q -> q.type() == QuestionType.MULTI)
                .orElse(values.size() > 1);
        if (multi) {
            return values.stream().map(Stories::quote).collect(Collectors.joining(",", "[", "]"));
        }
        return quote(values.getFirst());
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
