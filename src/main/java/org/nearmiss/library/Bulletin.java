package org.nearmiss.library;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.ListItem;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A published report as a one-to-two page training bulletin for roll call: title, event summary,
 * lessons learned and key takeaways set apart, circumstances, and where it came from.
 */
public final class Bulletin {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 11);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 9, Font.NORMAL, new Color(80, 80, 80));

    private Bulletin() {}

    /** The bulletin as PDF bytes. */
    public static byte[] of(Published report) {
        return of(java.util.List.of(report));
    }

    /** Several reports as one roll-call pack, each starting on a page of its own. */
    public static byte[] of(java.util.List<Published> reports) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document document = new Document(PageSize.LETTER, 54, 54, 54, 54);
        PdfWriter.getInstance(document, pdf);
        document.addTitle(reports.size() == 1 ? reports.getFirst().title() : "Near misses for roll call");
        document.addCreator("Nearmiss");
        document.open();
        for (int i = 0; i < reports.size(); i++) {
            if (i > 0) {
                document.newPage();
            }
            write(document, reports.get(i));
        }
        document.close();
        return pdf.toByteArray();
    }

    private static void write(Document document, Published report) {
        document.add(new Paragraph("NEAR MISS TRAINING BULLETIN", SMALL));
        Paragraph title = new Paragraph(report.title(), TITLE);
        title.setSpacingAfter(4);
        document.add(title);
        document.add(
                new Paragraph(report.publicId() + (report.month() == null ? "" : "  ·  " + report.period()), SMALL));

        heading(document, "Event summary");
        document.add(new Paragraph(report.narrative(), BODY));

        if (!report.lessons().isEmpty()) {
            heading(document, "Lessons learned");
            org.openpdf.text.List lessons = new org.openpdf.text.List(false, 12);
            lessons.setListSymbol(new Chunk("\u2022  ", BODY));
            report.lessons().forEach(lesson -> lessons.add(new ListItem(lesson, BODY)));
            document.add(lessons);
        }
        if (report.takeaways() != null && !report.takeaways().isBlank()) {
            heading(document, "Key takeaways");
            document.add(new Paragraph(report.takeaways(), BODY));
        }
        if (!report.circumstances().isEmpty() || !report.factors().isEmpty()) {
            heading(document, "Circumstances");
            for (Published.Circumstance c : report.circumstances()) {
                Paragraph line = new Paragraph();
                line.add(new Chunk(c.question() + ": ", boldBody()));
                line.add(new Chunk(c.answer(), BODY));
                document.add(line);
            }
            if (!report.factors().isEmpty()) {
                Paragraph line = new Paragraph();
                line.add(new Chunk("Contributing factors: ", boldBody()));
                line.add(new Chunk(String.join("; ", report.factors()), BODY));
                document.add(line);
            }
        }
        Paragraph footer = new Paragraph(
                "De-identified and reviewed by two people before publication. Share it at roll call and in training.",
                SMALL);
        footer.setSpacingBefore(18);
        footer.setAlignment(Element.ALIGN_LEFT);
        document.add(footer);
    }

    private static void heading(Document document, String text) {
        Paragraph heading = new Paragraph(text, HEADING);
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(4);
        document.add(heading);
    }

    private static Font boldBody() {
        return FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    }
}
