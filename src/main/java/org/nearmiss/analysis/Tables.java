package org.nearmiss.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** The dashboard's tables as CSV, each with a header row, for a spreadsheet or a briefing. */
public final class Tables {

    public static final List<String> NAMES = List.of("factors", "pairs", "activities", "months", "alerts");

    private static final CsvMapper CSV = CsvMapper.builder().build();

    private Tables() {}

    public static String csv(String table, RiskFactors.Overview o) {
        List<List<String>> rows = new ArrayList<>();
        switch (table) {
            case "factors" -> {
                rows.add(List.of(
                        "factor",
                        "label",
                        "reports",
                        "share",
                        "share_low_95",
                        "share_high_95",
                        "trend",
                        "trend_z",
                        "trend_p"));
                for (RiskFactors.Frequency f : o.factors()) {
                    rows.add(List.of(
                            f.factor().value(),
                            f.factor().label(),
                            num(f.count()),
                            num(f.share()),
                            num(f.low()),
                            num(f.high()),
                            f.trend(),
                            num(f.trendZ()),
                            num(f.trendP())));
                }
            }
            case "pairs" -> {
                rows.add(List.of("first", "second", "together", "lift", "lift_low_95", "lift_high_95"));
                for (RiskFactors.Pair p : o.pairs()) {
                    rows.add(List.of(
                            p.first().label(),
                            p.second().label(),
                            num(p.together()),
                            num(p.lift()),
                            num(p.low()),
                            num(p.high())));
                }
            }
            case "activities" -> {
                List<String> header = new ArrayList<>(List.of("activity", "reports"));
                o.factors().forEach(f -> header.add(f.factor().label()));
                rows.add(header);
                for (RiskFactors.Breakdown b : o.byActivity()) {
                    List<String> row = new ArrayList<>(List.of(b.value().label(), num(b.count())));
                    b.shares().forEach(s -> row.add(num(s)));
                    rows.add(row);
                }
            }
            case "months" -> {
                rows.add(List.of("month", "reports"));
                o.months().forEach(m -> rows.add(List.of(m.month().toString(), num(m.reports()))));
            }
            case "alerts" -> {
                rows.add(List.of(
                        "factor",
                        "recent_reports_with_factor",
                        "recent_reports",
                        "recent_share",
                        "baseline_share",
                        "z",
                        "p"));
                for (RiskFactors.Alert a : o.alerts()) {
                    rows.add(List.of(
                            a.factor().label(),
                            num(a.recent()),
                            num(a.recentReports()),
                            num(a.recentShare()),
                            num(a.baselineShare()),
                            num(a.z()),
                            num(a.p())));
                }
            }
            default -> throw new IllegalArgumentException("No table " + table);
        }
        return write(rows);
    }

    /** The themes: one row each, with their factors, types of call and years in cells of their own. */
    public static String themes(Themes.Found found) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                "theme", "label", "reports", "standout_factors", "types_of_call", "reports_by_year", "estimated"));
        for (Themes.Theme t : found.themes()) {
            rows.add(List.of(
                    num(t.number()),
                    t.label(),
                    num(t.size()),
                    String.join(
                            "; ",
                            t.factors().stream().map(Themes.Standout::label).toList()),
                    String.join("; ", t.activities()),
                    String.join(
                            "; ",
                            t.years().stream()
                                    .map(y -> y.year() + ": " + y.reports())
                                    .toList()),
                    Boolean.toString(t.estimated())));
        }
        return write(rows);
    }

    /**
     * Rows as CSV, the first being the header; a cell a spreadsheet would take for a formula is written
     * as text.
     */
    public static String write(List<List<String>> rows) {
        List<String[]> cells = rows.stream()
                .map(r -> r.stream().map(Tables::cell).toArray(String[]::new))
                .toList();
        return CSV.writer(CsvSchema.emptySchema()).writeValueAsString(cells);
    }

    /** A text a spreadsheet would take for a formula is written as text. */
    static String cell(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isNumber(value)) {
            return "'" + value;
        }
        return value;
    }

    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String num(long value) {
        return Long.toString(value);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
