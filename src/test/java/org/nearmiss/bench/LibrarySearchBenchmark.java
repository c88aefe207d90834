package org.nearmiss.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nearmiss.library.LibraryIndex;
import org.nearmiss.library.LibrarySearch;
import org.nearmiss.testing.PostgresDataSource;
import org.nearmiss.testing.TempDataDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The library's search at scale against what a typical web app would use instead: generates
 * {@code bench.reports} (default 1,000,000) published reports into PostgreSQL, indexes them with our
 * index (timing it), copies them into a PostgreSQL full-text table (tsvector + GIN + ts_rank), and runs
 * the same fixed queries (words + two facet filters, pages 1 and 3) against both, printing p50/p95 and
 * the ratio, after five rounds of warm-up on each side. Run with
 *
 * <pre>./mvnw -Pbenchmark test -Dtest=LibrarySearchBenchmark -DargLine=-Xmx1g [-Dbench.reports=1000000]</pre>
 *
 * (PostgreSQL from {@code NEARMISS_TEST_POSTGRES_URL}, else an embedded one.)
 */
@Tag("benchmark")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"nearmiss.library.poll-every=PT1H", "logging.level.org.nearmiss=warn"})
@ContextConfiguration(initializers = {TempDataDir.class, PostgresDataSource.class})
class LibrarySearchBenchmark {

    static final String[] ACTIVITIES = {
        "traffic-stop",
        "foot-pursuit",
        "disturbance",
        "suspicious-person",
        "warrant-service",
        "traffic-control",
        "mental-illness",
        "vehicle-operations",
        "prisoner",
        "burglary-in-progress",
        "robbery-in-progress",
        "attempting-arrest",
        "ambush",
        "traffic-pursuit",
        "tactical"
    };
    static final String[] FACTORS = {
        "situational-awareness", "concealed-weapon", "equipment-failure", "communication", "complacency", "fatigue",
        "training", "policy-procedure", "hazardous-environment", "vehicle-traffic", "tactics", "no-backup",
        "unexpected-behaviour", "distraction", "supervision"
    };
    static final String[] WORDS = ("officer partner suspect driver passenger vehicle car truck door window hand hands"
                    + " waistband pocket knife handgun pistol rifle shotgun weapon holster radio dispatch backup cover"
                    + " distance flashlight light dark night rain road shoulder highway traffic crash scene fence yard"
                    + " alley stairs hallway kitchen bedroom apartment house store parking lot stop pursuit chase ran"
                    + " turned reached pulled grabbed charged fled yelled complied refused approached called waited"
                    + " noticed saw heard felt moved stepped backed drew ordered searched handcuffed arrested struggled"
                    + " dog child neighbor caller crowd bottle bat screwdriver syringe needle taser baton vest helmet"
                    + " cones flares siren lights intersection curve ice snow fog smoke fire smell gas mental crisis"
                    + " medication warrant probation alarm burglary robbery domestic fight shots ambush routine tired"
                    + " shift overtime training policy supervisor sergeant briefing plan team entry perimeter")
            .split(" ");
    static final List<String[]> QUERIES = List.of(
            new String[] {"handgun passenger", "traffic-stop", "concealed-weapon"},
            new String[] {"knife fence", "foot-pursuit", "no-backup"},
            new String[] {"radio dispatch", "disturbance", "communication"},
            new String[] {"shoulder traffic night", "traffic-control", "vehicle-traffic"},
            new String[] {"waistband pocket", "suspicious-person", "tactics"},
            new String[] {"syringe needle", "prisoner", "complacency"},
            new String[] {"kitchen hallway", "disturbance", "situational-awareness"},
            new String[] {"intersection siren", "vehicle-operations", "fatigue"},
            new String[] {"crisis medication", "mental-illness", "unexpected-behaviour"},
            new String[] {"warrant entry perimeter", "warrant-service", "training"});
    static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    static final int WARM_UP_ROUNDS = 5;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LibraryIndex index;

    @org.springframework.beans.factory.annotation.Value("${nearmiss.data-dir}")
    java.nio.file.Path dataDir;

    @Test
    void ourSearchAgainstPostgresFullText() {
        int reports = Integer.getInteger("bench.reports", 1_000_000);
        long started = System.nanoTime();
        insert(reports);
        double insertSeconds = (System.nanoTime() - started) / 1e9;

        started = System.nanoTime();
        int indexed = index.catchUp();
        double indexSeconds = (System.nanoTime() - started) / 1e9;
        System.gc();
        long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);

        // -Dbench.postgres=false leaves the baseline out, for profiling our side only; figures for
        // the README come from runs with it.
        boolean baseline = !"false".equals(System.getProperty("bench.postgres"));
        started = System.nanoTime();
        if (baseline) {
            postgresTable();
        }
        double pgSeconds = (System.nanoTime() - started) / 1e9;
        settle();

        // Warm-up, as a server that has been answering searches is: with one round, the first timed
        // rounds still ran while the JIT compiled the search path (their slowest times came first).
        runOurs(WARM_UP_ROUNDS);
        if (baseline) {
            runPostgres(WARM_UP_ROUNDS);
        }
        double[] ours = runOurs(ROUNDS);
        double[] theirs = baseline ? runPostgres(ROUNDS) : new double[] {Double.NaN};

        System.out.printf("%nLibrary search benchmark, %,d reports%n", reports);
        System.out.printf("generating and inserting into PostgreSQL: %.1f s%n", insertSeconds);
        System.out.printf(
                "our index: %,d reports in %.1f s = %,.0f reports/s; heap in use after: %d MB (max %d MB)%n",
                indexed,
                indexSeconds,
                indexed / indexSeconds,
                heapMb,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.printf("PostgreSQL tsvector table and GIN index built in %.1f s%n", pgSeconds);
        try (var files = java.nio.file.Files.list(dataDir.resolve("library-index"))) {
            System.out.printf(
                    "our index: %d segments%n",
                    files.filter(f -> f.toString().endsWith(".si")).count());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.out.printf(
                "%d queries x %d rounds (words + 2 facet filters, pages 1 and 3)%n", QUERIES.size() * 2, ROUNDS);
        System.out.printf(
                "ours (with facet counts and highlighting): p50 %.1f ms, p95 %.1f ms%n", p(ours, 50), p(ours, 95));
        System.out.printf(
                "PostgreSQL (ts_rank, total count, no facets): p50 %.1f ms, p95 %.1f ms%n",
                p(theirs, 50), p(theirs, 95));
        System.out.printf("ratio at p95: %.1fx%n", p(theirs, 95) / p(ours, 95));
        System.out.println("ours, by query and page, median and slowest of the rounds:");
        for (int q = 0; q < QUERIES.size() * 2; q++) {
            double[] rounds = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                rounds[r] = ours[r * QUERIES.size() * 2 + q];
            }
            System.out.printf(
                    "  %-26s page %d: %5.1f / %5.1f ms%n",
                    QUERIES.get(q / 2)[0], q % 2 == 0 ? 1 : 3, p(rounds, 50), p(rounds, 100));
        }
    }

    private void insert(int reports) {
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            SplittableRandom random = new SplittableRandom(i);
            String activity = ACTIVITIES[random.nextInt(ACTIVITIES.length)];
            String f1 = FACTORS[random.nextInt(FACTORS.length)];
            String f2 = FACTORS[random.nextInt(FACTORS.length)];
            String month = "%d-%02d".formatted(2015 + random.nextInt(11), 1 + random.nextInt(12));
            String coded = "{\"activity\":\"" + activity + "\",\"factors\":[\"" + f1 + "\""
                    + (f1.equals(f2) ? "" : ",\"" + f2 + "\"")
                    + "],\"incidentMonth\":\"" + month + "\",\"lighting\":\""
                    + (random.nextBoolean() ? "daylight" : "dark-lit")
                    + "\"}";
            batch.add(new Object[] {
                "BENCH-" + i,
                java.sql.Date.valueOf("2026-01-01"),
                month,
                words(random, 6),
                words(random, 110),
                words(random, 12) + "\n" + words(random, 10),
                coded
            });
            if (batch.size() == 5_000 || i == reports - 1) {
                jdbc.batchUpdate(
                        "insert into publication (external_ref, published_on, incident_month, title, narrative, lessons,"
                                + " takeaways, questionnaire_version, coded_answers, taxonomy_version, codes)"
                                + " values (?, ?, ?, ?, ?, ?, '', 1, ?, 0, '')",
                        batch);
                batch.clear();
            }
        }
    }

    /**
     * Text as narratives are written: a third of the words from police language, the rest ordinary
     * English drawn by a Zipf law (a few words very often, most rarely), so that a query's words match
     * a realistic share of the reports rather than nearly all of them.
     */
    private static String words(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String word = random.nextInt(3) == 0 ? WORDS[random.nextInt(WORDS.length)] : zipf(random);
            text.append(i == 0 ? "" : " ").append(word);
        }
        return text.append('.').toString();
    }

    private static final String[] ENGLISH = english();
    private static final double[] ZIPF = zipfTable(ENGLISH.length, 1.07);

    private static String zipf(SplittableRandom random) {
        int at = Arrays.binarySearch(ZIPF, random.nextDouble());
        return ENGLISH[Math.min(ENGLISH.length - 1, at < 0 ? -at - 1 : at)];
    }

    private static double[] zipfTable(int n, double exponent) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int k = 1; k <= n; k++) {
            sum += 1 / Math.pow(k, exponent);
            cumulative[k - 1] = sum;
        }
        for (int k = 0; k < n; k++) {
            cumulative[k] /= sum;
        }
        return cumulative;
    }

    private static String[] english() {
        try (var in = LibrarySearchBenchmark.class.getResourceAsStream("/deidentify/ordinary-words.txt")) {
            List<String> words = new ArrayList<>(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .filter(w -> w.length() > 2)
                    .toList());
            java.util.Collections.shuffle(words, new java.util.Random(7));
            return words.toArray(String[]::new);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void postgresTable() {
        jdbc.execute("""
                create table library_fts (
                    seq bigint primary key, activity text, factors text[], title text, narrative text, lessons text,
                    tsv tsvector generated always as (setweight(to_tsvector('english', coalesce(title, '')), 'A')
                        || to_tsvector('english', narrative || ' ' || lessons)) stored)""");
        jdbc.execute("""
                insert into library_fts (seq, activity, factors, title, narrative, lessons)
                select seq, coded_answers::jsonb ->> 'activity',
                       array(select jsonb_array_elements_text(coded_answers::jsonb -> 'factors')),
                       title, narrative, lessons
                from publication""");
        jdbc.execute("create index library_fts_tsv on library_fts using gin (tsv)");
        jdbc.execute("create index library_fts_activity on library_fts (activity)");
        jdbc.execute("analyze library_fts");
    }

    /**
     * Leaves the database nothing to do in the background while either side is timed: a million new
     * rows would otherwise wake the autovacuum and the checkpointer on the same two cores mid-run.
     */
    private void settle() {
        jdbc.execute("vacuum analyze publication");
        if (jdbc.queryForObject("select to_regclass('library_fts') is not null", Boolean.class)) {
            jdbc.execute("vacuum analyze library_fts");
        }
        jdbc.execute("checkpoint");
    }

    private double[] runOurs(int rounds) {
        return timed(
                rounds,
                (q, page) -> index.search(new LibrarySearch(
                        q[0], Map.of("activity", List.of(q[1]), "factors", List.of(q[2])), null, page, 20)));
    }

    private double[] runPostgres(int rounds) {
        return timed(rounds, (q, page) -> jdbc.queryForList("""
                select seq, title, ts_rank(tsv, q) as rank, count(*) over () as total
                from library_fts, websearch_to_tsquery('english', ?) q
                where tsv @@ q and activity = ? and ? = any (factors)
                order by rank desc limit 20 offset ?""", q[0], q[1], q[2], (page - 1) * 20));
    }

    /** Milliseconds of every query at pages 1 and 3, over the rounds. */
    private static double[] timed(int rounds, java.util.function.BiConsumer<String[], Integer> query) {
        double[] times = new double[rounds * QUERIES.size() * 2];
        int n = 0;
        for (int r = 0; r < rounds; r++) {
            for (String[] q : QUERIES) {
                for (int page : new int[] {1, 3}) {
                    long t = System.nanoTime();
                    query.accept(q, page);
                    times[n++] = (System.nanoTime() - t) / 1e6;
                }
            }
        }
        return times;
    }

    private static double p(double[] times, int percentile) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }
}
