package org.nearmiss.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.nearmiss.intake.Question;
import org.nearmiss.intake.QuestionType;
import org.nearmiss.intake.Questionnaires;
import org.nearmiss.review.IncidentPeriod;
import org.nearmiss.review.PublicationFollower;
import org.nearmiss.review.Publications;
import org.nearmiss.review.ReportPublished;
import org.nearmiss.review.Taxonomy;
import org.nearmiss.system.NearmissProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's search index of the library, in the data dir: derived data, built from the
 * publications in the database and kept in step with them. Each commit records the last
 * publication it holds; catching up indexes everything after it, on start (so a missing index is
 * rebuilt), after each publication, and every few seconds (so a node learns of publications made on
 * another). An index ahead of the database (a database restored from backup) is rebuilt.
 */
@Component
public class LibraryIndex implements PublicationFollower, DisposableBean {

    /** The facets, by question id (and "year" of the incident). */
    public static final List<String> FACETS =
            List.of("activity", "factors", "injuryPotential", "lighting", "locationType", "year");

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LibraryIndex.class);
    private static final String SEQUENCE = "sequence";
    private static final int BATCH = 5_000;
    private static final int SEGMENTS_AFTER_REBUILD = 1;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();
    /** The fields the words of a search are looked for in, and their weights, in a fixed order. */
    private static final Map<String, Float> TEXT_FIELDS = textFields();

    private final Publications publications;
    private final Questionnaires questionnaires;
    private final Taxonomy taxonomy;
    private final JsonMapper json;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final FacetsConfig facets = new FacetsConfig();
    private final Path dir;
    private final int batchSize;
    /** Publications indexed since the last merge into one segment (or since this process started). */
    private long indexedSinceMerge;

    private IndexWriter writer;
    private SearcherManager searchers;
    private volatile FacetState facetState;

    @Autowired
    LibraryIndex(
            Publications publications,
            Questionnaires questionnaires,
            Taxonomy taxonomy,
            JsonMapper json,
            NearmissProperties properties) {
        this(publications, questionnaires, taxonomy, json, properties, BATCH);
    }

    /** Reads and commits {@code batchSize} publications at a time (tests make a rebuild "large" with few). */
    LibraryIndex(
            Publications publications,
            Questionnaires questionnaires,
            Taxonomy taxonomy,
            JsonMapper json,
            NearmissProperties properties,
            int batchSize) {
        this.batchSize = batchSize;
        this.publications = publications;
        this.questionnaires = questionnaires;
        this.taxonomy = taxonomy;
        this.json = json;
        facets.setMultiValued("factors", true);
        this.dir = properties.dataDir().resolve("library-index");
    }

    /** Opens the index on first use, so commands that never search leave it to the running server. */
    private synchronized IndexWriter writer() {
        if (writer == null) {
            try {
                // A larger buffer than the default makes fewer, larger segments while catching up at scale.
                writer = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64));
                searchers = new SearcherManager(writer, null);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open the library index", e);
            }
        }
        return writer;
    }

    private SearcherManager searchers() {
        writer();
        return searchers;
    }

    /** The last publication this index holds. */
    public long indexedSequence() {
        Iterable<Map.Entry<String, String>> data = writer().getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (entry.getKey().equals(SEQUENCE)) {
                    return Long.parseLong(entry.getValue());
                }
            }
        }
        return 0;
    }

    @Override
    public String name() {
        return "library-index";
    }

    /**
     * Indexes every publication after the last one held, committing after each batch.
     *
     * @return how many were indexed
     */
    @Override
    public synchronized int catchUp() {
        long started = System.nanoTime();
        IndexWriter writer = writer();
        try {
            long last = indexedSequence();
            if (last > publications.lastSequence()) {
                log.info("The library index is ahead of the database; rebuilding it");
                writer.deleteAll();
                last = 0;
                commit(0);
            }
            int indexed = 0;
            while (true) {
                List<ReportPublished> batch = publications.after(last, batchSize);
                if (batch.isEmpty()) {
                    break;
                }
                // Documents are made and inverted on every core: a rebuild at scale is mostly analysis.
                batch.parallelStream().forEach(published -> index(writer, published));
                last = batch.getLast().sequence();
                commit(last);
                indexed += batch.size();
            }
            // Counted across catch-ups: an import indexed while it runs arrives in many small ones.
            indexedSinceMerge += indexed;
            if (indexedSinceMerge > batchSize && indexedSinceMerge * 10L >= writer.getDocStats().maxDoc) {
                // After a rebuild or an import that makes up a tenth or more of the library, the index is
                // merged into one segment: a search pays again for every segment it reads (term look-ups,
                // postings readers, facet ordinals), and new reports later add small segments of their own.
                writer.forceMerge(SEGMENTS_AFTER_REBUILD);
                commit(last);
                indexedSinceMerge = 0;
            }
            if (indexed > 0) {
                searchers().maybeRefreshBlocking();
                log.info(
                        "Library index: {} publications indexed in {} ms, up to {}",
                        indexed,
                        (System.nanoTime() - started) / 1_000_000,
                        last);
            }
            return indexed;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the library index", e);
        }
    }

    private void commit(long sequence) throws IOException {
        IndexWriter writer = writer();
        writer.setLiveCommitData(Map.of(SEQUENCE, Long.toString(sequence)).entrySet());
        writer.commit();
    }

    /** Called on pool threads while {@link #catchUp} holds this object's lock: takes the writer it was given. */
    private void index(IndexWriter writer, ReportPublished published) {
        try {
            writer.updateDocument(new Term("id", published.publicId()), facets.build(documentOf(published)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Document documentOf(ReportPublished p) {
        Document doc = new Document();
        doc.add(new StringField("id", p.publicId(), Field.Store.YES));
        doc.add(new NumericDocValuesField("seq", p.sequence()));
        doc.add(new StoredField("json", json.writeValueAsString(p)));
        doc.add(new Field("title", p.title() == null ? "" : p.title(), TEXT_WITH_OFFSETS));
        doc.add(new Field("narrative", p.narrative(), TEXT_WITH_OFFSETS));
        doc.add(new TextField("lessons", String.join("\n", p.lessons()), Field.Store.NO));
        doc.add(new TextField("takeaways", p.takeaways() == null ? "" : p.takeaways(), Field.Store.NO));
        for (String dim : FACETS) {
            for (String value : valuesOf(p, dim)) {
                doc.add(new SortedSetDocValuesFacetField(dim, value));
            }
        }
        return doc;
    }

    private static List<String> valuesOf(ReportPublished p, String dim) {
        if (dim.equals("year")) {
            return p.incidentMonth() == null
                    ? List.of()
                    : List.of(p.incidentMonth().substring(0, 4));
        }
        Object value = p.answers().get(dim);
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    /** One page of results with facet counts. */
    public LibrarySearch.Result search(LibrarySearch search) {
        try {
            SearcherManager searchers = searchers();
            IndexSearcher searcher = searchers.acquire();
            try {
                if (searcher.getIndexReader().numDocs() == 0) {
                    return new LibrarySearch.Result(0, 1, 0, List.of(), List.of());
                }
                Query text = textQuery(search.text());
                DrillDownQuery drillDown = drillDown(text, search.filters(), null);
                int wanted = search.page() * search.size();
                SortedSetDocValuesReaderState state = facetState(searcher);
                FacetsCollectorManager.FacetsResult main = search.order() == LibrarySearch.Order.NEWEST
                        ? FacetsCollectorManager.search(
                                searcher,
                                drillDown,
                                wanted,
                                new Sort(new SortField("seq", SortField.Type.LONG, true)),
                                new FacetsCollectorManager())
                        : FacetsCollectorManager.search(searcher, drillDown, wanted, new FacetsCollectorManager());
                // Counts for a facet being filtered on leave out its own filter ("sideways"), so its other
                // values stay visible with the number each would give.
                Map<String, Facets> counts = new LinkedHashMap<>();
                if (state != null) { // null when no report is coded: nothing to count
                    Facets narrowed = new SortedSetDocValuesFacetCounts(state, main.facetsCollector());
                    for (String dim : FACETS) {
                        if (search.filters().containsKey(dim)) {
                            FacetsCollector sideways = searcher.search(
                                    drillDown(text, search.filters(), dim), new FacetsCollectorManager());
                            counts.put(dim, new SortedSetDocValuesFacetCounts(state, sideways));
                        } else {
                            counts.put(dim, narrowed);
                        }
                    }
                }
                ScoreDoc[] all = main.topDocs().scoreDocs;
                int from = Math.min(all.length, (search.page() - 1) * search.size());
                ScoreDoc[] page = Arrays.copyOfRange(all, from, all.length);
                // Exact, unlike the top-hits count, which stops counting once it knows the page.
                long total = main.facetsCollector().getMatchingDocs().stream()
                        .mapToLong(FacetsCollector.MatchingDocs::totalHits)
                        .sum();
                String[] snippets = highlight(searcher, search.text(), page);
                List<LibrarySearch.Hit> hits = new ArrayList<>();
                StoredFields stored = searcher.storedFields();
                for (int i = 0; i < page.length; i++) {
                    ReportPublished p =
                            json.readValue(stored.document(page[i].doc).get("json"), ReportPublished.class);
                    hits.add(new LibrarySearch.Hit(
                            p.publicId(),
                            p.externalRef(),
                            titleOf(p),
                            p.incidentMonth(),
                            label(
                                    p.questionnaireVersion(),
                                    "activity",
                                    p.answers().get("activity")),
                            snippets[i] != null ? snippets[i] : escapedStart(p.narrative())));
                }
                int pages = (int) Math.min(LibrarySearch.MAX_PAGE, (total + search.size() - 1) / search.size());
                return new LibrarySearch.Result(total, search.page(), pages, hits, facetsOf(counts, search));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search the library index", e);
        }
    }

    /** A published report by its public id. */
    public Optional<Published> find(String publicId) {
        try {
            SearcherManager searchers = searchers();
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(new TermQuery(new Term("id", publicId)), 1);
                if (top.scoreDocs.length == 0) {
                    return Optional.empty();
                }
                ReportPublished p = json.readValue(
                        searcher.storedFields().document(top.scoreDocs[0].doc).get("json"), ReportPublished.class);
                return Optional.of(publishedOf(p));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the library index", e);
        }
    }

    private Published publishedOf(ReportPublished p) {
        List<Published.Circumstance> circumstances = new ArrayList<>();
        for (Question q : questionnaires.version(p.questionnaireVersion()).questions()) {
            Object value = p.answers().get(q.id());
            if (value != null && !q.id().equals("factors")) {
                // A month the approver coarsened reads as its quarter or year.
                String answer = q.type() == QuestionType.MONTH
                        ? IncidentPeriod.label(value.toString())
                        : label(p.questionnaireVersion(), q.id(), value);
                circumstances.add(new Published.Circumstance(q.label(), answer));
            }
        }
        List<String> factors = new ArrayList<>();
        p.codes().forEach(code -> factors.add(taxonomy.labelOf(code)));
        if (factors.isEmpty() && p.answers().get("factors") != null) {
            factors.add(label(p.questionnaireVersion(), "factors", p.answers().get("factors")));
        }
        return new Published(
                p.sequence(),
                p.publicId(),
                p.externalRef(),
                p.publishedOn().toString(),
                p.incidentMonth(),
                titleOf(p),
                p.narrative(),
                p.lessons(),
                p.takeaways(),
                circumstances,
                factors,
                p.answers());
    }

    private String titleOf(ReportPublished p) {
        if (p.title() != null && !p.title().isBlank()) {
            return p.title();
        }
        String activity =
                label(p.questionnaireVersion(), "activity", p.answers().get("activity"));
        return activity.isEmpty() ? "Near miss " + p.publicId() : activity + ": a near miss";
    }

    private String label(int version, String questionId, Object value) {
        if (value == null) {
            return "";
        }
        Optional<Question> question;
        try {
            question = questionnaires.version(version).question(questionId);
        } catch (RuntimeException unknownVersion) {
            question = questionnaires.current().question(questionId);
        }
        if (question.isEmpty()) {
            return String.valueOf(value);
        }
        if (value instanceof Collection<?> values) {
            List<String> labels = new ArrayList<>();
            for (Object v : values) {
                labels.add(labelOfOption(question.get(), String.valueOf(v)));
            }
            return String.join("; ", labels);
        }
        return labelOfOption(question.get(), String.valueOf(value));
    }

    private static String labelOfOption(Question question, String value) {
        return question.option(value).map(Question.Option::label).orElse(value);
    }

    private Query textQuery(String text) {
        return parsed(text, TEXT_FIELDS);
    }

    private Query parsed(String text, Map<String, Float> fields) {
        if (text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, fields);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        Query query = parser.parse(text);
        return query == null ? new MatchAllDocsQuery() : query;
    }

    /**
     * Marks the searched words in the narrative. The highlighter is given the words as narrative
     * terms only: given the whole query, it would read the positions of every word in all four fields
     * of every report on the page, most of the garbage a search makes.
     */
    private String[] highlight(IndexSearcher searcher, String text, ScoreDoc[] page) throws IOException {
        Query words = parsed(text, Map.of("narrative", 1f));
        if (page.length == 0 || words instanceof MatchAllDocsQuery) {
            return new String[page.length];
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                // escape = true: the narrative's own characters are HTML-escaped, only <mark> is ours.
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(50_000)
                .build();
        TopDocs pageDocs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
        return highlighter.highlight("narrative", words, pageDocs, 2);
    }

    private static String escapedStart(String narrative) {
        String start = narrative.length() > 240 ? narrative.substring(0, 240) + " …" : narrative;
        return start.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private DrillDownQuery drillDown(Query text, Map<String, List<String>> filters, String leaveOut) {
        DrillDownQuery drillDown = new DrillDownQuery(facets, text);
        filters.forEach((dim, values) -> {
            if (FACETS.contains(dim) && !dim.equals(leaveOut)) {
                values.forEach(v -> drillDown.add(dim, v));
            }
        });
        return drillDown;
    }

    private List<LibrarySearch.Facet> facetsOf(Map<String, Facets> counts, LibrarySearch search) throws IOException {
        List<LibrarySearch.Facet> result = new ArrayList<>();
        for (String dim : FACETS) {
            Facets dimCounts = counts.get(dim);
            FacetResult top = dimCounts == null ? null : dimCounts.getTopChildren(50, dim);
            List<String> chosen = search.filters().getOrDefault(dim, List.of());
            List<LibrarySearch.Value> values = new ArrayList<>();
            if (top != null) {
                for (LabelAndValue lv : top.labelValues) {
                    values.add(new LibrarySearch.Value(
                            lv.label,
                            dim.equals("year") ? lv.label : labelOfOption(dim, lv.label),
                            lv.value.longValue(),
                            chosen.contains(lv.label)));
                }
            }
            if (dim.equals("year")) {
                values.sort((a, b) -> b.value().compareTo(a.value()));
            }
            result.add(new LibrarySearch.Facet(dim, dimensionLabel(dim), values));
        }
        return result;
    }

    private String labelOfOption(String dim, String value) {
        return questionnaires
                .current()
                .question(dim)
                .map(q -> labelOfOption(q, value))
                .orElse(value);
    }

    private String dimensionLabel(String dim) {
        return switch (dim) {
            case "year" -> "Year";
            case "factors" -> "Contributing factors";
            default ->
                questionnaires.current().question(dim).map(Question::label).orElse(dim);
        };
    }

    /**
     * The facet state of one searcher, made again when the index changes; null when no report in it
     * has a coded circumstance (a library imported without coding).
     */
    private SortedSetDocValuesReaderState facetState(IndexSearcher searcher) throws IOException {
        FacetState state = facetState;
        if (state == null || state.reader() != searcher.getIndexReader()) {
            boolean coded = FieldInfos.getMergedFieldInfos(searcher.getIndexReader())
                            .fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME)
                    != null;
            state = new FacetState(
                    searcher.getIndexReader(),
                    coded ? new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), facets) : null);
            facetState = state;
        }
        return state.state();
    }

    private record FacetState(org.apache.lucene.index.IndexReader reader, SortedSetDocValuesReaderState state) {}

    private static Map<String, Float> textFields() {
        Map<String, Float> weights = new LinkedHashMap<>();
        weights.put("title", 3f);
        weights.put("narrative", 1f);
        weights.put("lessons", 1f);
        weights.put("takeaways", 1f);
        return java.util.Collections.unmodifiableMap(weights);
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.setStored(true);
        type.freeze();
        return type;
    }

    @Override
    public synchronized void destroy() throws IOException {
        if (writer != null) {
            searchers.close();
            writer.close();
        }
    }
}
