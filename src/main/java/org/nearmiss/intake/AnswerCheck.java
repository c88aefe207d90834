package org.nearmiss.intake;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks raw answers (as a form or the API sends them: each question id with its values) against a
 * questionnaire version, and turns them into {@link Answers}. Every problem is reported at once, by
 * question, in words a reporter on a phone can act on.
 */
final class AnswerCheck {

    static final YearMonth EARLIEST_MONTH = YearMonth.of(1970, 1);

    private final Clock clock;

    AnswerCheck(Clock clock) {
        this.clock = clock;
    }

    Answers check(Questionnaire questionnaire, Map<String, List<String>> raw) {
        return check(questionnaire, raw, false);
    }

    /**
     * Checks answers that come already coded from elsewhere (an imported library): nothing is
     * required, and free-text questions are refused, since a reporter's own words are never copied.
     */
    Answers checkCoded(Questionnaire questionnaire, Map<String, List<String>> raw) {
        return check(questionnaire, raw, true);
    }

    private Answers check(Questionnaire questionnaire, Map<String, List<String>> raw, boolean codedOnly) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Question> questions = questionnaire.byId();
        raw.keySet().stream()
                .filter(id -> !questions.containsKey(id))
                .sorted()
                .forEach(id -> problems.add(new FieldProblem(id, "There is no such question.")));

        Map<String, Object> coded = new LinkedHashMap<>();
        Map<String, String> freeText = new LinkedHashMap<>();
        for (Question question : questions.values()) {
            List<String> values = nonBlank(raw.get(question.id()));
            if (codedOnly
                    && !values.isEmpty()
                    && (question.type() == QuestionType.TEXT || question.type() == QuestionType.LONGTEXT)) {
                problems.add(new FieldProblem(question.id(), "Free-text answers are not taken here."));
                continue;
            }
            if (values.isEmpty()) {
                if (question.required() && !codedOnly) {
                    problems.add(new FieldProblem(question.id(), missing(question)));
                }
                continue;
            }
            String problem = switch (question.type()) {
                case SINGLE -> single(question, values, coded);
                case MULTI -> multi(question, values, coded);
                case NUMBER -> number(question, values, coded);
                case MONTH -> month(question, values, coded);
                case TEXT, LONGTEXT -> text(question, values, freeText);
            };
            if (problem != null) {
                problems.add(new FieldProblem(question.id(), problem));
            }
        }
        if (!problems.isEmpty()) {
            throw new AnswersInvalid(problems);
        }
        return new Answers(questionnaire.version(), coded, freeText);
    }

    private static List<String> nonBlank(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    private static String missing(Question question) {
        return switch (question.type()) {
            case SINGLE, MULTI -> "Choose an answer.";
            case NUMBER -> "Enter a number.";
            case MONTH -> "Enter the month and year, for example 2026-03.";
            case TEXT, LONGTEXT -> "Please write something here.";
        };
    }

    private static String single(Question question, List<String> values, Map<String, Object> coded) {
        if (values.size() > 1) {
            return "Choose only one answer.";
        }
        String value = values.getFirst().strip();
        if (question.option(value).isEmpty()) {
            return "Choose one of the answers offered.";
        }
        coded.put(question.id(), value);
        return null;
    }

    private static String multi(Question question, List<String> values, Map<String, Object> coded) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String value : values) {
            if (question.option(value.strip()).isEmpty()) {
                return "Choose only among the answers offered.";
            }
            chosen.add(value.strip());
        }
        coded.put(question.id(), List.copyOf(chosen));
        return null;
    }

    private static String number(Question question, List<String> values, Map<String, Object> coded) {
        if (values.size() > 1) {
            return "Enter one number.";
        }
        int number;
        try {
            number = Integer.parseInt(values.getFirst().strip());
        } catch (NumberFormatException e) {
            return "Enter a whole number, for example 2.";
        }
        if ((question.min() != null && number < question.min())
                || (question.max() != null && number > question.max())) {
            return "Enter a number from " + question.min() + " to " + question.max() + ".";
        }
        coded.put(question.id(), number);
        return null;
    }

    private String month(Question question, List<String> values, Map<String, Object> coded) {
        if (values.size() > 1) {
            return "Enter one month.";
        }
        YearMonth month;
        try {
            month = YearMonth.parse(values.getFirst().strip());
        } catch (DateTimeParseException e) {
            return "Enter the month as year and month, for example 2026-03.";
        }
        if (month.isAfter(YearMonth.now(clock))) {
            return "The month cannot be in the future.";
        }
        if (month.isBefore(EARLIEST_MONTH)) {
            return "Enter a month from 1970 on.";
        }
        coded.put(question.id(), month.toString());
        return null;
    }

    private static String text(Question question, List<String> values, Map<String, String> freeText) {
        if (values.size() > 1) {
            return "Send one text for this question.";
        }
        // Line endings are unified and NUL removed: neither carries meaning, both upset storage and display.
        String text = values.getFirst()
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .replace("\u0000", "")
                .strip();
        int length = text.codePointCount(0, text.length());
        if (question.maxLength() != null && length > question.maxLength()) {
            return "Please shorten this to " + question.maxLength() + " characters or fewer (now " + length + ").";
        }
        if (question.minLength() != null && length < question.minLength()) {
            return "Please write at least " + question.minLength() + " characters, a few sentences are enough.";
        }
        if (question.pattern() != null && !Pattern.matches(question.pattern(), text)) {
            return question.patternHint() != null ? question.patternHint() : "This does not have the expected form.";
        }
        freeText.put(question.id(), text);
        return null;
    }
}
