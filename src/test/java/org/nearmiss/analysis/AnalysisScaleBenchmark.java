package org.nearmiss.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nearmiss.intake.Questionnaires;
import org.nearmiss.review.ReportPublished;
import org.nearmiss.testing.Safenet;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Similar incidents and the dashboard's aggregates at scale. Accounts are the real SAFENET
 * narratives, cycled; each report's vector is its narrative's embedding with a little noise (so no
 * two are the same), because embedding a million accounts on two cores would take two hours: the
 * embedding throughput is measured on the narratives themselves. Recall@10 of the HNSW graph is
 * measured against exact nearest neighbours computed in the same run. Run with
 *
 * <pre>./mvnw -Pbenchmark test -Dtest=AnalysisScaleBenchmark -DargLine=-Xmx4g [-Dbench.reports=1000000]</pre>
 */
@Tag("benchmark")
class AnalysisScaleBenchmark {

    private static final String[] ACTIVITIES = {
        "traffic-stop",
        "foot-pursuit",
        "disturbance",
        "warrant-service",
        "traffic-control",
        "suspicious-person",
        "prisoner",
        "mental-illness",
        "vehicle-operations",
        "training"
    };
    private static final String[] FACTORS = {
        "situational-awareness",
        "concealed-weapon",
        "equipment-failure",
        "communication",
        "complacency",
        "fatigue",
        "training",
        "policy-procedure",
        "hazardous-environment",
        "vehicle-traffic",
        "tactics"
    };
    private static final String[] LIGHTING = {"daylight", "dawn-dusk", "dark-lit", "dark-unlit", "indoors-lit"};
    private static final int QUERIES = 200;
    private static final int BATCH = 10_000;

    @Test
    void similarIncidentsAndDashboardAtScale() throws Exception {
        int n = Integer.getInteger("bench.reports", 100_000);
        List<Safenet.Report> pool = Safenet.reports();
        Embedder embedder = new Embedder();
        embedder.embed("warm up");
        long started = System.nanoTime();
        List<float[]> poolVectors = new ArrayList<>();
        for (int from = 0; from < pool.size(); from += 64) {
            poolVectors.addAll(embedder.embedAll(pool.subList(from, Math.min(pool.size(), from + 64)).stream()
                    .map(Safenet.Report::narrative)
                    .toList()));
        }
        double embedRate = pool.size() / seconds(started);

        SplittableRandom random = new SplittableRandom(7);
        float[][] vectors = new float[n][];
        Path dir = Files.createTempDirectory("nearmiss-analysis-bench");
        IncidentIndex index =
                new IncidentIndex(FSDirectory.open(dir), JsonMapper.builder().build());
        CodedFacts facts = new CodedFacts(null, new Questionnaires());
        RiskFactors risks = new RiskFactors(facts, new Questionnaires());
        started = System.nanoTime();
        for (int from = 0; from < n; from += BATCH) {
            List<Incident> incidents = new ArrayList<>();
            List<float[]> batchVectors = new ArrayList<>();
            List<ReportPublished> published = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + BATCH); i++) {
                vectors[i] = noisy(poolVectors.get(i % pool.size()), random);
                String activity = ACTIVITIES[random.nextInt(ACTIVITIES.length)];
                Set<String> factors = new HashSet<>();
                for (int f = 0; f < 1 + random.nextInt(3); f++) {
                    factors.add(FACTORS[random.nextInt(FACTORS.length)]);
                }
                String lighting = LIGHTING[random.nextInt(LIGHTING.length)];
                incidents.add(new Incident(
                        "B-" + i,
                        null,
                        null,
                        activity,
                        factors.stream().map(f -> "factors:" + f).collect(java.util.stream.Collectors.toSet()),
                        Map.of("lighting", lighting),
                        pool.get(i % pool.size()).narrative()));
                batchVectors.add(vectors[i]);
                published.add(new ReportPublished(
                        i + 1,
                        "B-" + i,
                        null,
                        null,
                        LocalDate.of(2026, 1, 1),
                        "%d-%02d".formatted(2016 + random.nextInt(10), 1 + random.nextInt(12)),
                        null,
                        "",
                        List.of(),
                        null,
                        1,
                        Map.of("activity", activity, "lighting", lighting, "factors", List.copyOf(factors)),
                        1,
                        List.of(),
                        random.nextInt(10) < 6 ? AGENCIES.get(random.nextInt(AGENCIES.size())) : null));
            }
            index.put(incidents, batchVectors);
            facts.addAll(published);
        }
        index.commit(n, Embedder.MODEL);
        index.awaitMerges(); // as the app's catch-up does: the figure includes the merges indexing started
        double indexRate = n / seconds(started);

        double[] knnTimes = new double[QUERIES];
        double[] similarTimes = new double[QUERIES];
        double recall = 0;
        for (int q = 0; q < QUERIES; q++) {
            int j = random.nextInt(n);
            Set<String> exact = exactNearest(vectors, j, 10);
            long t = System.nanoTime();
            List<String> found = index.nearest(vectors[j], 10, "B-" + j);
            knnTimes[q] = millis(t);
            recall += found.stream().filter(exact::contains).count() / 10.0;
            Incident probe = index.find("B-" + j).orElseThrow().incident();
            t = System.nanoTime();
            index.similar(new IncidentIndex.Probe(probe, vectors[j], false), 10);
            similarTimes[q] = millis(t);
        }

        RiskFactors.Filter byCall = new RiskFactors.Filter(Map.of("activity", "traffic-stop"), null, null, null);
        RiskFactors.Filter byFactorAndMonths = new RiskFactors.Filter(
                Map.of("lighting", "dark-unlit"),
                "fatigue",
                java.time.YearMonth.of(2019, 1),
                java.time.YearMonth.of(2023, 12));
        double[] all = timed(() -> risks.overview(RiskFactors.Filter.all()));
        double[] call = timed(() -> risks.overview(byCall));
        double[] narrowed = timed(() -> risks.overview(byFactorAndMonths));
        // An agency's dashboard counts three times: the agency, the nation, and twenty agencies like it.
        java.util.Set<java.util.UUID> peers = new HashSet<>(AGENCIES.subList(1, 21));
        double[] agency = timed(() -> {
            risks.tally(Set.of(AGENCIES.getFirst()), 5, null);
            risks.tally(null, 1, null);
            return risks.tally(peers, 5, null);
        });

        System.out.printf(
                "%nAnalysis at %,d reports (JDK %s, %d cores, heap max %d MB)%n",
                n,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(
                "embedding: %.0f accounts/s (%d SAFENET narratives, %s)%n", embedRate, pool.size(), Embedder.MODEL);
        System.out.printf("indexing (vectors in HNSW, words, stored incident): %.0f reports/s%n", indexRate);
        System.out.printf(
                "HNSW top 10: recall@10 %.3f against exact nearest neighbours; p50 %.1f ms, p95 %.1f ms%n",
                recall / QUERIES, p(knnTimes, 50), p(knnTimes, 95));
        System.out.printf(
                "similar incidents (meaning + BM25 + coded, with why): p50 %.1f ms, p95 %.1f ms%n",
                p(similarTimes, 50), p(similarTimes, 95));
        System.out.printf("dashboard aggregates, all reports: p50 %.1f ms, p95 %.1f ms%n", p(all, 50), p(all, 95));
        System.out.printf(
                "dashboard aggregates, one type of call: p50 %.1f ms, p95 %.1f ms%n", p(call, 50), p(call, 95));
        System.out.printf(
                "dashboard aggregates, lighting + factor + months: p50 %.1f ms, p95 %.1f ms%n",
                p(narrowed, 50), p(narrowed, 95));
        System.out.printf(
                "agency dashboard counts (agency, nation, 20 peers; %d agencies, 60%% of reports coded): p50 %.1f ms,"
                        + " p95 %.1f ms%n",
                AGENCIES.size(), p(agency, 50), p(agency, 95));
        index.close();
        FileSystemUtils.deleteRecursively(dir);
    }

    /** Participating agencies the generated reports count for. */
    private static final List<java.util.UUID> AGENCIES = java.util.stream.IntStream.range(0, 2_000)
            .mapToObj(i -> new java.util.UUID(0x4e4d, i))
            .toList();

    /** The embedding turned a little aside, as a different account of the same kind would be. */
    private static float[] noisy(float[] base, SplittableRandom random) {
        float[] v = new float[base.length];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (base[i] + random.nextGaussian() * 0.02);
            norm += v[i] * v[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private static Set<String> exactNearest(float[][] vectors, int query, int k) {
        int[] best = new int[k];
        double[] scores = new double[k];
        Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < vectors.length; i++) {
            if (i == query) {
                continue;
            }
            double s = IncidentIndex.cosine(vectors[query], vectors[i]);
            if (s > scores[k - 1]) {
                int at = k - 1;
                while (at > 0 && scores[at - 1] < s) {
                    scores[at] = scores[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                scores[at] = s;
                best[at] = i;
            }
        }
        Set<String> ids = new HashSet<>();
        for (int i : best) {
            ids.add("B-" + i);
        }
        return ids;
    }

    private static double[] timed(Supplier<?> work) {
        for (int i = 0; i < 5; i++) {
            work.get();
        }
        double[] times = new double[30];
        for (int i = 0; i < times.length; i++) {
            long t = System.nanoTime();
            work.get();
            times[i] = millis(t);
        }
        return times;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double millis(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static double p(double[] times, int percentile) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }
}
