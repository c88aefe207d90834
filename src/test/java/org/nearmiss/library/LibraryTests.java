package org.nearmiss.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.intake.Intake;
import org.nearmiss.intake.Questionnaires;
import org.nearmiss.intake.ReportKey;
import org.nearmiss.intake.Stories;
import org.nearmiss.review.PublicationFollower;
import org.nearmiss.review.Publications;
import org.nearmiss.review.ReportPublished;
import org.nearmiss.review.Review;
import org.nearmiss.review.Taxonomy;
import org.nearmiss.system.NearmissProperties;
import org.nearmiss.testing.ApiClient;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.ReportIds;
import org.nearmiss.testing.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The library end to end: an import, search with facets, highlighting, order and paging, report
 * pages and the API, script kept inert, publications from review arriving by themselves, and a second
 * node's index catching up.
 */
@AppTest
class LibraryTests {

    @LocalServerPort
    int port;

    @Autowired
    ImportCommand importer;

    @Autowired
    org.nearmiss.deidentify.Deidentifier deidentifier;

    @Autowired
    LibraryIndex index;

    @Autowired
    Publications publications;

    @Autowired
    Questionnaires questionnaires;

    @Autowired
    Taxonomy taxonomy;

    @Autowired
    JsonMapper json;

    @Autowired
    Accounts accounts;

    @Autowired
    Intake intake;

    @Autowired
    Review review;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Digest digest;

    @org.springframework.beans.factory.annotation.Value("${nearmiss.data-dir}")
    Path dataDir;

    static ImportCommand.Outcome firstImport;
    static String firstErrors;

    @BeforeEach
    void importTheSampleOnce() throws Exception {
        if (firstImport == null) {
            StringWriter errors = new StringWriter();
            firstImport = importSample(errors);
            firstErrors = errors.toString();
            index.catchUp();
        }
    }

    @Test
    void importPublishesGoodLinesReportsBadOnesByNumberAndIsIdempotent() throws Exception {
        assertThat(firstImport).isEqualTo(new ImportCommand.Outcome(6, 0, 3));
        assertThat(firstErrors)
                .contains("line 7: not a JSON object")
                .contains("line 8: answers.activity:")
                .contains("line 9: externalRef is missing")
                .doesNotContain("No reference given");

        StringWriter errors = new StringWriter();
        assertThat(importSample(errors)).isEqualTo(new ImportCommand.Outcome(0, 6, 3));
        assertThat(jdbc.sql("select count(*) from publication where external_ref like 'LIB-%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(6);
    }

    @Test
    void searchFindsWordsHighlightsThemAndCountsFacets() {
        LibrarySearch.Result result = index.search(new LibrarySearch("handgun", Map.of(), null, 1, 10));
        assertThat(result.hits())
                .extracting(LibrarySearch.Hit::externalRef)
                .containsExactlyInAnyOrder("LIB-001", "LIB-005");
        assertThat(result.hits())
                .filteredOn(h -> "LIB-001".equals(h.externalRef()))
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.snippet()).contains("<mark>handgun</mark>");
                    assertThat(h.title()).isEqualTo("Hidden passenger reaches for handgun at night stop");
                    assertThat(h.month()).isEqualTo("2025-11");
                    assertThat(h.activity()).isEqualTo("Traffic stop");
                });
        assertThat(result.hits())
                .filteredOn(h -> "LIB-005".equals(h.externalRef()))
                .singleElement()
                .satisfies(h -> assertThat(h.snippet())
                        .contains("&lt;script&gt;")
                        .doesNotContain("<script>")
                        .doesNotContain("<img"));

        LibrarySearch.Facet activity = facet(index.search(new LibrarySearch("", Map.of(), null, 1, 10)), "activity");
        assertThat(activity.values())
                .filteredOn(v -> v.value().equals("traffic-stop"))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.count()).isEqualTo(2);
                    assertThat(v.label()).isEqualTo("Traffic stop");
                });
    }

    @Test
    void filtersNarrowResultsWhileTheirOwnFacetStillShowsTheAlternatives() {
        LibrarySearch.Result stops =
                index.search(new LibrarySearch("", Map.of("activity", List.of("traffic-stop")), null, 1, 10));
        assertThat(stops.hits())
                .extracting(LibrarySearch.Hit::externalRef)
                .containsExactlyInAnyOrder("LIB-001", "LIB-003");
        assertThat(facet(stops, "activity").values())
                .extracting(LibrarySearch.Value::value)
                .contains("foot-pursuit");
        assertThat(facet(stops, "factors").values())
                .extracting(LibrarySearch.Value::value)
                .contains("concealed-weapon", "vehicle-traffic")
                .doesNotContain("no-backup");

        LibrarySearch.Result either = index.search(new LibrarySearch(
                "", Map.of("activity", List.of("traffic-stop", "foot-pursuit"), "year", List.of("2024")), null, 1, 10));
        assertThat(either.hits()).extracting(LibrarySearch.Hit::externalRef).containsExactly("LIB-002");
    }

    @Test
    void everyFacetCountIsWhatChoosingThatValueWouldFind() {
        List<LibrarySearch.Facet> everything =
                index.search(new LibrarySearch("", Map.of(), null, 1, 10)).facets();
        Map<String, List<String>> filters =
                Map.of("activity", List.of("traffic-stop"), "factors", List.of("concealed-weapon"));
        long checked = 0;
        for (LibrarySearch.Order order : LibrarySearch.Order.values()) {
            for (String text : List.of("", "passenger", "stop OR knife")) {
                LibrarySearch.Result result = index.search(new LibrarySearch(text, filters, order, 1, 10));
                for (LibrarySearch.Facet all : everything) {
                    for (LibrarySearch.Value value : all.values()) {
                        // A filtered facet counts as if its own filter were that value alone (sideways);
                        // any other facet counts within the results. Values not shown count zero.
                        Map<String, List<String>> chosen = new java.util.HashMap<>(filters);
                        chosen.put(all.dimension(), List.of(value.value()));
                        long shown = facet(result, all.dimension()).values().stream()
                                .filter(v -> v.value().equals(value.value()))
                                .mapToLong(LibrarySearch.Value::count)
                                .sum();
                        long found = index.search(new LibrarySearch(text, chosen, order, 1, 10))
                                .total();
                        assertThat(shown)
                                .as("%s = %s for \"%s\"", all.dimension(), value.value(), text)
                                .isEqualTo(found);
                        checked += found;
                    }
                }
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void resultsComeNewestFirstOrByRelevanceAndInPages() {
        LibrarySearch.Result newest = index.search(new LibrarySearch("", Map.of(), LibrarySearch.Order.NEWEST, 1, 2));
        assertThat(newest.total()).isGreaterThanOrEqualTo(6);
        assertThat(newest.hits()).hasSize(2);
        LibrarySearch.Result second = index.search(new LibrarySearch("", Map.of(), LibrarySearch.Order.NEWEST, 2, 2));
        assertThat(second.hits()).hasSize(2).doesNotContainAnyElementsOf(newest.hits());
        assertThat(newest.pages()).isEqualTo((int) ((newest.total() + 1) / 2));

        LibrarySearch.Result best = index.search(new LibrarySearch("radio dispatch", Map.of(), null, 1, 10));
        assertThat(best.hits().getFirst().externalRef()).isEqualTo("LIB-004");
        assertThat(index.search(new LibrarySearch("\"hand under\" -knife ((", Map.of(), null, 1, 10))
                        .total())
                .as("odd syntax is no error")
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void readersUseThePagesAndTheApiAndScriptStaysInert() {
        Staff reader = join(Role.READER);
        String page = reader.web.get("/library?q=handgun&activity=traffic-stop").body();
        assertThat(page)
                .contains("Hidden passenger reaches for handgun at night stop")
                .contains("<mark>handgun</mark>");
        String id = publicIdOf("LIB-001");
        String report = reader.web.get("/library/reports/" + id).body();
        assertThat(report)
                .contains("Event summary")
                .contains("Watch every occupant&#39;s hands.")
                .contains("Traffic stop")
                .contains("Concealed weapon");
        String script =
                reader.web.get("/library/reports/" + publicIdOf("LIB-005")).body()
                        + reader.web.get("/library?q=glovebox").body();
        assertThat(script).doesNotContain("<script>alert").doesNotContain("<img src=x");
        assertThat(reader.web.get("/library/reports/NM-1999-99999").statusCode())
                .isEqualTo(404);

        String token = tokenOf(reader);
        HttpResponse<String> api = get("/api/v1/library/reports?q=knife&sort=newest", token);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"externalRef\":\"LIB-002\"").contains("\"facets\"");
        HttpResponse<String> one = get("/api/v1/library/reports/" + id, token);
        assertThat(one.body()).contains("\"publicId\":\"" + id + "\"").contains("\"externalRef\":\"LIB-001\"");
        HttpResponse<String> none = get("/api/v1/library/reports/NM-1999-99999", token);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(get("/api/v1/library/reports", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aReportPublishedByReviewReachesTheLibraryByItself() throws Exception {
        ReportKey key = intake.file(1, Stories.aTypicalStory().asMap());
        var id = ReportIds.idOf(jdbc, key);
        SignedIn reviewer = person(Role.REVIEWER);
        review.saveStageOne(
                id,
                reviewer,
                null,
                "A glovebox surprise at a checkpoint",
                "[OFFICER 1] saw a zebra-striped holster.",
                "Look twice.",
                List.of("PC-SUBJECT"),
                true);
        ReportPublished published = review.publish(
                id,
                person(Role.APPROVER),
                null,
                "A glovebox surprise at a checkpoint",
                "[OFFICER 1] saw a zebra-striped holster.",
                "Look twice.",
                "",
                List.of(),
                true);

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (index.search(new LibrarySearch("zebra", Map.of(), null, 1, 5)).total() == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(index.search(new LibrarySearch("zebra", Map.of(), null, 1, 5))
                        .hits())
                .extracting(LibrarySearch.Hit::publicId)
                .containsExactly(published.publicId());
        assertThat(index.find(published.publicId()))
                .hasValueSatisfying(p -> assertThat(p.factors()).containsExactly("Subject and scene factors"));
    }

    @Test
    void anotherNodesIndexCatchesUpFromTheDatabaseAndAnIndexAheadOfItIsRebuilt(@TempDir Path otherDataDir)
            throws Exception {
        LibraryIndex other = new LibraryIndex(
                publications,
                questionnaires,
                taxonomy,
                json,
                new NearmissProperties(otherDataDir, null, null, null, 262144, null, null));
        try {
            assertThat(other.catchUp()).isGreaterThanOrEqualTo(6);
            assertThat(other.indexedSequence()).isEqualTo(publications.lastSequence());
            assertThat(other.search(new LibrarySearch("knife", Map.of(), null, 1, 5))
                            .hits())
                    .extracting(LibrarySearch.Hit::externalRef)
                    .contains("LIB-002");
            assertThat(other.catchUp()).as("nothing new").isZero();
        } finally {
            other.destroy();
        }
    }

    @Test
    void theImportCommandBringsThisNodesIndexesUpToDateWhenTheDatabaseIsEmbedded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("more.jsonl");
        Files.writeString(file, """
                {"externalRef": "CMD-1", "narrative": "A loose dog ran at us during the warrant service."}
                not json
                {"externalRef": "CMD-2", "narrative": "The suspect hid a razor blade in his shoe."}
                """);
        List<Long> heldWhenCaughtUp = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> memoryOnly = new java.util.concurrent.CopyOnWriteArrayList<>();
        PublicationFollower search = follower("search", () -> heldWhenCaughtUp.add(publications.lastSequence()));
        PublicationFollower locked = follower("vectors", () -> {
            throw new java.io.UncheckedIOException(new org.apache.lucene.store.LockObtainFailedException("held"));
        });
        PublicationFollower inMemory = new PublicationFollower() {
            @Override
            public String name() {
                return "facts";
            }

            @Override
            public int catchUp() {
                memoryOnly.add("called");
                return 0;
            }

            @Override
            public boolean persistent() {
                return false;
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new picocli.CommandLine(new ImportCommand(
                        publications, intake, deidentifier, Clock.systemUTC(), List.of(search, locked, inMemory), true))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(file.toString());

        assertThat(exit).as("one bad line").isEqualTo(1);
        assertThat(out.toString())
                .contains("2 imported, 0 already there, 1 refused")
                .as("not while a follower could not catch up")
                .doesNotContain("embeddings hold them");
        assertThat(heldWhenCaughtUp)
                .as("a last catch-up after the last line")
                .last()
                .isEqualTo(publications.lastSequence());
        assertThat(err.toString()).contains("line 2: not a JSON object").contains("vectors is left to the server");
        assertThat(memoryOnly).isEmpty();

        StringWriter allCaughtUp = new StringWriter();
        new picocli.CommandLine(
                        new ImportCommand(publications, intake, deidentifier, Clock.systemUTC(), List.of(search), true))
                .setOut(new PrintWriter(allCaughtUp, true))
                .setErr(new PrintWriter(new StringWriter(), true))
                .execute(file.toString());
        assertThat(allCaughtUp.toString())
                .contains("0 imported, 2 already there")
                .contains("embeddings hold them");

        StringWriter again = new StringWriter();
        heldWhenCaughtUp.clear();
        new picocli.CommandLine(new ImportCommand(
                        publications, intake, deidentifier, Clock.systemUTC(), List.of(search), false))
                .setOut(new PrintWriter(again, true))
                .setErr(new PrintWriter(new StringWriter(), true))
                .execute(file.toString());
        assertThat(again.toString()).contains("0 imported, 2 already there").doesNotContain("embeddings");
        assertThat(heldWhenCaughtUp)
                .as("with PostgreSQL the running nodes index")
                .isEmpty();
    }

    private static PublicationFollower follower(String name, Runnable onCatchUp) {
        return new PublicationFollower() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int catchUp() {
                onCatchUp.run();
                return 0;
            }
        };
    }

    @Test
    void aLargeRebuildIndexesEveryReportOnAllCoresAndLeavesOneSegment(@TempDir Path otherDataDir) throws Exception {
        // Two publications a batch: every publication is then part of a large catch-up, as at scale.
        LibraryIndex other = new LibraryIndex(
                publications,
                questionnaires,
                taxonomy,
                json,
                new NearmissProperties(otherDataDir, null, null, null, 262144, null, null),
                2);
        try {
            int indexed = other.catchUp();
            assertThat(indexed).isGreaterThanOrEqualTo(6);
            assertThat(other.indexedSequence()).isEqualTo(publications.lastSequence());
            try (var files = Files.list(otherDataDir.resolve("library-index"))) {
                assertThat(files.filter(f -> f.toString().endsWith(".si"))).hasSize(1);
            }
            assertThat(other.search(new LibrarySearch("", Map.of(), null, 1, 5)).total())
                    .isEqualTo(indexed);
            assertThat(other.search(new LibrarySearch("knife", Map.of(), null, 1, 5))
                            .hits())
                    .extracting(LibrarySearch.Hit::externalRef)
                    .contains("LIB-002");
        } finally {
            other.destroy();
        }
    }

    @Test
    void theAtomFeedListsTheNewestPublicationsAsWellFormedXml() throws Exception {
        Staff reader = join(Role.READER);
        String token = tokenOf(reader);
        assertThat(get("/library/feed.atom", token).statusCode())
                .as("a token is for the API alone")
                .isEqualTo(302);
        HttpResponse<String> feed = get("/api/v1/library/feed.atom", token);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
        var document = javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        var entries = document.getElementsByTagName("entry");
        assertThat(entries.getLength()).isGreaterThanOrEqualTo(6);
        assertThat(feed.body())
                .contains("<title>Hidden passenger reaches for handgun at night stop</title>")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>");
    }

    @Test
    void aReportPrintsAsATrainingBulletin() throws Exception {
        Staff reader = join(Role.READER);
        HttpResponse<byte[]> pdf = reader.web.getBytes("/library/reports/" + publicIdOf("LIB-001") + "/bulletin.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var document = new org.openpdf.text.pdf.PdfReader(pdf.body())) {
            String text = new org.openpdf.text.pdf.parser.PdfTextExtractor(document).getTextFromPage(1);
            assertThat(text)
                    .contains("Hidden passenger reaches for handgun at night stop")
                    .contains("Lessons learned")
                    .contains("Light up the back seat.");
        }
    }

    @Test
    void chosenReportsPrintAsOneRollCallBulletin() throws Exception {
        Staff reader = join(Role.READER);
        String first = publicIdOf("LIB-001");
        String second = publicIdOf("LIB-002");
        HttpResponse<byte[]> pdf =
                reader.web.getBytes("/library/bulletin.pdf?q=x&id=" + first + "&id=" + second + "&id=NM-1999-99999");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var document = new org.openpdf.text.pdf.PdfReader(pdf.body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            var text = new org.openpdf.text.pdf.parser.PdfTextExtractor(document);
            assertThat(text.getTextFromPage(1)).contains("Hidden passenger reaches for handgun at night stop");
            assertThat(text.getTextFromPage(2)).contains("Foot pursuit ends at a fence with a knife");
        }
        assertThat(reader.web.get("/library/bulletin.pdf").statusCode()).isEqualTo(400);
        assertThat(reader.web.get("/library?q=handgun").body()).contains("Print the chosen reports as one bulletin");
    }

    @Test
    void approversChooseTheNearMissOfTheWeekAndReadersSeeIt() {
        Staff approver = join(Role.APPROVER);
        Staff reader = join(Role.READER);
        String id = publicIdOf("LIB-002");
        String page = approver.web.get("/library/reports/" + id).body();
        assertThat(page).contains("Make this the near miss of the week");
        assertThat(reader.web.get("/library/reports/" + id).body())
                .doesNotContain("Make this the near miss of the week");

        HttpResponse<String> chosen = approver.web.post(
                "/library/reports/" + id + "/feature", Map.of(), org.nearmiss.testing.WebSession.csrfOf(page));
        assertThat(chosen.statusCode()).isEqualTo(302);
        assertThat(reader.web.get("/library").body())
                .contains("Near miss of the week")
                .contains("Foot pursuit ends at a fence with a knife");
        assertThat(get("/api/v1/library/featured", tokenOf(reader)).body()).contains("\"publicId\":\"" + id + "\"");
        assertThat(reader.web
                        .post("/library/reports/" + id + "/feature", Map.of(), null)
                        .statusCode())
                .as("readers may not choose")
                .isEqualTo(403);
    }

    @Test
    void aReaderWhoAsksForTheDigestIsMailedWhatIsNewOnce() throws Exception {
        Staff reader = join(Role.READER);
        String page = reader.web.get("/library/digest").body();
        assertThat(page).contains("Send me the digest");
        assertThat(reader.web
                        .post(
                                "/library/digest",
                                Map.of("subscribe", "yes"),
                                org.nearmiss.testing.WebSession.csrfOf(page))
                        .statusCode())
                .isEqualTo(302);
        assertThat(reader.web.get("/library/digest").body()).contains("You get the digest.");

        publications.importPublished(
                new Publications.Imported(
                        "DIGEST-1",
                        "2026-01",
                        "Lone check of an alarm turns into an ambush",
                        "A narrative.",
                        List.of("Wait for a second unit on alarms at night."),
                        1,
                        Map.of()),
                java.time.LocalDate.now());
        assertThat(digest.sendDue()).isGreaterThanOrEqualTo(1);
        String mail = outboxFor(reader.email);
        assertThat(mail)
                .contains("Lone check of an alarm turns into an ambush")
                .contains("Wait for a second unit on alarms at night.")
                .contains("/library/reports/NM-")
                .doesNotContain("Hidden passenger");
        int before = outboxCount(reader.email);
        digest.sendDue();
        assertThat(outboxCount(reader.email)).as("nothing new, no mail").isEqualTo(before);
    }

    private String outboxFor(String email) {
        return String.join("", org.nearmiss.testing.Outbox.to(dataDir, email));
    }

    private int outboxCount(String email) {
        return org.nearmiss.testing.Outbox.to(dataDir, email).size();
    }

    @Test
    void hostileQueriesAreAnsweredWithoutAFailure() {
        Staff reader = join(Role.READER);
        java.util.Random random = new java.util.Random(20261122L);
        List<String> failures = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String query = "q=" + encode(org.nearmiss.testing.HostileJson.nasty(random))
                    + "&activity=" + encode(org.nearmiss.testing.HostileJson.nasty(random))
                    + "&year=" + encode(org.nearmiss.testing.HostileJson.nasty(random))
                    + "&page=" + encode(org.nearmiss.testing.HostileJson.nasty(random))
                    + "&size=" + encode(org.nearmiss.testing.HostileJson.nasty(random))
                    + "&sort=" + encode(org.nearmiss.testing.HostileJson.nasty(random));
            HttpResponse<String> page = reader.web.get("/library?" + query);
            if (page.statusCode() != 200 || page.body().contains("<script>alert")) {
                failures.add(page.statusCode() + " for " + query);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private ImportCommand.Outcome importSample(StringWriter errors) throws Exception {
        try (var in = new BufferedReader(new InputStreamReader(
                LibraryTests.class.getResourceAsStream("/library/sample.jsonl"), StandardCharsets.UTF_8))) {
            return importer.importLines(in, new PrintWriter(errors, true));
        }
    }

    private String publicIdOf(String externalRef) {
        return index.search(new LibrarySearch("", Map.of(), null, 1, 100)).hits().stream()
                .filter(h -> externalRef.equals(h.externalRef()))
                .findFirst()
                .orElseThrow()
                .publicId();
    }

    private static LibrarySearch.Facet facet(LibrarySearch.Result result, String dim) {
        return result.facets().stream()
                .filter(f -> f.dimension().equals(dim))
                .findFirst()
                .orElseThrow();
    }

    private Staff join(Role role) {
        String email =
                role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@state.gov";
        return Staff.joins(port, accounts.invite(person(Role.ADMIN), email, role), email, "Someone");
    }

    private static String tokenOf(Staff staff) {
        return ApiClient.tokenOf(staff);
    }

    private HttpResponse<String> get(String path, String token) {
        return ApiClient.withToken(port, token).get(path);
    }

    private static SignedIn person(Role role) {
        AccountId id = AccountId.random();
        return new SignedIn(id, role.name().toLowerCase() + "@state.gov", "Someone", role);
    }
}
