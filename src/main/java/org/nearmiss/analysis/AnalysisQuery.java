package org.nearmiss.analysis;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nearmiss.intake.FieldProblem;
import org.springframework.util.MultiValueMap;

/**
 * The filter of the dashboard, its tables and the API, read from query parameters: a value that is
 * not one of the question's is a problem tied to its field, and the rest of the filter still
 * applies.
 */
public record AnalysisQuery(
        RiskFactors.Filter filter, Map<String, String> chosen, Map<String, String> typed, List<FieldProblem> problems) {

    public static AnalysisQuery from(MultiValueMap<String, String> params, RiskFactors risks) {
        Map<String, List<RiskFactors.Value>> choices = risks.choices();
        Map<String, String> circumstances = new LinkedHashMap<>();
        Map<String, String> chosen = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        String factor = null;
        for (Map.Entry<String, List<RiskFactors.Value>> choice : choices.entrySet()) {
            String value = params.getFirst(choice.getKey());
            if (value == null || value.isBlank()) {
                continue;
            }
            boolean known = choice.getValue().stream().anyMatch(v -> v.value().equals(value));
            if (!known) {
                problems.add(new FieldProblem(choice.getKey(), "Choose one of the listed values."));
                continue;
            }
            chosen.put(choice.getKey(), value);
            if (choice.getKey().equals("factors")) {
                factor = value;
            } else {
                circumstances.put(choice.getKey(), value);
            }
        }
        YearMonth from = month(params, "from", chosen, problems);
        YearMonth to = month(params, "to", chosen, problems);
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(new FieldProblem("to", "The last month comes on or after the first."));
            to = null;
            chosen.remove("to");
        }
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : List.of("from", "to")) {
            String value = params.getFirst(field);
            // What was typed goes back into the field, so a mistake can be corrected, not retyped.
            typed.put(field, value == null ? "" : value.substring(0, Math.min(7, value.length())));
        }
        return new AnalysisQuery(new RiskFactors.Filter(circumstances, factor, from, to), chosen, typed, problems);
    }

    private static YearMonth month(
            MultiValueMap<String, String> params,
            String field,
            Map<String, String> chosen,
            List<FieldProblem> problems) {
        String value = params.getFirst(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            YearMonth month = YearMonth.parse(value.strip());
            if (month.getYear() < 1900 || month.getYear() > 2999) {
                throw new DateTimeParseException("out of range", value, 0);
            }
            chosen.put(field, month.toString());
            return month;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "Write the month as YYYY-MM, for example 2025-03."));
            return null;
        }
    }

    /** The filter as query parameters, for links and downloads that keep it. */
    public String parameters() {
        StringBuilder query = new StringBuilder();
        chosen.forEach((key, value) -> query.append(query.isEmpty() ? "" : "&")
                .append(key)
                .append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return query.toString();
    }

    public String problemOf(String field) {
        return problems.stream()
                .filter(p -> p.field().equals(field))
                .map(FieldProblem::message)
                .findFirst()
                .orElse(null);
    }
}
