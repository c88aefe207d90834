package org.nearmiss.deidentify;

import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nearmiss.bench.DeidentificationSafenetLabelled;
import org.nearmiss.bench.DeidentificationScoreBenchmark;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains the {@link EntityModel} and writes the weights the application ships. Run with
 *
 * <pre>./mvnw -Pbenchmark test -Dtest=EntityModelTraining [-Dpii.path=FILE] [-Dentity-model.out=FILE]
 *     [-Dentity-model.check=true] [-Dentity-model.show=true]</pre>
 *
 * <p>It learns from the <em>tuning part</em> of the Presidio evaluator's labelled sentences (the split
 * of {@link DeidentificationScoreBenchmark}: held-out sentences are skipped unread) and from {@value
 * #OFFICER_SENTENCES} officers' sentences made from templates ({@link OfficerSentences}), reading the
 * rules' marks on each as features. How sure the model must be before it acts on the rules' marks
 * ({@link EntityModel.Confidence}) is chosen by {@value #FOLDS}-fold cross-validation within the
 * tuning part (folds by sentence template), on the lower end of a 95% interval of each precision, not
 * its point estimate. {@code entity-model.check} first runs the whole procedure once per fold left out
 * and scores it there, rules alone against rules and model; {@code entity-model.show} prints every
 * mark the model made in cross-validation (tuning sentences only). Everything is seeded: the same data
 * gives the same file, byte for byte.
 */
@Tag("benchmark")
class EntityModelTraining {

    static final long SEED = 20261202L;
    static final int EPOCHS = 10;
    static final int OFFICER_SENTENCES = 300;
    static final int FOLDS = 4;
    /** Marks the model adds beside the rules: right at least this often... */
    static final double BESIDE_PRECISION = 0.6;
    /** ...and the kind's marks, the rules' and the model's, this often (the goal is 0.80; room for chance). */
    static final double COMBINED_PRECISION = 0.85;
    /** A rule's mark given another kind, or widened: the new kind right at least this often... */
    static final double RELABEL_PRECISION = 0.75;
    /** ...and the old kind, which is lost, right at most this often. */
    static final double RELABEL_LOSS = 0.25;
    /** Fewer marks than this at a lead say nothing about its precision. */
    static final int LEAST_MARKS = 8;
    /** How often a name's own word-list entries are hidden in training, so that it learns names no list has. */
    static final double FORGET_LISTS = 0.2;
    /** Averaged weights smaller than this are left out of the shipped file. */
    static final float SMALLEST_WEIGHT = 0.002f;

    /** Prints each mark the model makes in cross-validation (tuning part only). */
    private static final boolean SHOW = Boolean.getBoolean("entity-model.show");

    private static final String FOLD_SEED = "nearmiss entity model folds";

    /** The labelled types whose spans the tagger learns, and as what. */
    private static final Map<String, Kind> LEARNED = Map.of(
            "PERSON", Kind.PERSON,
            "GPE", Kind.PLACE,
            "ORGANIZATION", Kind.AGENCY,
            "STREET_ADDRESS", Kind.ADDRESS,
            "ZIP_CODE", Kind.ADDRESS);

    /** As in the benchmark: the labelled types a mark of each kind is right on. */
    private static final Map<Kind, Set<String>> RIGHT_ON = Map.of(
            Kind.PERSON, Set.of("PERSON"),
            Kind.PLACE, Set.of("GPE"),
            Kind.AGENCY, Set.of("ORGANIZATION"),
            Kind.ADDRESS, Set.of("STREET_ADDRESS", "ZIP_CODE", "GPE"));

    record Gold(int start, int end, Kind kind) {}

    /** A labelled span as the set names it, for scoring. */
    record Typed(int start, int end, String type) {}

    record Labelled(String text, List<Gold> spans, String template, List<Typed> typed) {
        Labelled(String text, List<Gold> spans, String template) {
            this(text, spans, template, List.of());
        }
    }

    /** The same as the test, without Maven: {@code java -cp target/classes:target/test-classes:… EntityModelTraining}. */
    public static void main(String[] args) throws IOException {
        new EntityModelTraining().trainAndWriteTheShippedModel();
    }

    @Test
    void trainAndWriteTheShippedModel() throws IOException {
        Path pii = Path.of(System.getProperty("pii.path", "../shared/data/pii/synth_dataset_v2.json"));
        Assumptions.assumeTrue(
                Files.isRegularFile(pii), "No labelled set at " + pii.toAbsolutePath() + "; pass -Dpii.path=FILE");
        Path out = Path.of(System.getProperty("entity-model.out", "src/main/resources/" + EntityModel.RESOURCE));
        Lexicon lexicon = Lexicon.shipped();

        List<Labelled> tuning = tuningPart(pii, lexicon);
        tuning.addAll(officerPassages(lexicon));
        List<Labelled> officers = new OfficerSentences(lexicon, brands(), new Random(SEED)).make(OFFICER_SENTENCES);
        System.out.printf(
                "%nEntity model: %d labelled tuning sentences and passages, %d officers' template sentences, %d epochs%n",
                tuning.size(), officers.size(), EPOCHS);

        if (Boolean.getBoolean("entity-model.check")) {
            checkTheProcedure(tuning, officers, lexicon);
        }
        EntityModel.Confidence confidence = crossValidated(tuning, officers, lexicon, -1);

        Trained trained = train(concat(tuning, officers), lexicon);
        write(trained, confidence, out);
        System.out.printf(
                "Wrote %s: %d features, %d weights, %,d bytes; %s%n",
                out, trained.features(), trained.weights(), Files.size(out), confidence);
    }

    /** The confidence chosen by cross-validation over the tuning part's folds, leaving out one if asked. */
    static EntityModel.Confidence crossValidated(
            List<Labelled> tuning, List<Labelled> officers, Lexicon lexicon, int leftOut) {
        Folds folds = new Folds();
        for (int fold = 0; fold < FOLDS; fold++) {
            if (fold == leftOut) {
                continue;
            }
            List<Labelled> train = new ArrayList<>(officers);
            List<Labelled> test = new ArrayList<>();
            for (Labelled sample : tuning) {
                int f = fold(sample.template());
                if (f != leftOut) {
                    (f == fold ? test : train).add(sample);
                }
            }
            folds.score(train(train, lexicon).model(EntityModel.Confidence.NEVER), test);
        }
        return folds.confidence();
    }

    /**
     * The whole procedure run once per fold with that fold left out (confidence cross-validated on
     * the rest, a model trained on all the rest) and scored on it, rules alone against rules and
     * model: whether what the procedure ships keeps its promise on sentences it never saw.
     */
    static void checkTheProcedure(List<Labelled> tuning, List<Labelled> officers, Lexicon lexicon) {
        Map<String, int[]> before = new TreeMap<>();
        Map<String, int[]> after = new TreeMap<>();
        for (int outer = 0; outer < FOLDS; outer++) {
            EntityModel.Confidence confidence = crossValidated(tuning, officers, lexicon, outer);
            List<Labelled> train = new ArrayList<>(officers);
            List<Labelled> test = new ArrayList<>();
            for (Labelled sample : tuning) {
                (fold(sample.template()) == outer ? test : train).add(sample);
            }
            EntityModel model = train(train, lexicon).model(confidence);
            tally(new Deidentifier(EntityModel::none), test, before);
            tally(new Deidentifier(() -> model), test, after);
        }
        System.out.printf("%nThe procedure, each fold left out in turn (rules alone -> rules and model)%n");
        before.forEach((key, b) -> {
            int[] a = after.getOrDefault(key, new int[2]);
            System.out.printf(
                    "  %-24s %.3f (%d of %d) -> %.3f (%d of %d)%n",
                    key, (double) b[0] / b[1], b[0], b[1], (double) a[0] / a[1], a[0], a[1]);
        });
    }

    private static void tally(Deidentifier deidentifier, List<Labelled> test, Map<String, int[]> counts) {
        for (Labelled sample : test) {
            List<Suggestion> marks = deidentifier.suggest(sample.text());
            for (Typed gold : sample.typed()) {
                if (LEARNED.containsKey(gold.type())) {
                    int[] c = counts.computeIfAbsent("recall " + gold.type(), k -> new int[2]);
                    c[0] += marks.stream().anyMatch(s -> rightOn(s.kind(), gold, s)) ? 1 : 0;
                    c[1]++;
                }
            }
            for (Suggestion s : marks) {
                if (EntityModel.KINDS.contains(s.kind())) {
                    int[] c = counts.computeIfAbsent("precision " + s.kind(), k -> new int[2]);
                    c[0] += right(s.kind(), s, sample) ? 1 : 0;
                    c[1]++;
                }
            }
        }
    }

    /** The tuning part of the labelled set, as training sentences; held-out samples are skipped unread. */
    static List<Labelled> tuningPart(Path file, Lexicon lexicon) throws IOException {
        JsonNode samples = JsonMapper.builder().build().readTree(Files.readString(file));
        List<Labelled> tuning = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            JsonNode sample = samples.get(i);
            if (DeidentificationScoreBenchmark.heldOut(sample, i)) {
                continue;
            }
            String text = sample.get("full_text").asString();
            List<Gold> spans = new ArrayList<>();
            List<Typed> typed = new ArrayList<>();
            for (JsonNode span : sample.get("spans")) {
                int start = span.get("start_position").asInt();
                int end = span.get("end_position").asInt();
                String type = span.get("entity_type").asString();
                typed.add(new Typed(start, end, type));
                Kind kind = LEARNED.get(type);
                // States and countries are kept in published reports, so the tagger learns them as no mark.
                if (kind != null && !(kind == Kind.PLACE && allOrdinary(text.substring(start, end), lexicon))) {
                    spans.add(new Gold(start, end, kind));
                }
            }
            String template =
                    sample.has("template_id") ? sample.get("template_id").asString() : "index " + i;
            tuning.add(new Labelled(text, spans, template, typed));
        }
        return tuning;
    }

    /** The officers' passages' labels as the labelled set names its types, for training and scoring alike. */
    private static final Map<String, String> OFFICER_TYPES =
            Map.of("PERSON", "PERSON", "PLACE", "GPE", "AGENCY", "ORGANIZATION", "ADDRESS", "STREET_ADDRESS");

    /**
     * The tuning half of the project's hand-written officers' passages ({@code officer-sentences.jsonl},
     * split as {@link DeidentificationSafenetLabelled} splits them); held-out passages are skipped unread.
     */
    static List<Labelled> officerPassages(Lexicon lexicon) throws IOException {
        List<Labelled> passages = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        try (var in = EntityModelTraining.class.getResourceAsStream("/deidentify/officer-sentences.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                String id = node.get("id").asString();
                if (DeidentificationSafenetLabelled.heldOut(id)) {
                    continue;
                }
                List<Gold> spans = new ArrayList<>();
                List<Typed> typed = new ArrayList<>();
                for (JsonNode span : node.get("spans")) {
                    int start = span.get("start").asInt();
                    int end = span.get("end").asInt();
                    String type = OFFICER_TYPES.getOrDefault(
                            span.get("type").asString(), span.get("type").asString());
                    typed.add(new Typed(start, end, type));
                    Kind kind = LEARNED.get(type);
                    String text = node.get("text").asString();
                    if (kind != null && !(kind == Kind.PLACE && allOrdinary(text.substring(start, end), lexicon))) {
                        spans.add(new Gold(start, end, kind));
                    }
                }
                passages.add(new Labelled(node.get("text").asString(), spans, id, typed));
            }
        }
        return passages;
    }

    private static boolean allOrdinary(String span, Lexicon lexicon) {
        return Arrays.stream(span.split("[^\\p{L}\\p{M}'’-]+"))
                .filter(w -> !w.isEmpty())
                .allMatch(lexicon::isOrdinary);
    }

    /** Which fold a template falls in, by a hash of its id alone. */
    static int fold(String template) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((FOLD_SEED + template).getBytes(StandardCharsets.UTF_8));
            return (digest[0] & 0xff) % FOLDS;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A mark the model made on a fold it did not learn from, and whether it was right. */
    record Mark(float lead, boolean right, boolean wasRight, List<Typed> newlyFound) {}

    /**
     * What the model did on the folds it did not learn from, beside the rules (marks of its own) and
     * over them (kinds it would give rule marks), and the confidence chosen from it.
     */
    static final class Folds {

        private final Map<Kind, List<Mark>> beside = new EnumMap<>(Kind.class);
        private final Map<String, List<Mark>> relabels = new TreeMap<>();
        private final Map<Kind, int[]> rules = new EnumMap<>(Kind.class);
        private final Map<String, int[]> missedByRules = new TreeMap<>();

        void score(EntityModel model, List<Labelled> test) {
            Deidentifier ruleBook = new Deidentifier(EntityModel::none);
            for (Labelled sample : test) {
                String text = sample.text();
                List<Suggestion> ruled = ruleBook.suggest(text);
                List<Typed> missed = new ArrayList<>();
                for (Typed gold : sample.typed()) {
                    if (LEARNED.containsKey(gold.type()) && ruled.stream().noneMatch(s -> rightOn(s.kind(), gold, s))) {
                        missed.add(gold);
                        missedByRules.computeIfAbsent(gold.type(), t -> new int[1])[0]++;
                    }
                }
                for (Suggestion r : ruled) {
                    if (EntityModel.KINDS.contains(r.kind())) {
                        int[] c = rules.computeIfAbsent(r.kind(), k -> new int[2]);
                        c[0] += right(r.kind(), r, sample) ? 1 : 0;
                        c[1]++;
                    }
                }
                List<EntityModel.Span> spans = model.spans(text, ruled);
                for (EntityModel.Change change : EntityModel.changes(ruled, spans)) {
                    if (change.to() != null && change.to() == change.mark().kind()) {
                        Suggestion r = change.mark();
                        boolean now = onlyIdentifying(text, change, sample);
                        relabels.computeIfAbsent(
                                        EntityModel.Confidence.pair(r.kind(), r.kind()), k -> new ArrayList<>())
                                .add(new Mark(change.lead(), now, false, List.of()));
                        show(
                                now ? "right" : "WRONG",
                                "wider " + r.kind(),
                                change.lead(),
                                text,
                                new Suggestion(change.start(), change.end(), r.kind(), "?", "scored"));
                    } else if (change.to() != null) {
                        Suggestion r = change.mark();
                        boolean now = right(change.to(), r, sample);
                        relabels.computeIfAbsent(
                                        EntityModel.Confidence.pair(r.kind(), change.to()), k -> new ArrayList<>())
                                .add(new Mark(change.lead(), now, right(r.kind(), r, sample), List.of()));
                        show(now ? "right" : "WRONG", r.kind() + ">" + change.to(), change.lead(), text, r);
                    }
                }
                for (EntityModel.Span span : spans) {
                    Suggestion s = new Suggestion(span.start(), span.end(), span.kind(), "?", "scored");
                    if (ruled.stream().noneMatch(r -> r.overlaps(s))) {
                        boolean right = right(s.kind(), s, sample);
                        List<Typed> found = missed.stream()
                                .filter(g -> rightOn(s.kind(), g, s))
                                .toList();
                        beside.computeIfAbsent(s.kind(), k -> new ArrayList<>())
                                .add(new Mark(span.lead(), right, false, found));
                        show(right ? "right" : "WRONG", s.kind().name(), span.lead(), text, s);
                    }
                }
            }
        }

        private static void show(String verdict, String what, float lead, String text, Suggestion s) {
            if (SHOW) {
                System.out.printf(
                        "  %s %s %.2f %-30s in: %s%n",
                        verdict, what, lead, text.substring(s.start(), s.end()), text.replace("\n", "⏎"));
            }
        }

        /**
         * For each kind, the least lead at which the marks the model adds beside the rules were right
         * at least {@value #BESIDE_PRECISION} of the time and the kind's marks, the rules' and the model's
         * together, at least {@value #COMBINED_PRECISION}; for each change of kind, the least lead at
         * which the new kind was right at least {@value #RELABEL_PRECISION} of the time and the old one
         * at most {@value #RELABEL_LOSS}. Counted from the surest mark down, at least {@value #LEAST_MARKS}
         * marks; a kind or change that never qualifies is never made.
         */
        EntityModel.Confidence confidence() {
            System.out.printf("Cross-validated on %d folds of the tuning part%n", FOLDS);
            System.out.printf(
                    "  the rules' own marks (right of all): %s; labelled spans they missed: %s%n",
                    rules.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1])
                            .toList(),
                    missedByRules.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()[0])
                            .toList());
            Map<Kind, Float> besideThresholds = new EnumMap<>(Kind.class);
            beside.forEach((kind, marks) -> {
                int[] own = rules.getOrDefault(kind, new int[2]);
                Float threshold = choose(
                        "beside " + kind,
                        marks,
                        (n, right, wasRight) -> surely(right, n) >= BESIDE_PRECISION
                                && own[0] + right >= COMBINED_PRECISION * (own[1] + n));
                if (threshold != null) {
                    besideThresholds.put(kind, threshold);
                }
            });
            Map<String, Float> relabelThresholds = new TreeMap<>();
            relabels.forEach((pair, marks) -> {
                String[] kinds = pair.split(">");
                boolean widening = kinds[0].equals(kinds[1]);
                Float threshold = choose(
                        "relabel " + pair,
                        marks,
                        (n, right, wasRight) -> surely(right, n) >= RELABEL_PRECISION
                                && (widening || 1 - surely(n - wasRight, n) <= RELABEL_LOSS));
                if (threshold != null) {
                    relabelThresholds.put(pair, threshold);
                }
            });
            return new EntityModel.Confidence(besideThresholds, relabelThresholds);
        }

        /**
         * The lower end of the 95% Wilson interval of a proportion: on a few dozen marks a point estimate
         * is chance as much as skill, and the lead chosen from it moved from fold to fold.
         */
        static double surely(int hits, int n) {
            double z = 1.96;
            double p = (double) hits / n;
            double centre = p + z * z / (2 * n);
            double spread = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
            return (centre - spread) / (1 + z * z / n);
        }

        interface Enough {
            boolean test(int marks, int right, int wasRight);
        }

        private static Float choose(String what, List<Mark> marks, Enough enough) {
            List<Mark> sorted = marks.stream()
                    .sorted((a, b) -> Float.compare(b.lead(), a.lead()))
                    .toList();
            int right = 0;
            int wasRight = 0;
            Float chosen = null;
            int chosenAt = 0;
            for (int i = 0; i < sorted.size(); i++) {
                right += sorted.get(i).right() ? 1 : 0;
                wasRight += sorted.get(i).wasRight() ? 1 : 0;
                int n = i + 1;
                boolean tie = n < sorted.size()
                        && sorted.get(n).lead() == sorted.get(i).lead();
                if (!tie && n >= LEAST_MARKS && enough.test(n, right, wasRight)) {
                    chosen = sorted.get(i).lead();
                    chosenAt = n;
                }
            }
            List<Mark> kept = sorted.subList(0, chosenAt);
            Map<String, Long> gained = new TreeMap<>();
            kept.stream()
                    .flatMap(m -> m.newlyFound().stream())
                    .distinct()
                    .forEach(g -> gained.merge(g.type(), 1L, Long::sum));
            System.out.printf(
                    "  %-24s %4d marks; %s%n",
                    what,
                    sorted.size(),
                    chosen == null
                            ? "never sure enough"
                            : String.format(
                                    "from lead %.2f: %d marks, %d right (%d right before)%s",
                                    chosen,
                                    chosenAt,
                                    kept.stream().filter(Mark::right).count(),
                                    kept.stream().filter(Mark::wasRight).count(),
                                    gained.isEmpty() ? "" : ", finds what the rules missed: " + gained));
            return chosen;
        }
    }

    private static boolean rightOn(Kind kind, Typed gold, Suggestion s) {
        return RIGHT_ON.getOrDefault(kind, Set.of()).contains(gold.type()) && overlap(s, gold);
    }

    private static boolean right(Kind kind, Suggestion s, Labelled sample) {
        return sample.typed().stream().anyMatch(g -> rightOn(kind, g, s));
    }

    /** Whether every letter or digit a widening adds lies inside a labelled span, of whatever type. */
    private static boolean onlyIdentifying(String text, EntityModel.Change change, Labelled sample) {
        for (int i = change.start(); i < change.end(); i++) {
            int at = i;
            boolean added = i < change.mark().start() || i >= change.mark().end();
            if (added
                    && Character.isLetterOrDigit(text.charAt(i))
                    && sample.typed().stream().noneMatch(g -> g.start() <= at && at < g.end())) {
                return false;
            }
        }
        return true;
    }

    private static boolean overlap(Suggestion s, Typed g) {
        return s.start() < g.end() && g.start() < s.end();
    }

    private static List<Labelled> concat(List<Labelled> a, List<Labelled> b) {
        List<Labelled> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> brands() throws IOException {
        try (var in = EntityModelTraining.class.getClassLoader().getResourceAsStream("deidentify/domain-words.txt")) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .filter(line -> Character.isUpperCase(line.charAt(0)))
                    .toList();
        }
    }

    /** The gold tag of each word of a sentence: the longest labelled span over it wins. */
    static int[] tags(Words sentence, Labelled sample) {
        int[] tags = new int[sentence.size()];
        int[] owner = new int[sentence.size()];
        Arrays.fill(owner, -1);
        List<Gold> spans = new ArrayList<>(sample.spans());
        spans.sort((a, b) -> Integer.compare(b.end() - b.start(), a.end() - a.start()));
        for (int g = 0; g < spans.size(); g++) {
            Gold gold = spans.get(g);
            boolean free = true;
            for (int t = 0; t < sentence.size(); t++) {
                if (sentence.start(t) < gold.end() && gold.start() < sentence.end(t) && owner[t] >= 0) {
                    free = false;
                }
            }
            if (!free) {
                continue;
            }
            int k = EntityModel.KINDS.indexOf(gold.kind());
            boolean first = true;
            for (int t = 0; t < sentence.size(); t++) {
                if (sentence.start(t) < gold.end() && gold.start() < sentence.end(t)) {
                    owner[t] = g;
                    tags[t] = first ? 1 + 2 * k : 2 + 2 * k;
                    first = false;
                }
            }
        }
        return tags;
    }

    /** The averaged weights of a training run, by feature. */
    record Trained(Map<String, float[]> averaged) {

        int features() {
            return averaged.size();
        }

        long weights() {
            return averaged.values().stream()
                    .mapToLong(row -> {
                        int n = 0;
                        for (float w : row) {
                            n += w != 0 ? 1 : 0;
                        }
                        return n;
                    })
                    .sum();
        }

        EntityModel model(EntityModel.Confidence confidence) {
            EntityModel.Weights weights = new EntityModel.Weights(averaged.size());
            averaged.forEach((feature, row) -> weights.put(EntityModel.FeatureHash.of(feature), row));
            return new EntityModel(weights, confidence);
        }
    }

    /** An averaged perceptron, greedy left to right as the model tags, with a fixed seed. */
    static Trained train(List<Labelled> samples, Lexicon lexicon) {
        Perceptron perceptron = new Perceptron();
        Random random = new Random(SEED);
        List<Labelled> order = new ArrayList<>(samples);
        float[] scores = new float[EntityModel.TAGS];
        Deidentifier rules = new Deidentifier(EntityModel::none);
        Map<Labelled, List<Suggestion>> ruled = new HashMap<>();
        for (Labelled sample : samples) {
            ruled.put(sample, rules.suggest(sample.text()));
        }
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            int wrong = 0;
            int words = 0;
            for (Labelled sample : order) {
                Words sentence = new Words(sample.text(), lexicon, ruled.get(sample));
                int[] gold = tags(sentence, sample);
                for (int t = 0; t < sentence.size(); t++) {
                    if (gold[t] != 0 && random.nextDouble() < FORGET_LISTS) {
                        sentence.forgetLists(t);
                    }
                }
                int[] tags = new int[sentence.size()];
                for (int t = 0; t < sentence.size(); t++) {
                    List<String> features = new ArrayList<>(32);
                    sentence.features(t, t > 0 ? tags[t - 1] : -1, t > 1 ? tags[t - 2] : -1, new Words.Features() {
                        @Override
                        public void add(String name, String value) {
                            features.add(name + value);
                        }

                        @Override
                        public void add(String name, String value, String other) {
                            features.add(name + value + "|" + other);
                        }
                    });
                    perceptron.score(features, scores);
                    int previous = t > 0 ? tags[t - 1] : 0;
                    int best = 0;
                    for (int tag = 1; tag < EntityModel.TAGS; tag++) {
                        if (EntityModel.allowed(previous, tag) && scores[tag] > scores[best]) {
                            best = tag;
                        }
                    }
                    if (best != gold[t]) {
                        perceptron.update(features, gold[t], 1f);
                        perceptron.update(features, best, -1f);
                        wrong++;
                    }
                    perceptron.tick();
                    tags[t] = best;
                    words++;
                }
            }
            if (epoch == EPOCHS - 1) {
                System.out.printf(
                        "  training on %d sentences: last epoch %d of %d words mistagged%n",
                        samples.size(), wrong, words);
            }
        }
        return new Trained(perceptron.averaged());
    }

    private static final class Perceptron {

        private final Map<String, Integer> rows = new HashMap<>();
        private final List<String> names = new ArrayList<>();
        private float[] weights = new float[1 << 16];
        private double[] totals = new double[1 << 16];
        private int[] stamps = new int[1 << 16];
        private int now;

        void score(List<String> features, float[] scores) {
            Arrays.fill(scores, 0f);
            for (String feature : features) {
                Integer row = rows.get(feature);
                if (row != null) {
                    int offset = row * EntityModel.TAGS;
                    for (int t = 0; t < EntityModel.TAGS; t++) {
                        scores[t] += weights[offset + t];
                    }
                }
            }
        }

        void update(List<String> features, int tag, float delta) {
            for (String feature : features) {
                int i = row(feature) * EntityModel.TAGS + tag;
                totals[i] += (double) (now - stamps[i]) * weights[i];
                stamps[i] = now;
                weights[i] += delta;
            }
        }

        void tick() {
            now++;
        }

        private int row(String feature) {
            Integer row = rows.get(feature);
            if (row == null) {
                row = names.size();
                rows.put(feature, row);
                names.add(feature);
                int needed = (row + 1) * EntityModel.TAGS;
                if (needed > weights.length) {
                    weights = Arrays.copyOf(weights, weights.length * 2);
                    totals = Arrays.copyOf(totals, totals.length * 2);
                    stamps = Arrays.copyOf(stamps, stamps.length * 2);
                }
            }
            return row;
        }

        /** Each weight averaged over every step of training; features left with none are dropped. */
        Map<String, float[]> averaged() {
            Map<String, float[]> averaged = new TreeMap<>();
            for (int row = 0; row < names.size(); row++) {
                float[] mean = new float[EntityModel.TAGS];
                boolean any = false;
                for (int t = 0; t < EntityModel.TAGS; t++) {
                    int i = row * EntityModel.TAGS + t;
                    double total = totals[i] + (double) (now - stamps[i]) * weights[i];
                    float w = (float) (total / now);
                    mean[t] = Math.abs(w) >= SMALLEST_WEIGHT ? w : 0f;
                    any |= mean[t] != 0f;
                }
                if (any) {
                    averaged.put(names.get(row), mean);
                }
            }
            return averaged;
        }
    }

    /** The file {@link EntityModel#read} reads: features in sorted order, so the bytes are reproducible. */
    static void write(Trained trained, EntityModel.Confidence confidence, Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(out);
                GZIPOutputStream zip = new GZIPOutputStream(file, 1 << 16);
                DataOutputStream data = new DataOutputStream(zip)) {
            data.writeInt(EntityModel.MAGIC);
            data.writeInt(EntityModel.VERSION);
            data.writeInt(EntityModel.TAGS);
            for (int t = 0; t < EntityModel.TAGS; t++) {
                data.writeUTF(EntityModel.tagName(t));
            }
            Map<String, Float> entries = new TreeMap<>(confidence.relabel());
            confidence.beside().forEach((kind, threshold) -> entries.put(kind.name(), threshold));
            data.writeInt(entries.size());
            for (Map.Entry<String, Float> e : entries.entrySet()) {
                data.writeUTF(e.getKey());
                data.writeFloat(e.getValue());
            }
            data.writeInt(trained.averaged().size());
            for (Map.Entry<String, float[]> e : trained.averaged().entrySet()) {
                data.writeUTF(e.getKey());
                float[] row = e.getValue();
                int nonZero = 0;
                for (float w : row) {
                    nonZero += w != 0 ? 1 : 0;
                }
                data.writeByte(nonZero);
                for (int t = 0; t < row.length; t++) {
                    if (row[t] != 0) {
                        data.writeByte(t);
                        data.writeFloat(row[t]);
                    }
                }
            }
        }
    }
}
