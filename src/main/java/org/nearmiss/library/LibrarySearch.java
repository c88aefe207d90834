package org.nearmiss.library;

import java.util.List;
import java.util.Map;
import org.nearmiss.review.IncidentPeriod;

/**
 * A search of the library: words, facet filters (any of the values within one facet, all facets
 * together), an order and a page.
 */
public record LibrarySearch(String text, Map<String, List<String>> filters, Order order, int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 1_000;

    /** How results are ordered. */
    public enum Order {
        RELEVANCE,
        NEWEST
    }

    public LibrarySearch {
        text = text == null ? "" : text.strip();
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        order = order == null ? (text.isEmpty() ? Order.NEWEST : Order.RELEVANCE) : order;
        page = Math.max(1, Math.min(page, MAX_PAGE));
        size = Math.max(1, Math.min(size, MAX_SIZE));
    }

    /** One page of results with the facets to narrow them further. */
    public record Result(long total, int page, int pages, List<Hit> hits, List<Facet> facets) {}

    /**
     * One report in the results.
     *
     * @param month as {@link Published#month()}
     * @param snippet a passage of the narrative with the matching words in {@code <mark>}, HTML-escaped
     */
    public record Hit(
            String publicId, String externalRef, String title, String month, String activity, String snippet) {

        /** When the incident happened, as pages show it; see {@link Published#period()}. */
        public String period() {
            return month == null ? null : IncidentPeriod.label(month);
        }
    }

    /** A facet: its values with counts, those chosen marked. */
    public record Facet(String dimension, String label, List<Value> values) {}

    public record Value(String value, String label, long count, boolean chosen) {}
}
