package org.nearmiss.agencies;

import static org.nearmiss.analysis.PdfLayout.heading;
import static org.nearmiss.analysis.PdfLayout.row;
import static org.nearmiss.analysis.PdfLayout.table;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nearmiss.analysis.PdfLayout;
import org.nearmiss.analysis.RiskFactors;
import org.nearmiss.analysis.Tables;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * An agency's dashboard to take into a meeting: as a PDF briefing for the training commander and as
 * CSV for a spreadsheet. Exactly the figures the dashboard shows; a hidden one stays hidden, and, as
 * on the dashboard, no report's words and no date but the snapshot's.
 */
final class AgencyBriefing {

    private static final org.openpdf.text.Font TITLE = PdfLayout.TITLE;
    private static final org.openpdf.text.Font BODY = PdfLayout.BODY;
    private static final org.openpdf.text.Font SMALL = PdfLayout.SMALL;

    private static final String HIDDEN = "·";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private AgencyBriefing() {}

    static String csv(AgencyDashboard.Dashboard d) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                "section", "item", "agency_reports", "agency_share", "national_share", "peers_share", "compared"));
        rows.add(List.of(
                "counted", "reports published before " + d.cutOff(), Long.toString(d.counted()), "", "", "", ""));
        for (AgencyDashboard.FactorRow f : d.factors()) {
            rows.add(List.of(
                    "factor",
                    f.factor().label(),
                    count(f.agency()),
                    share(f.agency()),
                    pct(f.national()),
                    f.peers() == null ? HIDDEN : pct(f.peers()),
                    f.comparison() == null ? HIDDEN : f.comparison()));
        }
        for (AgencyDashboard.Circumstance c : d.circumstances()) {
            for (AgencyDashboard.AnswerRow a : c.answers()) {
                rows.add(List.of(
                        c.label(), a.value().label(), count(a.agency()), share(a.agency()), pct(a.national()), "", ""));
            }
        }
        for (int y = 0; y < d.years().size(); y++) {
            AgencyDashboard.Count c = d.reportsByYear().get(y);
            rows.add(List.of("year of the incident", d.years().get(y), count(c), share(c), "", "", ""));
        }
        return Tables.write(rows);
    }

    static byte[] pdf(AgencyDashboard.Dashboard d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.LETTER, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle("Nearmiss agency briefing: " + d.agency().name());
        document.addCreator("Nearmiss");
        document.open();
        // The snapshot's days, not the day of printing: two briefings of one snapshot read the same.
        document.add(new Paragraph(
                "NEARMISS AGENCY BRIEFING  ·  reports published before " + day(d.cutOff()) + "  ·  next update "
                        + day(d.nextUpdate()),
                SMALL));
        document.add(new Paragraph(d.agency().name(), TITLE));
        if (!d.open()) {
            document.add(new Paragraph(
                    "Fewer than " + d.k() + " published reports count for the agency yet, so there is nothing to"
                            + " show: no report may be told apart.",
                    BODY));
            document.close();
            return out.toByteArray();
        }
        document.add(new Paragraph(
                "Published near misses of the agency's officers counted: " + d.counted() + " (counted " + d.k()
                        + " at a time); nationally " + d.nationalReports() + "."
                        + (d.peerReports() == null
                                ? " Too few agencies like this one take part to compare with them."
                                : " Agencies like this one: " + d.peerReports() + " reports.")
                        + " Totals only, of de-identified reports: '" + HIDDEN + "' marks a figure below " + d.k()
                        + " or one that would give such a figure away.",
                BODY));

        heading(document, "Where the agency differs from the nation");
        List<String> higher = d.higher().stream().map(RiskFactors.Value::label).toList();
        document.add(new Paragraph(
                higher.isEmpty()
                        ? "No contributing factor is named significantly more often than nationally (95%)."
                        : "Named significantly more often than nationally (95%): " + String.join(", ", higher)
                                + ". Candidates for the next training cycle.",
                BODY));

        heading(document, "Contributing factors");
        PdfPTable factors =
                table(List.of("Factor", "Reports", "Share", "National", "Like agencies", "Compared"), 3, 1, 1, 1, 1, 1);
        for (AgencyDashboard.FactorRow f : d.factors()) {
            row(
                    factors,
                    f.factor().label(),
                    count(f.agency()),
                    share(f.agency()),
                    pct(f.national()),
                    f.peers() == null ? HIDDEN : pct(f.peers()),
                    f.comparison() == null ? HIDDEN : f.comparison());
        }
        document.add(factors);

        heading(document, "By year of the incident");
        List<String> header = new ArrayList<>(List.of("Reports"));
        header.addAll(d.years());
        float[] widths = new float[header.size()];
        java.util.Arrays.fill(widths, 1);
        widths[0] = 2;
        PdfPTable years = table(header, widths);
        List<String> all = new ArrayList<>(List.of("All reports"));
        d.reportsByYear().forEach(c -> all.add(count(c)));
        row(years, all.toArray(String[]::new));
        for (AgencyDashboard.FactorRow f : d.factors()) {
            if (!f.agency().hidden()) {
                List<String> cells = new ArrayList<>(List.of(f.factor().label()));
                f.byYear().forEach(c -> cells.add(count(c)));
                row(years, cells.toArray(String[]::new));
            }
        }
        document.add(years);

        heading(document, "Circumstances");
        for (AgencyDashboard.Circumstance c : d.circumstances()) {
            PdfPTable table = table(List.of(c.label(), "Reports", "Share", "National"), 3, 1, 1, 1);
            for (AgencyDashboard.AnswerRow a : c.answers()) {
                row(table, a.value().label(), count(a.agency()), share(a.agency()), pct(a.national()));
            }
            table.setSpacingAfter(6);
            document.add(table);
        }

        heading(document, "Lessons learned");
        document.add(new Paragraph(LESSONS_ELSEWHERE, BODY));
        document.close();
        return out.toByteArray();
    }

    /** Why the briefing, like the dashboard, quotes no lesson, and where to read them. */
    static final String LESSONS_ELSEWHERE = "Lessons learned are not quoted here: word for word, each would find"
            + " its report in the library and say which reports are the agency's. Read them in the library, among"
            + " every agency's, for the factors above.";

    private static String day(LocalDate day) {
        return DAY.format(day);
    }

    private static String count(AgencyDashboard.Count c) {
        return c.hidden() ? HIDDEN : Long.toString(c.count());
    }

    private static String share(AgencyDashboard.Count c) {
        return c.hidden() ? HIDDEN : pct(c.share());
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
