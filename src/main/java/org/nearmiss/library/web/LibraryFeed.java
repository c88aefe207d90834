package org.nearmiss.library.web;

import java.util.Map;
import org.nearmiss.accounts.Links;
import org.nearmiss.library.LibraryIndex;
import org.nearmiss.library.LibrarySearch;
import org.nearmiss.library.Published;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An Atom feed of the newest publications, for signed-in readers and, under {@code /api/}, for feed
 * readers that send a bearer token. Dates are days only, as everywhere.
 */
@RestController
class LibraryFeed {

    static final int ENTRIES = 50;
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final LibraryIndex index;
    private final Links links;

    LibraryFeed(LibraryIndex index, Links links) {
        this.index = index;
        this.links = links;
    }

    /** The page's feed for a signed-in browser; the API's for a feed reader that sends a bearer token. */
    @GetMapping({"/library/feed.atom", "/api/v1/library/feed.atom"})
    ResponseEntity<String> feed() {
        LibrarySearch.Result newest =
                index.search(new LibrarySearch("", Map.of(), LibrarySearch.Order.NEWEST, 1, ENTRIES));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("  <title>Nearmiss: new near misses</title>\n")
                .append("  <id>")
                .append(xml(links.to("/library")))
                .append("</id>\n")
                .append("  <link rel=\"self\" href=\"")
                .append(xml(links.to("/library/feed.atom")))
                .append("\"/>\n")
                .append("  <link rel=\"alternate\" href=\"")
                .append(xml(links.to("/library")))
                .append("\"/>\n");
        String updated = null;
        StringBuilder entries = new StringBuilder();
        for (LibrarySearch.Hit hit : newest.hits()) {
            Published report = index.find(hit.publicId()).orElse(null);
            if (report == null) {
                continue;
            }
            String day = report.publishedOn() + "T00:00:00Z";
            updated = updated == null ? day : updated;
            String url = links.to("/library/reports/" + report.publicId());
            String summary = report.narrative().length() > 600
                    ? report.narrative().substring(0, 600) + " …"
                    : report.narrative();
            entries.append("  <entry>\n")
                    .append("    <id>")
                    .append(xml(url))
                    .append("</id>\n")
                    .append("    <title>")
                    .append(xml(report.title()))
                    .append("</title>\n")
                    .append("    <updated>")
                    .append(day)
                    .append("</updated>\n")
                    .append("    <link rel=\"alternate\" href=\"")
                    .append(xml(url))
                    .append("\"/>\n")
                    .append("    <summary>")
                    .append(xml(summary))
                    .append("</summary>\n")
                    .append("  </entry>\n");
        }
        xml.append("  <updated>")
                .append(updated == null ? "1970-01-01T00:00:00Z" : updated)
                .append("</updated>\n")
                .append("  <author><name>Nearmiss</name></author>\n")
                .append(entries)
                .append("</feed>\n");
        return ResponseEntity.ok().contentType(ATOM).body(xml.toString());
    }

    /** Text as XML character data: the five special characters escaped, characters XML forbids dropped. */
    static String xml(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "")
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
