package org.nearmiss.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nearmiss.testing.Safenet;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores similar incidents on the labelled SAFENET near misses: for every report with a label, the
 * ten most similar others are relevant when they share a contributing-factor or human-factor label.
 * Precision@10 and nDCG@10 of our similarity against plain BM25 over the same narratives, in the same
 * run. Similarity sees the text only, never the labels (a new account has none). Run with
 *
 * <pre>./mvnw -Pbenchmark test -Dtest=SimilarityQualityBenchmark [-Dsafenet.path=FILE]</pre>
 */
@Tag("benchmark")
class SimilarityQualityBenchmark {

    private static final int K = 10;

    @Test
    void scoreAgainstBm25() throws IOException {
        List<Safenet.Report> reports = Safenet.reports();
        Embedder embedder = new Embedder();
        embedder.embed("warm up");

        long started = System.nanoTime();
        List<float[]> vectors = new ArrayList<>();
        for (int from = 0; from < reports.size(); from += 64) {
            List<String> batch = reports.subList(from, Math.min(reports.size(), from + 64)).stream()
                    .map(Safenet.Report::narrative)
                    .toList();
            vectors.addAll(embedder.embedAll(batch));
        }
        double embedSeconds = (System.nanoTime() - started) / 1e9;

        List<Incident> incidents = incidentsOf(reports, false);
        IncidentIndex ours = indexOf(incidents, vectors);

        Analyzer analyzer = new EnglishAnalyzer();
        ByteBuffersDirectory plain = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(plain, new IndexWriterConfig(analyzer))) {
            for (Safenet.Report r : reports) {
                Document doc = new Document();
                doc.add(new StringField("id", r.id(), Field.Store.YES));
                doc.add(new TextField("text", r.narrative(), Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        IndexSearcher bm25 = new IndexSearcher(DirectoryReader.open(plain));
        IndexSearcher.setMaxClauseCount(8192);

        Map<String, Safenet.Report> byId = new HashMap<>();
        reports.forEach(r -> byId.put(r.id(), r));
        Scores baseline = new Scores();
        Scores meaning = new Scores();
        Scores hybrid = new Scores();
        long hybridNanos = 0;
        for (int i = 0; i < reports.size(); i++) {
            Safenet.Report query = reports.get(i);
            if (query.labels().isEmpty()) {
                continue;
            }
            int relevantInAll = relevantInAll(query, reports);
            List<String> plainTop = new ArrayList<>();
            for (ScoreDoc sd : bm25.search(bagOfWords(analyzer, query), K).scoreDocs) {
                plainTop.add(bm25.storedFields().document(sd.doc).get("id"));
            }
            baseline.add(query, plainTop, byId, relevantInAll);
            meaning.add(query, nearestByMeaning(i, reports, vectors), byId, relevantInAll);
            long t = System.nanoTime();
            List<IncidentIndex.Found> found =
                    ours.similar(new IncidentIndex.Probe(incidents.get(i), vectors.get(i), false), K);
            hybridNanos += System.nanoTime() - t;
            hybrid.add(query, found.stream().map(f -> f.incident().id()).toList(), byId, relevantInAll);
        }
        System.out.printf(
                "%nSAFENET: %d reports, %d queries with a label; embedding %.0f reports/s (%s)%n",
                reports.size(), hybrid.queries, reports.size() / embedSeconds, Embedder.MODEL);
        System.out.printf("%-28s %8s %8s%n", "", "P@10", "nDCG@10");
        baseline.print("BM25 (baseline)");
        meaning.print("meaning only (embeddings)");
        hybrid.print("Nearmiss similarity");
        System.out.printf(
                "ratio to BM25: P@10 %.2fx, nDCG@10 %.2fx; similarity %.1f ms per query on average%n",
                hybrid.precision() / baseline.precision(),
                hybrid.ndcg() / baseline.ndcg(),
                hybridNanos / 1e6 / hybrid.queries);
        ours.close();

        // What the measure rewards: the same ten reports for every query, those with the most labels
        // (a report with many labels shares one with almost any other). It ignores the query and
        // reads the answer key, so it is no method; it shows what a score near it would mean.
        List<Safenet.Report> mostLabelled = new ArrayList<>(reports);
        mostLabelled.sort(
                (a, b) -> Integer.compare(b.labels().size(), a.labels().size()));
        Scores constant = new Scores();
        for (Safenet.Report query : reports) {
            if (!query.labels().isEmpty()) {
                List<String> top = mostLabelled.stream()
                        .filter(r -> r != query)
                        .limit(K)
                        .map(Safenet.Report::id)
                        .toList();
                constant.add(query, top, byId, relevantInAll(query, reports));
            }
        }
        constant.print("same 10 most-labelled");
        System.out.printf(
                "ratio to BM25: P@10 %.2fx, nDCG@10 %.2fx (the query unread)%n",
                constant.precision() / baseline.precision(), constant.ndcg() / baseline.ndcg());

        // The reviewer's case: a new, uncoded account against a library whose reports are coded.
        IncidentIndex library = indexOf(incidentsOf(reports, true), vectors);
        Scores uncoded = new Scores();
        for (int i = 0; i < reports.size(); i++) {
            Safenet.Report query = reports.get(i);
            if (query.labels().isEmpty()) {
                continue;
            }
            int relevantInAll = relevantInAll(query, reports);
            List<IncidentIndex.Found> found =
                    library.similar(new IncidentIndex.Probe(incidents.get(i), vectors.get(i), false), K);
            uncoded.add(query, found.stream().map(f -> f.incident().id()).toList(), byId, relevantInAll);
        }
        uncoded.print("uncoded account, coded library");
        System.out.printf(
                "ratio to BM25: P@10 %.2fx, nDCG@10 %.2fx%n",
                uncoded.precision() / baseline.precision(), uncoded.ndcg() / baseline.ndcg());
        library.close();
    }

    /** The reports as incidents: their narratives, and their labels as coded factors if {@code coded}. */
    private static List<Incident> incidentsOf(List<Safenet.Report> reports, boolean coded) {
        List<Incident> incidents = new ArrayList<>();
        for (Safenet.Report r : reports) {
            incidents.add(
                    new Incident(r.id(), null, null, null, coded ? r.labels() : Set.of(), Map.of(), r.narrative()));
        }
        return incidents;
    }

    private static IncidentIndex indexOf(List<Incident> incidents, List<float[]> vectors) {
        IncidentIndex index = new IncidentIndex(
                new ByteBuffersDirectory(), JsonMapper.builder().build());
        index.put(incidents, vectors);
        index.commit(0, Embedder.MODEL);
        return index;
    }

    /** How many other reports share a label with this one. */
    private static int relevantInAll(Safenet.Report query, List<Safenet.Report> reports) {
        int relevant = 0;
        for (Safenet.Report other : reports) {
            if (other != query && !Collections.disjoint(other.labels(), query.labels())) {
                relevant++;
            }
        }
        return relevant;
    }

    /** Plain BM25: every word of the narrative, as often as it occurs. */
    private static Query bagOfWords(Analyzer analyzer, Safenet.Report query) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        try (TokenStream tokens = analyzer.tokenStream("text", query.narrative())) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                counts.merge(term.toString(), 1, Integer::sum);
            }
            tokens.end();
        }
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        counts.forEach((term, n) ->
                words.add(new BoostQuery(new TermQuery(new Term("text", term)), n), BooleanClause.Occur.SHOULD));
        return new BooleanQuery.Builder()
                .add(words.build(), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term("id", query.id())), BooleanClause.Occur.MUST_NOT)
                .build();
    }

    private static List<String> nearestByMeaning(int query, List<Safenet.Report> reports, List<float[]> vectors) {
        List<Integer> order = new ArrayList<>();
        double[] score = new double[reports.size()];
        for (int j = 0; j < reports.size(); j++) {
            if (j != query) {
                order.add(j);
                score[j] = IncidentIndex.cosine(vectors.get(query), vectors.get(j));
            }
        }
        order.sort((a, b) -> Double.compare(score[b], score[a]));
        return order.subList(0, K).stream().map(j -> reports.get(j).id()).toList();
    }

    private static final class Scores {
        int queries;
        double precision;
        double ndcg;

        void add(Safenet.Report query, List<String> top, Map<String, Safenet.Report> byId, int relevantInAll) {
            double dcg = 0;
            int hits = 0;
            for (int rank = 0; rank < top.size() && rank < K; rank++) {
                if (!Collections.disjoint(byId.get(top.get(rank)).labels(), query.labels())) {
                    hits++;
                    dcg += 1 / (Math.log(rank + 2) / Math.log(2));
                }
            }
            double ideal = 0;
            for (int rank = 0; rank < Math.min(K, relevantInAll); rank++) {
                ideal += 1 / (Math.log(rank + 2) / Math.log(2));
            }
            queries++;
            precision += (double) hits / K;
            ndcg += ideal == 0 ? 0 : dcg / ideal;
        }

        double precision() {
            return precision / queries;
        }

        double ndcg() {
            return ndcg / queries;
        }

        void print(String name) {
            System.out.printf("%-28s %8.3f %8.3f%n", name, precision(), ndcg());
        }
    }
}
