package org.nearmiss.analysis.web;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.analysis.AnalysisQuery;
import org.nearmiss.analysis.AnalysisReport;
import org.nearmiss.analysis.RiskFactors;
import org.nearmiss.analysis.Tables;
import org.nearmiss.analysis.Themes;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The analysts' dashboard of contributing factors, with filters, charts, drill-down to the reports
 * and every table as CSV; and a short summary of the same for readers.
 */
@Controller
class AnalysisPages {

    private final RiskFactors risks;
    private final Themes themes;

    AnalysisPages(RiskFactors risks, Themes themes) {
        this.risks = risks;
        this.themes = themes;
    }

    /** Themes: groups of incidents alike in meaning, named, sized and followed year by year. */
    @GetMapping("/analysis/themes")
    String themes(@AuthenticationPrincipal SignedIn who, Model model) {
        Themes.Found found = themes.themes();
        model.addAttribute("who", who);
        model.addAttribute("found", found);
        java.util.Map<Integer, String> charts = new java.util.HashMap<>();
        for (Themes.Theme theme : found.themes()) {
            charts.put(
                    theme.number(),
                    Charts.columns(
                            "theme-" + theme.number(),
                            "Theme " + theme.number() + " by year of the incident",
                            theme.years().isEmpty()
                                    ? "No month of the incident is known for these reports."
                                    : theme.years().getFirst().year() + " to "
                                            + theme.years().getLast().year(),
                            theme.years().stream()
                                    .map(y -> new Charts.Column(
                                            Integer.toString(y.year()), y.reports(), y.year() + ": " + y.reports()))
                                    .toList()));
        }
        model.addAttribute("charts", charts);
        return "analysis/themes";
    }

    @GetMapping("/analysis")
    String dashboard(
            @AuthenticationPrincipal SignedIn who, @RequestParam MultiValueMap<String, String> params, Model model) {
        return page(who, params, model, false);
    }

    @GetMapping("/library/patterns")
    String summary(
            @AuthenticationPrincipal SignedIn who, @RequestParam MultiValueMap<String, String> params, Model model) {
        return page(who, params, model, true);
    }

    private String page(SignedIn who, MultiValueMap<String, String> params, Model model, boolean summary) {
        AnalysisQuery query = AnalysisQuery.from(params, risks);
        RiskFactors.Overview overview = risks.overview(query.filter());
        model.addAttribute("who", who);
        model.addAttribute("summary", summary);
        model.addAttribute("query", query);
        model.addAttribute("overview", overview);
        model.addAttribute("choices", risks.choices());
        model.addAttribute("labels", labels());
        model.addAttribute("factorChart", factorChart(overview, summary ? 8 : Integer.MAX_VALUE));
        model.addAttribute("monthChart", monthChart(overview));
        List<RiskFactors.Frequency> heatFactors =
                overview.factors().subList(0, Math.min(8, overview.factors().size()));
        model.addAttribute("heatFactors", heatFactors);
        model.addAttribute("heat", heat(overview, heatFactors.size()));
        model.addAttribute(
                "pairs",
                overview.pairs()
                        .subList(0, Math.min(summary ? 5 : 15, overview.pairs().size())));
        return "analysis/dashboard";
    }

    /** The shade of each cell of the factors-by-call table: a step for every tenth, the top one from half up. */
    private static java.util.Map<String, List<String>> heat(RiskFactors.Overview overview, int columns) {
        java.util.Map<String, List<String>> heat = new java.util.HashMap<>();
        for (RiskFactors.Breakdown b : overview.byActivity()) {
            heat.put(
                    b.value().value(),
                    b.shares().subList(0, columns).stream()
                            .map(s -> "heat-" + Math.min(5, (int) (s * 10)))
                            .toList());
        }
        return heat;
    }

    private java.util.Map<String, String> labels() {
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        risks.choices()
                .keySet()
                .forEach(id -> labels.put(id, id.equals("factors") ? "Contributing factor" : risks.questionLabel(id)));
        return labels;
    }

    /** The dashboard, with its filter, as an analysis report in PDF. */
    @GetMapping("/analysis/report.pdf")
    ResponseEntity<byte[]> report(@RequestParam MultiValueMap<String, String> params) {
        AnalysisQuery query = AnalysisQuery.from(params, risks);
        if (!query.problems().isEmpty()) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(problemsOf(query));
        }
        byte[] pdf = AnalysisReport.of(risks.overview(query.filter()), query.chosen(), themes.themes());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        "Content-Disposition",
                        ContentDisposition.inline()
                                .filename("nearmiss-analysis.pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    private static byte[] problemsOf(AnalysisQuery query) {
        return query.problems().stream()
                .map(p -> p.field() + ": " + p.message())
                .reduce((a, b) -> a + "\n" + b)
                .orElse("")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A table of the dashboard, with its filter, as CSV. */
    @GetMapping("/analysis/{table}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String table, @RequestParam MultiValueMap<String, String> params) {
        if (table.equals("themes")) {
            return csvOf("themes", Tables.themes(themes.themes()));
        }
        if (!Tables.NAMES.contains(table)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        AnalysisQuery query = AnalysisQuery.from(params, risks);
        if (!query.problems().isEmpty()) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(problemsOf(query));
        }
        return csvOf(table, Tables.csv(table, risks.overview(query.filter())));
    }

    private static ResponseEntity<byte[]> csvOf(String table, String csv) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename("nearmiss-" + table + ".csv")
                                .build()
                                .toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static String factorChart(RiskFactors.Overview overview, int limit) {
        List<Charts.Bar> bars = new ArrayList<>();
        for (RiskFactors.Frequency f : overview.factors()) {
            if (bars.size() == limit) {
                break;
            }
            bars.add(new Charts.Bar(
                    f.factor().label(),
                    f.share(),
                    f.low(),
                    f.high(),
                    Charts.percent(f.share()) + " (" + f.count() + ")"));
        }
        return Charts.bars(
                "factor-chart",
                "Share of reports with each contributing factor",
                "Of " + overview.reports() + " reports; the table below gives the same figures.",
                bars);
    }

    private static String monthChart(RiskFactors.Overview overview) {
        List<Charts.Column> columns = new ArrayList<>();
        for (RiskFactors.Month m : overview.months()) {
            YearMonth month = m.month();
            String label = month.getMonthValue() == 1 || columns.isEmpty() ? Integer.toString(month.getYear()) : null;
            columns.add(new Charts.Column(label, m.reports(), month + ": " + m.reports() + " reports"));
        }
        // Labels closer than about 40 pixels would overlap; keep every few years when months are many.
        int every = Math.max(1, (int) Math.ceil(columns.size() / 12.0 / 15.0));
        List<Charts.Column> shown = new ArrayList<>();
        int labelled = 0;
        for (Charts.Column c : columns) {
            boolean keep = c.label() != null && labelled++ % every == 0;
            shown.add(new Charts.Column(keep ? c.label() : null, c.value(), c.title()));
        }
        return Charts.columns(
                "month-chart",
                "Reports by month of the incident",
                String.format(
                        Locale.ROOT,
                        "%d months from %s to %s; the months table (CSV) gives each figure.",
                        columns.size(),
                        overview.months().isEmpty()
                                ? "-"
                                : overview.months().getFirst().month(),
                        overview.asOf() == null ? "-" : overview.asOf()),
                shown);
    }
}
