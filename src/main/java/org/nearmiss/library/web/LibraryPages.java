package org.nearmiss.library.web;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.library.Digest;
import org.nearmiss.library.Featured;
import org.nearmiss.library.LibraryIndex;
import org.nearmiss.library.LibrarySearch;
import org.nearmiss.library.SimilarIncidents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The library for signed-in readers and staff: search with facets, and one report's page. */
@Controller
class LibraryPages {

    static final int PAGE_SIZE = 20;

    private final LibraryIndex index;
    private final Featured featured;
    private final Digest digest;

    private final ObjectProvider<SimilarIncidents> similar;

    LibraryPages(LibraryIndex index, Featured featured, Digest digest, ObjectProvider<SimilarIncidents> similar) {
        this.similar = similar;
        this.index = index;
        this.featured = featured;
        this.digest = digest;
    }

    @GetMapping("/library/digest")
    String digest(@AuthenticationPrincipal SignedIn who, Model model) {
        model.addAttribute("who", who);
        model.addAttribute("subscribed", digest.subscribed(who));
        return "library/digest";
    }

    @PostMapping("/library/digest")
    String digest(
            @AuthenticationPrincipal SignedIn who,
            @RequestParam(required = false) String subscribe,
            RedirectAttributes redirect) {
        if ("yes".equals(subscribe)) {
            digest.subscribe(who);
            redirect.addFlashAttribute("done", "You will get the weekly digest.");
        } else {
            digest.unsubscribe(who);
            redirect.addFlashAttribute("done", "You will get no more digests.");
        }
        return "redirect:/library/digest";
    }

    @GetMapping("/library")
    String search(
            @AuthenticationPrincipal SignedIn who, @RequestParam MultiValueMap<String, String> params, Model model) {
        LibrarySearch search = LibraryQueries.from(params, PAGE_SIZE);
        LibrarySearch.Result result = index.search(search);
        model.addAttribute("who", who);
        model.addAttribute("search", search);
        model.addAttribute("result", result);
        model.addAttribute("pageLinks", pageLinks(search, result));
        model.addAttribute("featured", search.page() == 1 ? featured.current().orElse(null) : null);
        return "library/search";
    }

    @GetMapping("/library/reports/{id}")
    String report(
            @AuthenticationPrincipal SignedIn who, @PathVariable String id, Model model, HttpServletResponse response) {
        model.addAttribute("who", who);
        return index.find(id)
                .map(report -> {
                    model.addAttribute("report", report);
                    model.addAttribute("mayFeature", Featured.mayChoose(who));
                    SimilarIncidents finder = similar.getIfAvailable();
                    if (finder != null) {
                        finder.similarTo(id, 5).ifPresent(found -> model.addAttribute("similar", found));
                    }
                    return "library/report";
                })
                .orElseGet(() -> {
                    response.setStatus(HttpStatus.NOT_FOUND.value());
                    return "library/unknown";
                });
    }

    /** The report as a printable training bulletin. */
    @GetMapping("/library/reports/{id}/bulletin.pdf")
    org.springframework.http.ResponseEntity<byte[]> bulletin(@PathVariable String id) {
        return index.find(id)
                .map(report -> org.springframework.http.ResponseEntity.ok()
                        .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                        .header("Content-Disposition", "inline; filename=\"" + report.publicId() + ".pdf\"")
                        .body(org.nearmiss.library.Bulletin.of(report)))
                .orElseGet(
                        () -> org.springframework.http.ResponseEntity.notFound().build());
    }

    /** Up to 20 chosen reports as one roll-call bulletin, each on a page of its own. */
    @GetMapping("/library/bulletin.pdf")
    org.springframework.http.ResponseEntity<byte[]> rollCall(
            @RequestParam(name = "id", required = false) List<String> ids) {
        List<org.nearmiss.library.Published> reports = (ids == null ? List.<String>of() : ids)
                .stream()
                        .distinct()
                        .limit(20)
                        .map(index::find)
                        .flatMap(java.util.Optional::stream)
                        .toList();
        if (reports.isEmpty()) {
            return org.springframework.http.ResponseEntity.badRequest().build();
        }
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"roll-call.pdf\"")
                .body(org.nearmiss.library.Bulletin.of(reports));
    }

    /** Approvers and admins make a report the near miss of the week. */
    @PostMapping("/library/reports/{id}/feature")
    String feature(@AuthenticationPrincipal SignedIn who, @PathVariable String id, RedirectAttributes redirect) {
        if (!featured.choose(who, id)) {
            return "redirect:/library";
        }
        redirect.addFlashAttribute("done", "This is now the near miss of the week.");
        return "redirect:/library/reports/" + id;
    }

    /** A link to a page of results. */
    record PageLink(int number, String href, boolean current) {}

    private static List<PageLink> pageLinks(LibrarySearch search, LibrarySearch.Result result) {
        List<PageLink> links = new ArrayList<>();
        int first = Math.max(1, search.page() - 4);
        int last = Math.min(result.pages(), first + 9);
        for (int page = first; page <= last; page++) {
            links.add(new PageLink(page, href(search, page), page == search.page()));
        }
        return links;
    }

    static String href(LibrarySearch search, int page) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (!search.text().isEmpty()) {
            params.put("q", List.of(search.text()));
        }
        params.putAll(search.filters());
        params.put("sort", List.of(search.order().name().toLowerCase()));
        params.put("page", List.of(String.valueOf(page)));
        StringBuilder href = new StringBuilder("/library?");
        params.forEach((name, values) -> values.forEach(value ->
                href.append(encode(name)).append('=').append(encode(value)).append('&')));
        return href.substring(0, href.length() - 1);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
