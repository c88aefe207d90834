package org.nearmiss.analysis.web;

import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * Charts drawn on the server as SVG, placed in the page itself: nothing is fetched, nothing runs in
 * the browser, and they print. Each has a title and a description for screen readers, and the page
 * shows the same figures as a table beside it. Colours come from the site's style sheet.
 */
final class Charts {

    private static final int WIDTH = 640;

    private Charts() {}

    /** One bar: a share from 0 to 1 with its 95% interval. */
    record Bar(String label, double share, double low, double high, String text) {}

    /** Horizontal bars with whiskers for their intervals. */
    static String bars(String id, String title, String description, List<Bar> bars) {
        int labelWidth = 250;
        int row = 26;
        int height = Math.max(1, bars.size()) * row + 30;
        int plot = WIDTH - labelWidth - 110;
        double max = bars.stream().mapToDouble(Bar::high).max().orElse(1);
        double scale = max <= 0 ? 1 : max;
        StringBuilder svg = open(id, title, description, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * row + 4;
            double w = bar.share() / scale * plot;
            svg.append(text(labelWidth - 6, y + 15, "end", shorten(bar.label(), 36)));
            svg.append("<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\"/>"
                    .formatted(labelWidth, y, Math.max(0.5, w)));
            double lo = labelWidth + bar.low() / scale * plot;
            double hi = labelWidth + bar.high() / scale * plot;
            svg.append("<line class=\"whisker\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>"
                    .formatted(lo, hi, y + 9, y + 9));
            svg.append(text((int) Math.ceil(hi) + 6, y + 15, "start", bar.text()));
        }
        svg.append(text(labelWidth, height - 6, "start", "Lines show the 95% interval."));
        return svg.append("</svg>").toString();
    }

    /** One column: a label under it (or none) and a count. */
    record Column(String label, long value, String title) {}

    /** Columns, for reports per month; labels only where given (the start of each year). */
    static String columns(String id, String title, String description, List<Column> columns) {
        int height = 200;
        int left = 44;
        int bottom = 24;
        int plot = WIDTH - left - 10;
        long max = columns.stream().mapToLong(Column::value).max().orElse(0);
        StringBuilder svg = open(id, title, description, height);
        svg.append("<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>"
                .formatted(left, WIDTH - 10, height - bottom, height - bottom));
        svg.append(text(left - 6, 14, "end", Long.toString(max)));
        svg.append(text(left - 6, height - bottom, "end", "0"));
        double step = columns.isEmpty() ? 0 : (double) plot / columns.size();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            double h = max == 0 ? 0 : (double) c.value() / max * (height - bottom - 14);
            double x = left + i * step;
            svg.append(
                    "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s</title></rect>"
                            .formatted(
                                    x + step * 0.1,
                                    height - bottom - h,
                                    Math.max(0.5, step * 0.8),
                                    h,
                                    escape(c.title())));
            if (c.label() != null) {
                svg.append(text((int) x, height - 8, "start", c.label()));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, String description, int height) {
        StringBuilder svg = new StringBuilder();
        svg.append(("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"100%%\""
                        + " aria-labelledby=\"%s-title %s-desc\" xmlns=\"http://www.w3.org/2000/svg\">")
                .formatted(WIDTH, height, id, id));
        svg.append("<title id=\"%s-title\">%s</title>".formatted(id, escape(title)));
        svg.append("<desc id=\"%s-desc\">%s</desc>".formatted(id, escape(description)));
        return svg;
    }

    private static String text(int x, int y, String anchor, String text) {
        return "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>".formatted(x, y, anchor, escape(text));
    }

    private static String shorten(String label, int max) {
        return label.length() <= max ? label : label.substring(0, max - 1) + "…";
    }

    static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
