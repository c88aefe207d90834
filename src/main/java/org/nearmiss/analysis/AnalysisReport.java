package org.nearmiss.analysis;

import static org.nearmiss.analysis.PdfLayout.heading;
import static org.nearmiss.analysis.PdfLayout.row;
import static org.nearmiss.analysis.PdfLayout.table;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The dashboard as an analysis report for a briefing: what was counted, emerging risks, each
 * factor's share and trend, pairs by lift, factors by type of call and the themes, as tables a chief
 * can read on paper. Drawn on the server with the standard PDF fonts.
 */
public final class AnalysisReport {

    private static final org.openpdf.text.Font TITLE = PdfLayout.TITLE;
    private static final org.openpdf.text.Font BODY = PdfLayout.BODY;
    private static final org.openpdf.text.Font SMALL = PdfLayout.SMALL;

    private AnalysisReport() {}

    public static byte[] of(RiskFactors.Overview o, Map<String, String> filter, Themes.Found themes) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document document = new Document(PageSize.LETTER, 48, 48, 48, 48);
        PdfWriter.getInstance(document, pdf);
        document.addTitle("Nearmiss analysis: contributing factors");
        document.addCreator("Nearmiss");
        document.open();
        document.add(new Paragraph("NEARMISS ANALYSIS REPORT  ·  " + LocalDate.now(), SMALL));
        document.add(new Paragraph("Contributing factors in published near misses", TITLE));
        document.add(new Paragraph(
                "Reports counted: " + o.reports()
                        + (o.undated() > 0 ? " (" + o.undated() + " without a month of the incident)" : "")
                        + (o.asOf() == null ? "" : "; incidents up to " + o.asOf())
                        + ". Filter: "
                        + (filter.isEmpty() ? "none" : filter.toString().replaceAll("[{}]", ""))
                        + ". Published, de-identified reports only.",
                BODY));

        heading(document, "Emerging risks");
        if (o.alerts().isEmpty()) {
            document.add(new Paragraph(
                    "No factor has risen significantly in the last three months of incidents against the twelve before.",
                    BODY));
        } else {
            PdfPTable table = table(List.of("Factor", "Recent", "Recent share", "Before", "p"), 3, 1, 1, 1, 1);
            for (RiskFactors.Alert a : o.alerts()) {
                row(
                        table,
                        a.factor().label(),
                        a.recent() + " of " + a.recentReports(),
                        pct(a.recentShare()),
                        pct(a.baselineShare()),
                        num(a.p(), 5));
            }
            document.add(table);
        }
        note(
                document,
                "Significant: one-sided two-proportion test, p below " + num(o.threshold(), 4)
                        + " (0.05 shared among the factors tested), at least five recent reports.");

        heading(document, "How often each factor occurs");
        PdfPTable factors =
                table(List.of("Factor", "Reports", "Share", "95% interval", "Trend", "p"), 4, 1, 1, 2, 1, 1);
        for (RiskFactors.Frequency f : o.factors()) {
            row(
                    factors,
                    f.factor().label(),
                    Long.toString(f.count()),
                    pct(f.share()),
                    pct(f.low()) + " – " + pct(f.high()),
                    f.trend(),
                    num(f.trendP(), 4));
        }
        document.add(factors);
        note(document, "Interval: Wilson score. Trend: Cochran–Armitage test of the monthly share.");

        heading(document, "Factors that occur together");
        if (o.pairs().isEmpty()) {
            document.add(new Paragraph("Too few reports share two factors to say.", BODY));
        } else {
            PdfPTable pairs = table(List.of("Factors", "Reports with both", "Lift", "95% interval"), 5, 1, 1, 1);
            for (RiskFactors.Pair p :
                    o.pairs().subList(0, Math.min(15, o.pairs().size()))) {
                row(
                        pairs,
                        p.first().label() + " + " + p.second().label(),
                        Long.toString(p.together()),
                        num(p.lift(), 2),
                        num(p.low(), 2) + " – " + num(p.high(), 2));
            }
            document.add(pairs);
            note(document, "Lift: times more often together than if unrelated (1 = no link).");
        }

        if (!o.byActivity().isEmpty()) {
            heading(document, "Factors by type of call");
            List<RiskFactors.Frequency> top =
                    o.factors().subList(0, Math.min(6, o.factors().size()));
            List<String> header = new java.util.ArrayList<>(List.of("Type of call", "Reports"));
            top.forEach(f -> header.add(f.factor().label()));
            float[] widths = new float[header.size()];
            java.util.Arrays.fill(widths, 1);
            widths[0] = 3;
            PdfPTable calls = table(header, widths);
            for (RiskFactors.Breakdown b : o.byActivity()) {
                List<String> cells = new java.util.ArrayList<>(List.of(b.value().label(), Long.toString(b.count())));
                for (int i = 0; i < top.size(); i++) {
                    cells.add(pct(b.shares().get(i)));
                }
                row(calls, cells.toArray(String[]::new));
            }
            document.add(calls);
        }

        if (!themes.themes().isEmpty()) {
            heading(document, "Themes");
            PdfPTable table = table(List.of("Theme", "Reports", "Stands out", "Mostly"), 4, 1, 3, 3);
            for (Themes.Theme t : themes.themes()) {
                row(
                        table,
                        t.number() + ". " + t.label(),
                        Long.toString(t.size()),
                        String.join(
                                "; ",
                                t.factors().stream().map(Themes.Standout::label).toList()),
                        String.join("; ", t.activities()));
            }
            document.add(table);
            note(document, "Themes group all published reports by meaning, whatever the filter above.");
        }
        document.close();
        return pdf.toByteArray();
    }

    private static void note(Document document, String text) {
        document.add(new Paragraph(text, SMALL));
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String num(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
