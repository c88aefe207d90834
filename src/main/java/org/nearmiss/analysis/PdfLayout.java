package org.nearmiss.analysis;

import java.awt.Color;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;

/**
 * The look of the analysis reports and agency briefings on paper: the standard PDF fonts, headed
 * tables that repeat their header on each page, section headings.
 */
public final class PdfLayout {

    public static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    public static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    public static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
    public static final Font CELL = FontFactory.getFont(FontFactory.HELVETICA, 8);
    public static final Font HEAD_CELL = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
    public static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8, Font.NORMAL, new Color(80, 80, 80));

    private PdfLayout() {}

    /** A full-width table with this header row and relative column widths. */
    public static PdfPTable table(List<String> header, float... widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(4);
        for (String h : header) {
            PdfPCell cell = new PdfPCell(new Phrase(h, HEAD_CELL));
            cell.setBackgroundColor(new Color(230, 236, 244));
            table.addCell(cell);
        }
        return table;
    }

    public static void row(PdfPTable table, String... cells) {
        for (String c : cells) {
            PdfPCell cell = new PdfPCell(new Phrase(c, CELL));
            cell.setHorizontalAlignment(Element.ALIGN_LEFT);
            table.addCell(cell);
        }
    }

    public static void heading(Document document, String text) {
        Paragraph heading = new Paragraph(text, HEADING);
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(2);
        document.add(heading);
    }
}
