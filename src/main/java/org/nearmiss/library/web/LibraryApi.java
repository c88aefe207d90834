package org.nearmiss.library.web;

import org.nearmiss.library.Featured;
import org.nearmiss.library.LibraryIndex;
import org.nearmiss.library.LibrarySearch;
import org.nearmiss.library.Published;
import org.nearmiss.system.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The library for readers' tools (bearer token): the same search, facets and paging as the page,
 * and one report by its public id.
 */
@RestController
@RequestMapping("/api/v1/library")
class LibraryApi {

    private final LibraryIndex index;
    private final Featured featured;

    LibraryApi(LibraryIndex index, Featured featured) {
        this.index = index;
        this.featured = featured;
    }

    /** The near miss of the week, 404 when none was chosen. */
    @GetMapping("/featured")
    Published featured() {
        return featured.current().orElseThrow(NoSuchReport::new);
    }

    /**
     * Search: {@code q} (words; "quotes" for phrases, - to exclude), facet filters by question id
     * ({@code activity}, {@code factors}, {@code injuryPotential}, {@code lighting}, {@code locationType},
     * {@code year}; repeat for any of several values), {@code sort} ({@code relevance} or {@code newest}),
     * {@code page}, {@code size} (at most 100).
     */
    @GetMapping("/reports")
    LibrarySearch.Result search(@RequestParam MultiValueMap<String, String> params) {
        return index.search(LibraryQueries.from(params, 20));
    }

    @GetMapping("/reports/{id}")
    Published report(@PathVariable String id) {
        return index.find(id).orElseThrow(NoSuchReport::new);
    }

    static final class NoSuchReport extends RuntimeException {}

    @ExceptionHandler(NoSuchReport.class)
    ResponseEntity<ProblemDetail> noSuchReport() {
        return Problems.notFound("No published report has this id.");
    }
}
