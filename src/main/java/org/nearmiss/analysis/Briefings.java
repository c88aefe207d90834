package org.nearmiss.analysis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.nearmiss.intake.FieldProblem;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * The analysis report (PDF) and the dashboard's tables (CSV) for a filter, as files: what an analyst
 * attaches to an answer for an agency. National, published, de-identified data only.
 */
@Component
public class Briefings {

    /** A file to hand over. */
    public record Export(String filename, String mediaType, byte[] content) {}

    /** The formats one may ask for: the analysis report, or one of the tables. */
    public static final List<String> FORMATS = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of("report.pdf"),
                    Tables.NAMES.stream().map(t -> t + ".csv"))
            .toList();

    /** The filter was not understood: each problem names its field. */
    public static final class FilterInvalid extends RuntimeException {

        private final transient List<FieldProblem> problems;

        FilterInvalid(List<FieldProblem> problems) {
            super("The filter has problems: " + problems);
            this.problems = List.copyOf(problems);
        }

        public List<FieldProblem> problems() {
            return problems;
        }
    }

    private final RiskFactors risks;
    private final Themes themes;

    Briefings(RiskFactors risks, Themes themes) {
        this.risks = risks;
        this.themes = themes;
    }

    /**
     * One of {@link #FORMATS} for the filter given as the dashboard's query parameters.
     *
     * @throws FilterInvalid naming each parameter that is not understood, or an unknown format
     */
    public Export export(String format, MultiValueMap<String, String> filter) {
        if (!FORMATS.contains(format)) {
            throw new FilterInvalid(List.of(new FieldProblem("format", "Choose one of the listed formats.")));
        }
        AnalysisQuery query = AnalysisQuery.from(filter, risks);
        if (!query.problems().isEmpty()) {
            throw new FilterInvalid(query.problems());
        }
        RiskFactors.Overview overview = risks.overview(query.filter());
        if (format.equals("report.pdf")) {
            return new Export(
                    "nearmiss-analysis.pdf",
                    "application/pdf",
                    AnalysisReport.of(overview, query.chosen(), themes.themes()));
        }
        String table = format.substring(0, format.length() - ".csv".length());
        return new Export(
                "nearmiss-" + table + ".csv",
                "text/csv; charset=utf-8",
                Tables.csv(table, overview).getBytes(StandardCharsets.UTF_8));
    }
}
