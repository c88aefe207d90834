package org.nearmiss.library.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nearmiss.library.LibraryIndex;
import org.nearmiss.library.LibrarySearch;
import org.springframework.util.MultiValueMap;

/** Reads a library search from request parameters, as the page and the API take them. */
final class LibraryQueries {

    private LibraryQueries() {}

    static LibrarySearch from(MultiValueMap<String, String> params, int defaultSize) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String dim : LibraryIndex.FACETS) {
            List<String> values = params.getOrDefault(dim, List.of()).stream()
                    .filter(v -> v != null && !v.isBlank() && v.length() <= 100)
                    .distinct()
                    .limit(50)
                    .toList();
            if (!values.isEmpty()) {
                filters.put(dim, values);
            }
        }
        String sort = params.getFirst("sort");
        LibrarySearch.Order order = "newest".equalsIgnoreCase(sort)
                ? LibrarySearch.Order.NEWEST
                : "relevance".equalsIgnoreCase(sort) ? LibrarySearch.Order.RELEVANCE : null;
        String text = params.getFirst("q");
        return new LibrarySearch(
                text == null ? "" : text.length() > 500 ? text.substring(0, 500) : text,
                filters,
                order,
                number(params.getFirst("page"), 1),
                number(params.getFirst("size"), defaultSize));
    }

    private static int number(String value, int otherwise) {
        return value != null && value.matches("\\d{1,6}") ? Integer.parseInt(value) : otherwise;
    }
}
