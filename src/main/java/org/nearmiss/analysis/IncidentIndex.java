package org.nearmiss.analysis;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incidents with their vectors in Lucene's HNSW graph beside their words, and the hybrid that finds
 * the ones most like a probe: nearest by meaning and best by BM25 are gathered, then each is scored
 * by meaning, wording and shared coded circumstances together, and says why it matched.
 */
final class IncidentIndex implements Closeable {

    /** How many candidates meaning brings before they are all scored together. */
    static final int CANDIDATES = 100;

    /** How many wording brings: fewer, as BM25 over long accounts is the costly part. */
    private static final int LEXICAL = 50;

    /** The probe's words that make the BM25 query: the most telling sixty. */
    private static final int QUERY_TERMS = 60;

    /** Meaning's share of the text score; wording has the rest. */
    private static final double TEXT = 0.5;

    /** Coded factors' and circumstances' share of the score, when both incidents have them. */
    private static final double CODED = 0.3;

    /** How many coded incidents, told most alike, suggest the factors of an uncoded account. */
    private static final int NEIGHBOURS = 20;

    private static final String SEQUENCE = "sequence";
    private static final String MODEL = "model";

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final JsonMapper json;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    IncidentIndex(Directory directory, JsonMapper json) {
        this.json = json;
        try {
            this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the incident index", e);
        }
    }

    /** Adds or replaces incidents, each with its unit vector. */
    void put(List<Incident> incidents, List<float[]> vectors) {
        try {
            for (int i = 0; i < incidents.size(); i++) {
                Incident incident = incidents.get(i);
                writer.updateDocument(new Term("id", incident.id()), documentOf(incident, vectors.get(i)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the incident index", e);
        }
    }

    private Document documentOf(Incident incident, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField("id", incident.id(), Field.Store.YES));
        doc.add(new KnnFloatVectorField("vector", vector, VectorSimilarityFunction.DOT_PRODUCT));
        // The text is stored once, in the incident.
        doc.add(new TextField("text", incident.text(), Field.Store.NO));
        if (incident.activity() != null) {
            doc.add(new StringField("activity", incident.activity(), Field.Store.NO));
            doc.add(new StringField("coded", "activity", Field.Store.NO));
        }
        doc.add(new StoredField("incident", json.writeValueAsString(incident)));
        // The incident without its text, cheap to read for every candidate; the text is read for the best only.
        doc.add(new BinaryDocValuesField(
                "incident-coded", new BytesRef(json.writeValueAsString(withoutText(incident)))));
        return doc;
    }

    /** Makes what was put visible and durable, recording the last publication held and the model. */
    void commit(long sequence, String model) {
        try {
            writer.setLiveCommitData(
                    Map.of(SEQUENCE, Long.toString(sequence), MODEL, model).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot commit the incident index", e);
        }
    }

    /**
     * Waits for the merges a large catch-up started: merging vector graphs takes both cores for a
     * while, and questions asked meanwhile would wait for them.
     */
    void awaitMerges() {
        if (writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) {
            merges.sync();
        }
    }

    void deleteAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the incident index", e);
        }
    }

    long sequence() {
        return Long.parseLong(commitData().getOrDefault(SEQUENCE, "0"));
    }

    Optional<String> model() {
        return Optional.ofNullable(commitData().get(MODEL));
    }

    private Map<String, String> commitData() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    int size() {
        return writer.getDocStats().numDocs;
    }

    /**
     * The ids of the nearest incidents by meaning alone, from the HNSW graph searched as
     * {@link #similar} searches it (for {@value #CANDIDATES} candidates): for measuring its recall.
     */
    List<String> nearest(float[] vector, int k, String leaveOut) {
        return withSearcher(searcher -> {
            List<String> ids = new ArrayList<>();
            int wanted = Math.max(CANDIDATES, k) + 1;
            for (ScoreDoc sd : searcher.search(new KnnFloatVectorQuery("vector", vector, wanted), wanted).scoreDocs) {
                String id = searcher.storedFields().document(sd.doc).get("id");
                if (!id.equals(leaveOut) && ids.size() < k) {
                    ids.add(id);
                }
            }
            return ids;
        });
    }

    /**
     * Groups of incidents alike in meaning, by spherical k-means: centroids fitted on a sample of the
     * vectors, then every incident assigned to its nearest in one pass.
     *
     * @param sample how many vectors at most to fit the centroids on
     * @param keep how many members of each group to return, those nearest its centroid first
     */
    List<Group> groups(int k, int sample, int keep, long seed) {
        return withSearcher(searcher -> {
            java.util.Random random = new java.util.Random(seed);
            // A reservoir sample of the vectors to fit on.
            List<float[]> fit = new ArrayList<>();
            int[] seen = {0};
            forEachVector(searcher, (doc, vector) -> {
                seen[0]++;
                if (fit.size() < sample) {
                    fit.add(vector.clone());
                } else {
                    int r = random.nextInt(seen[0]);
                    if (r < sample) {
                        fit.set(r, vector.clone());
                    }
                }
            });
            if (fit.isEmpty()) {
                return List.of();
            }
            float[][] centroids = KMeans.fit(fit, Math.min(k, fit.size()), random);
            long[] sizes = new long[centroids.length];
            List<java.util.PriorityQueue<double[]>> nearest = new ArrayList<>();
            for (int c = 0; c < centroids.length; c++) {
                nearest.add(new java.util.PriorityQueue<>(Comparator.comparingDouble(e -> e[1])));
            }
            forEachVector(searcher, (doc, vector) -> {
                int c = KMeans.nearest(centroids, vector);
                sizes[c]++;
                java.util.PriorityQueue<double[]> members = nearest.get(c);
                members.add(new double[] {doc, cosine(centroids[c], vector)});
                if (members.size() > keep) {
                    members.poll();
                }
            });
            List<Group> groups = new ArrayList<>();
            for (int c = 0; c < centroids.length; c++) {
                if (sizes[c] == 0) {
                    continue;
                }
                List<double[]> members = new ArrayList<>(nearest.get(c));
                members.sort(Comparator.comparingDouble((double[] e) -> e[1]).reversed());
                List<Incident> incidents = new ArrayList<>();
                for (double[] member : members) {
                    incidents.add(incidentOf(searcher, (int) member[0]));
                }
                groups.add(new Group(sizes[c], incidents));
            }
            return groups;
        });
    }

    /**
     * One group of incidents.
     *
     * @param size how many incidents it holds
     * @param nearest those nearest its centre, nearest first (all of them in a small group)
     */
    record Group(long size, List<Incident> nearest) {}

    private interface VectorVisitor {
        void visit(int doc, float[] vector) throws IOException;
    }

    private static void forEachVector(IndexSearcher searcher, VectorVisitor visitor) throws IOException {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues("vector");
            if (values == null) {
                continue;
            }
            org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
            KnnVectorValues.DocIndexIterator it = values.iterator();
            for (int doc = it.nextDoc();
                    doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                    doc = it.nextDoc()) {
                if (live == null || live.get(doc)) {
                    visitor.visit(leaf.docBase + doc, values.vectorValue(it.index()));
                }
            }
        }
    }

    /** An incident held, with its vector. */
    Optional<Held> find(String id) {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term("id", id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            int doc = top.scoreDocs[0].doc;
            return Optional.of(new Held(incidentOf(searcher, doc), vectorOf(searcher, doc)));
        });
    }

    record Held(Incident incident, float[] vector) {}

    /**
     * What to look for.
     *
     * @param incident the account and its coded circumstances (its id is left out of the results)
     * @param vector the account's unit vector
     * @param otherActivity only incidents of a different activity than the probe's
     */
    record Probe(Incident incident, float[] vector, boolean otherActivity) {}

    /**
     * One incident found, with the parts of its score.
     *
     * @param meaning cosine similarity of the accounts, -1 to 1
     * @param wording BM25 relative to the best candidate's, 0 to 1
     * @param coded the share of coded circumstances and factors in common, 0 to 1
     * @param phrases words or pairs of words both accounts use and few others do
     */
    record Found(
            Incident incident,
            double score,
            double meaning,
            double wording,
            double coded,
            Set<String> sharedFactors,
            List<String> sharedCircumstances,
            List<String> phrases) {}

    /** The incidents most like the probe, best first. */
    List<Found> similar(Probe probe, int limit) {
        return withSearcher(searcher -> {
            Query filter = filterOf(probe);
            Map<Integer, double[]> candidates = new LinkedHashMap<>(); // doc -> {meaning, bm25}
            int wanted = Math.max(CANDIDATES, limit);
            // Leaving out the probe itself needs no filter (a filtered graph search is slower): ask for
            // one more and drop it. Another activity does.
            KnnFloatVectorQuery knn = probe.otherActivity()
                    ? new KnnFloatVectorQuery("vector", probe.vector(), wanted, filter)
                    : new KnnFloatVectorQuery("vector", probe.vector(), wanted + 1);
            Integer self = probe.incident().id().isEmpty()
                    ? null
                    : docOf(searcher, probe.incident().id());
            for (ScoreDoc sd : searcher.search(knn, wanted + 1).scoreDocs) {
                if (self == null || sd.doc != self) {
                    // DOT_PRODUCT scores are (1 + cosine) / 2.
                    candidates.put(sd.doc, new double[] {2 * sd.score - 1, 0});
                }
            }
            // How many incidents use each of the probe's words: looked up once in every segment, for the
            // BM25 query and again for the phrases that explain each match.
            Map<String, Integer> frequencies = new HashMap<>();
            Query words = wordsOf(searcher, probe.incident().text(), frequencies);
            double best = 0;
            if (words != null) {
                Query lexical = new BooleanQuery.Builder()
                        .add(words, BooleanClause.Occur.MUST)
                        .add(filter, BooleanClause.Occur.FILTER)
                        .build();
                TopDocs matched = searcher.search(lexical, Math.max(LEXICAL, limit));
                for (ScoreDoc sd : matched.scoreDocs) {
                    best = Math.max(best, sd.score);
                    double[] parts = candidates.get(sd.doc);
                    if (parts == null) {
                        parts = new double[] {cosine(probe.vector(), vectorOf(searcher, sd.doc)), 0};
                        candidates.put(sd.doc, parts);
                    }
                    parts[1] = sd.score;
                }
            }
            List<Found> byText = new ArrayList<>();
            Map<Incident, Integer> docs = new HashMap<>();
            for (Map.Entry<Integer, double[]> candidate : candidates.entrySet()) {
                Incident incident = codedOf(searcher, candidate.getKey());
                docs.put(incident, candidate.getKey());
                double meaning = candidate.getValue()[0];
                double wording = best > 0 ? candidate.getValue()[1] / best : 0;
                byText.add(new Found(
                        incident,
                        TEXT * meaning + (1 - TEXT) * wording,
                        meaning,
                        wording,
                        0,
                        Set.of(),
                        List.of(),
                        List.of()));
            }
            byText.sort(Comparator.comparingDouble(Found::score).reversed());
            Map<String, Double> factors = probe.incident().factors().isEmpty()
                    ? likelyFactors(byText)
                    : certain(probe.incident().factors());
            List<Found> found = new ArrayList<>();
            for (Found f : byText) {
                found.add(scored(probe.incident(), factors, f.incident(), f.meaning(), f.wording()));
            }
            found.sort(Comparator.comparingDouble(Found::score).reversed());
            List<Found> top = found.subList(0, Math.min(limit, found.size()));
            List<Found> explained = new ArrayList<>();
            Set<String> probePhrases = Phrases.candidates(probe.incident().text());
            Map<String, Double> rarity = new HashMap<>();
            for (Found f : top) {
                Incident incident = incidentOf(searcher, docs.get(f.incident()));
                explained.add(new Found(
                        incident,
                        f.score(),
                        f.meaning(),
                        f.wording(),
                        f.coded(),
                        f.sharedFactors(),
                        f.sharedCircumstances(),
                        phrases(searcher, probePhrases, incident.text(), rarity, frequencies)));
            }
            return explained;
        });
    }

    /**
     * The factors an uncoded account likely shares, from the coded incidents told most like it: each
     * factor's share of their text scores. A reviewer coding a new report sees incidents with the
     * factors it probably has, before anyone has coded it.
     */
    private static Map<String, Double> likelyFactors(List<Found> byText) {
        Map<String, Double> weights = new HashMap<>();
        double total = 0;
        int used = 0;
        for (Found f : byText) {
            if (used == NEIGHBOURS) {
                break;
            }
            if (f.incident().factors().isEmpty() || f.score() <= 0) {
                continue;
            }
            used++;
            total += f.score();
            for (String factor : f.incident().factors()) {
                weights.merge(factor, f.score(), Double::sum);
            }
        }
        double sum = total;
        weights.replaceAll((factor, weight) -> weight / sum);
        return weights;
    }

    private static Map<String, Double> certain(Set<String> factors) {
        Map<String, Double> weights = new HashMap<>();
        factors.forEach(f -> weights.put(f, 1.0));
        return weights;
    }

    /**
     * Meaning carries the most weight: it finds the same danger told in other words. Wording adds
     * the specifics both accounts name. Coded factors and circumstances count when both incidents
     * have them; the factors of an uncoded account are the likely ones, weighted by how likely.
     */
    private static Found scored(
            Incident probe, Map<String, Double> probeFactors, Incident other, double meaning, double wording) {
        Set<String> sharedFactors = new TreeSet<>();
        double common = 0;
        for (String factor : other.factors()) {
            double p = probeFactors.getOrDefault(factor, 0.0);
            common += p;
            if (p >= 0.5) {
                sharedFactors.add(factor);
            }
        }
        double probeMass =
                probeFactors.values().stream().mapToDouble(Double::doubleValue).sum();
        // Jaccard, with weights: what both have over what either has.
        double union = probeMass + other.factors().size() - common;
        boolean codedBoth = probeMass > 0 && !other.factors().isEmpty();
        double factorShare = codedBoth ? common / union : 0;
        List<String> sharedCircumstances = new ArrayList<>();
        int comparable = 0;
        for (Map.Entry<String, String> c : probe.circumstances().entrySet()) {
            String theirs = other.circumstances().get(c.getKey());
            if (theirs != null) {
                comparable++;
                if (theirs.equals(c.getValue())) {
                    sharedCircumstances.add(c.getKey());
                }
            }
        }
        double circumstanceShare = comparable > 0 ? (double) sharedCircumstances.size() / comparable : 0;
        double coded = comparable > 0 ? 0.7 * factorShare + 0.3 * circumstanceShare : factorShare;
        double text = TEXT * meaning + (1 - TEXT) * wording;
        double score = codedBoth || comparable > 0 ? (1 - CODED) * text + CODED * coded : text;
        return new Found(other, score, meaning, wording, coded, sharedFactors, sharedCircumstances, List.of());
    }

    private static Query filterOf(Probe probe) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        filter.add(new TermQuery(new Term("id", probe.incident().id())), BooleanClause.Occur.MUST_NOT);
        if (probe.otherActivity() && probe.incident().activity() != null) {
            filter.add(new TermQuery(new Term("activity", probe.incident().activity())), BooleanClause.Occur.MUST_NOT);
            // An incident with no activity coded cannot be told to be of a different one.
            filter.add(new TermQuery(new Term("coded", "activity")), BooleanClause.Occur.FILTER);
        }
        return filter.build();
    }

    /**
     * The probe's most telling words as one BM25 query: by frequency in it and rarity in the index.
     * Each word's document frequency goes into {@code frequencies}; the query's terms carry the
     * statistics already looked up, so searching does not look them up again.
     */
    private Query wordsOf(IndexSearcher searcher, String text, Map<String, Integer> frequencies) throws IOException {
        Map<String, Integer> counts = termCounts(text);
        int docs = Math.max(1, searcher.getIndexReader().numDocs());
        List<Map.Entry<String, Double>> weighted = new ArrayList<>();
        Map<String, TermStates> statistics = new HashMap<>();
        for (Map.Entry<String, Integer> term : counts.entrySet()) {
            TermStates states = TermStates.build(searcher, new Term("text", term.getKey()), true);
            int df = states.docFreq();
            frequencies.put(term.getKey(), df);
            if (df == 0) {
                continue;
            }
            statistics.put(term.getKey(), states);
            double idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
            weighted.add(Map.entry(term.getKey(), (1 + Math.log(term.getValue())) * idf));
        }
        if (weighted.isEmpty()) {
            return null;
        }
        weighted.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Map.Entry<String, Double> term : weighted.subList(0, Math.min(QUERY_TERMS, weighted.size()))) {
            Query t = new TermQuery(new Term("text", term.getKey()), statistics.get(term.getKey()));
            int tf = counts.get(term.getKey());
            query.add(tf > 1 ? new BoostQuery(t, (float) (1 + Math.log(tf))) : t, BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private Map<String, Integer> termCounts(String text) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                counts.merge(term.toString(), 1, Integer::sum);
            }
            tokens.end();
        }
        return counts;
    }

    /**
     * Up to three words or word pairs both accounts use that few other accounts do. Words the probe
     * uses are shared by both, so their frequencies are mostly known already.
     */
    private List<String> phrases(
            IndexSearcher searcher,
            Set<String> ours,
            String b,
            Map<String, Double> rarity,
            Map<String, Integer> frequencies) {
        return Phrases.shared(
                ours,
                b,
                3,
                stem -> frequencies.computeIfAbsent(stem, s -> {
                    try {
                        return searcher.getIndexReader().docFreq(new Term("text", s));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }),
                searcher.getIndexReader().numDocs(),
                analyzer,
                rarity);
    }

    private static Integer docOf(IndexSearcher searcher, String id) throws IOException {
        ScoreDoc[] found = searcher.search(new TermQuery(new Term("id", id)), 1).scoreDocs;
        return found.length == 0 ? null : found[0].doc;
    }

    private static Incident withoutText(Incident i) {
        return new Incident(
                i.id(), i.externalRef(), i.title(), i.activity(), i.factors(), i.circumstances(), "", i.month());
    }

    /** The incident without its text, from doc values (or, in an index made before them, stored). */
    private Incident codedOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        org.apache.lucene.index.BinaryDocValues coded = leaf.reader().getBinaryDocValues("incident-coded");
        if (coded == null || !coded.advanceExact(doc - leaf.docBase)) {
            return withoutText(incidentOf(searcher, doc));
        }
        BytesRef bytes = coded.binaryValue();
        return json.readValue(bytes.bytes, bytes.offset, bytes.length, Incident.class);
    }

    private Incident incidentOf(IndexSearcher searcher, int doc) throws IOException {
        return json.readValue(searcher.storedFields().document(doc).get("incident"), Incident.class);
    }

    private static float[] vectorOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues("vector");
        KnnVectorValues.DocIndexIterator it = values.iterator();
        if (it.advance(doc - leaf.docBase) != doc - leaf.docBase) {
            throw new IllegalStateException("An incident without a vector");
        }
        return values.vectorValue(it.index()).clone();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private interface SearcherWork<T> {
        T with(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.with(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search the incident index", e);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }
}
