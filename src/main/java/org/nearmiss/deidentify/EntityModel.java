package org.nearmiss.deidentify;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The assistant's second, statistical detector beside the rules: a sequence tagger (averaged
 * perceptron, read left to right) that labels each word as the beginning or inside of a person's name,
 * a place, an agency or an address, or as none of these, from the word's shape, spelling, affixes,
 * membership of the {@link Lexicon} lists, its neighbours, the labels it gave the words before and the
 * rules' marks. Trained on labelled sentences and on officers' sentences made from templates (see the
 * {@code SOURCE.txt} beside the weights); the weights ship in {@code deidentify/},
 * nothing is fetched. The rules keep the first word: the model changes the kind of a rule's mark,
 * widens it, or adds a mark where they marked nothing, each only as sure as its {@link Confidence}
 * asks, and never drops or narrows a mark. Time is linear in the text: one pass over the words, a
 * fixed number of features each.
 */
final class EntityModel {

    static final String RESOURCE = "deidentify/entity-model.bin.gz";
    static final int MAGIC = 0x4E4D454D; // "NMEM"
    static final int VERSION = 1;

    /** The kinds the tagger knows, in tag order: tag 0 is "none", then B- and I- for each. */
    static final List<Kind> KINDS = List.of(Kind.PERSON, Kind.PLACE, Kind.AGENCY, Kind.ADDRESS);

    static final int TAGS = 1 + 2 * KINDS.size();

    /** Why the model marked words, and what it did to a rule's mark, as the reviewer reads it. */
    private static final String FOUND = "the statistical tagger, trained on labelled sentences, reads these words so";

    private static final String WIDENED = "; the statistical tagger widened it over the words of the same kind";
    private static final String RELABELLED = "; the statistical tagger reads it as another kind";

    private static volatile EntityModel shipped;

    private static final EntityModel NONE = new EntityModel(new Weights(0), Confidence.NEVER);

    private final Weights weights;
    private final Confidence confidence;

    EntityModel(Weights weights, Confidence confidence) {
        this.weights = weights;
        this.confidence = confidence;
    }

    /**
     * How far the tagger's label must lead every other label, on each word of a span, before it acts:
     * to add a mark of a kind where the rules marked nothing ({@code beside}, by kind), to change the
     * kind of a rule's mark into another ({@code relabel}, by {@link #pair} of the two kinds), or to widen
     * a rule's mark over more words of its kind (the pair of its kind with itself). A kind or pair left
     * out is never acted on. Chosen by cross-validation when the model is trained, and shipped with it.
     */
    record Confidence(Map<Kind, Float> beside, Map<String, Float> relabel) {

        static final Confidence NEVER = new Confidence(Map.of(), Map.of());

        Confidence {
            beside = Map.copyOf(beside);
            relabel = Map.copyOf(relabel);
        }

        static String pair(Kind from, Kind to) {
            return from.name() + ">" + to.name();
        }
    }

    /** The model shipped with the application, read once on first use. */
    static EntityModel shipped() {
        EntityModel model = shipped;
        if (model == null) {
            synchronized (EntityModel.class) {
                if (shipped == null) {
                    shipped = read(RESOURCE);
                }
                model = shipped;
            }
        }
        return model;
    }

    /** A model that finds nothing and changes nothing: the rules alone. */
    static EntityModel none() {
        return NONE;
    }

    Confidence confidence() {
        return confidence;
    }

    /** What the model proposes on its own, knowing no rule's marks: confident spans, in reading order. */
    List<Suggestion> find(String text) {
        List<Suggestion> found = new ArrayList<>();
        for (Span span : spans(text, List.of())) {
            if (sure(confidence.beside().get(span.kind()), span.lead())) {
                found.add(new Suggestion(span.start(), span.end(), span.kind(), replacement(span.kind()), FOUND));
            }
        }
        return found;
    }

    /**
     * The rules' marks (in reading order, none overlapping) with the model's word added: a rule's
     * person, place, agency or address becomes another of these kinds where the tagger is sure it is
     * one ("Northgate Holdings" an agency, not a person), or is widened over the words of its kind the rule left
     * out, and the tagger's own confident spans are added where no rule marked a character. No rule's
     * mark is dropped or narrowed.
     */
    List<Suggestion> combine(String text, List<Suggestion> rules) {
        if (text == null || text.isEmpty() || weights.size() == 0) {
            return rules;
        }
        List<Span> spans = spans(text, rules);
        List<Suggestion> combined = new ArrayList<>(rules.size() + 4);
        for (Change change : changes(rules, spans)) {
            Suggestion mark = change.mark();
            if (change.to() == null
                    || !sure(confidence.relabel().get(Confidence.pair(mark.kind(), change.to())), change.lead())) {
                combined.add(mark);
            } else if (change.to() == mark.kind()) {
                combined.add(new Suggestion(
                        change.start(), change.end(), mark.kind(), mark.replacement(), mark.reason() + WIDENED));
            } else {
                combined.add(new Suggestion(
                        mark.start(), mark.end(), change.to(), replacement(change.to()), mark.reason() + RELABELLED));
            }
        }
        // How many marked characters come before each position: a span overlaps a mark when the count
        // grows across it. One pass over the text and one over the marks, however many there are.
        int[] depth = new int[text.length() + 1];
        for (Suggestion s : rules) {
            depth[s.start()]++;
            depth[s.end()]--;
        }
        int[] markedBefore = new int[text.length() + 1];
        int open = 0;
        for (int i = 0; i < text.length(); i++) {
            open += depth[i];
            markedBefore[i + 1] = markedBefore[i] + (open > 0 ? 1 : 0);
        }
        for (Span span : spans) {
            if (markedBefore[span.end()] == markedBefore[span.start()]
                    && sure(confidence.beside().get(span.kind()), span.lead())) {
                combined.add(new Suggestion(span.start(), span.end(), span.kind(), replacement(span.kind()), FOUND));
            }
        }
        combined.sort(java.util.Comparator.comparingInt(Suggestion::start));
        return List.copyOf(combined);
    }

    private static boolean sure(Float threshold, float lead) {
        return threshold != null && lead >= threshold;
    }

    /**
     * What the tagger says of a rule's mark: another kind for the words under it ({@code to}, the mark's
     * extent kept), or the same kind over more words ({@code to} the mark's own kind, {@code start} and
     * {@code end} the wider extent, "Nguyễn Thị Lan" for the rules' "Nguyễn Thị"); with the least lead
     * of its label. {@code to} is null where it says neither.
     */
    record Change(Suggestion mark, Kind to, float lead, int start, int end) {}

    /**
     * For each rule mark, what the tagger's spans over it say. Both lists are in reading order and
     * neither overlaps itself, so one walk along both does: a span is looked at again only for the
     * next mark it also covers. A mark is widened only into text no other mark covers.
     */
    static List<Change> changes(List<Suggestion> rules, List<Span> spans) {
        List<Change> changes = new ArrayList<>(rules.size());
        int first = 0;
        for (int i = 0; i < rules.size(); i++) {
            Suggestion mark = rules.get(i);
            while (first < spans.size() && spans.get(first).end() <= mark.start()) {
                first++;
            }
            Kind other = null;
            float otherLead = 0;
            int start = mark.start();
            int end = mark.end();
            float sameLead = Float.POSITIVE_INFINITY;
            for (int j = first; j < spans.size() && spans.get(j).start() < mark.end(); j++) {
                Span span = spans.get(j);
                if (span.kind() == mark.kind()) {
                    start = Math.min(start, span.start());
                    end = Math.max(end, span.end());
                    sameLead = Math.min(sameLead, span.lead());
                } else if (other == null || span.lead() > otherLead) {
                    other = span.kind();
                    otherLead = span.lead();
                }
            }
            boolean ours = KINDS.contains(mark.kind());
            boolean agrees = sameLead != Float.POSITIVE_INFINITY;
            boolean wider = (start < mark.start() || end > mark.end())
                    && (i == 0 || rules.get(i - 1).end() <= start)
                    && (i + 1 == rules.size() || end <= rules.get(i + 1).start());
            if (ours && agrees && wider) {
                changes.add(new Change(mark, mark.kind(), sameLead, start, end));
            } else if (ours && !agrees && other != null) {
                changes.add(new Change(mark, other, otherLead, mark.start(), mark.end()));
            } else {
                changes.add(new Change(mark, null, 0, mark.start(), mark.end()));
            }
        }
        return changes;
    }

    private static String replacement(Kind kind) {
        return switch (kind) {
            case PERSON -> "[PERSON]";
            case PLACE -> "[PLACE]";
            case AGENCY -> "[AGENCY]";
            default -> "[ADDRESS]";
        };
    }

    /** A run of words given one kind, with the least lead its label had over any other on one word. */
    record Span(int start, int end, Kind kind, float lead) {}

    /**
     * Every span the tagger labels, confident or not, given the rules' marks (in reading order, none
     * overlapping), which it reads as features.
     */
    List<Span> spans(String text, Collection<Suggestion> marked) {
        if (text == null || text.isEmpty() || weights.size() == 0) {
            return List.of();
        }
        Words words = new Words(text, Lexicon.shipped(), marked);
        int[] tags = new int[words.size()];
        float[] leads = new float[words.size()];
        float[] scores = new float[TAGS];
        Scorer scorer = new Scorer(weights, scores);
        for (int i = 0; i < words.size(); i++) {
            java.util.Arrays.fill(scores, 0f);
            words.features(i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1, scorer);
            int previous = i > 0 ? tags[i - 1] : 0;
            int best = -1;
            float bestScore = Float.NEGATIVE_INFINITY;
            float second = Float.NEGATIVE_INFINITY;
            for (int t = 0; t < TAGS; t++) {
                if (!allowed(previous, t)) {
                    continue;
                }
                if (scores[t] > bestScore) {
                    second = bestScore;
                    bestScore = scores[t];
                    best = t;
                } else if (scores[t] > second) {
                    second = scores[t];
                }
            }
            tags[i] = best;
            leads[i] = bestScore - second;
        }
        return spans(words, tags, leads);
    }

    private static List<Span> spans(Words words, int[] tags, float[] leads) {
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < tags.length) {
            if (tags[i] == 0) {
                i++;
                continue;
            }
            int kind = (tags[i] - 1) / 2;
            int first = i;
            float lead = leads[i];
            i++;
            while (i < tags.length && tags[i] == 2 + 2 * kind) {
                lead = Math.min(lead, leads[i]);
                i++;
            }
            Kind found = KINDS.get(kind);
            // A person or place made of ordinary words alone ("How", "Texas") is left to the rules, which
            // keep states and countries on purpose; an organisation often is ("Bridgewell Logistics").
            boolean named = found == Kind.PERSON || found == Kind.PLACE
                    ? words.hasUnusualWord(first, i)
                    : words.hasLetter(first, i);
            if (named) {
                spans.add(new Span(words.start(first), words.end(i - 1), found, lead));
            }
        }
        return spans;
    }

    /** Whether a tag may follow another: inside a kind only after its beginning or inside. */
    static boolean allowed(int previous, int tag) {
        if (tag == 0 || (tag - 1) % 2 == 0) {
            return true;
        }
        return previous == tag || previous == tag - 1;
    }

    static String tagName(int tag) {
        if (tag == 0) {
            return "O";
        }
        return ((tag - 1) % 2 == 0 ? "B-" : "I-") + KINDS.get((tag - 1) / 2).name();
    }

    /** Adds each feature's weights to the scores of the word at hand. */
    private static final class Scorer implements Words.Features {

        private final Weights weights;
        private final float[] scores;

        Scorer(Weights weights, float[] scores) {
            this.weights = weights;
            this.scores = scores;
        }

        @Override
        public void add(String name, String value) {
            weights.addTo(FeatureHash.of(name, value), scores);
        }

        @Override
        public void add(String name, String value, String other) {
            weights.addTo(FeatureHash.of(name, value, other), scores);
        }
    }

    /** Reads a model written by the training command: see {@code EntityModelTraining}. */
    static EntityModel read(String resource) {
        try (InputStream raw = EntityModel.class.getClassLoader().getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("Missing entity model " + resource);
            }
            return read(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EntityModel read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IllegalStateException("Not an entity model of version " + VERSION);
        }
        int tags = in.readInt();
        for (int t = 0; t < tags; t++) {
            String name = in.readUTF();
            if (t >= TAGS || !name.equals(tagName(t))) {
                throw new IllegalStateException("Entity model tag " + t + " is " + name);
            }
        }
        Map<Kind, Float> beside = new EnumMap<>(Kind.class);
        Map<String, Float> relabel = new java.util.HashMap<>();
        int entries = in.readInt();
        for (int k = 0; k < entries; k++) {
            String key = in.readUTF();
            float threshold = in.readFloat();
            if (key.contains(">")) {
                relabel.put(key, threshold);
            } else {
                beside.put(Kind.valueOf(key), threshold);
            }
        }
        int features = in.readInt();
        Weights weights = new Weights(features);
        float[] row = new float[TAGS];
        for (int f = 0; f < features; f++) {
            String feature = in.readUTF();
            java.util.Arrays.fill(row, 0f);
            int nonZero = in.readUnsignedByte();
            for (int k = 0; k < nonZero; k++) {
                int tag = in.readUnsignedByte();
                row[tag] = in.readFloat();
            }
            weights.put(FeatureHash.of(feature), row);
        }
        return new EntityModel(weights, new Confidence(beside, relabel));
    }

    /**
     * Feature weights keyed by a 64-bit hash of the feature's text, in open addressing: no string is
     * built or kept to score a word, and the table is a few flat arrays.
     */
    static final class Weights {

        private final long[] keys;
        private final int[] rows;
        private final float[] values;
        private final int mask;
        private int size;

        Weights(int capacity) {
            int slots = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
            keys = new long[slots];
            rows = new int[slots];
            java.util.Arrays.fill(rows, -1);
            values = new float[Math.max(1, capacity) * TAGS];
            mask = slots - 1;
        }

        int size() {
            return size;
        }

        void put(long key, float[] row) {
            int slot = slot(key);
            if (rows[slot] < 0) {
                keys[slot] = key;
                rows[slot] = size++;
            }
            System.arraycopy(row, 0, values, rows[slot] * TAGS, TAGS);
        }

        void addTo(long key, float[] scores) {
            int row = rows[slot(key)];
            if (row >= 0) {
                int offset = row * TAGS;
                for (int t = 0; t < TAGS; t++) {
                    scores[t] += values[offset + t];
                }
            }
        }

        private int slot(long key) {
            int slot = (int) (key ^ (key >>> 29)) & mask;
            while (rows[slot] >= 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }
    }

    /** FNV-1a over the characters of a feature's name and value, as if they were one string. */
    static final class FeatureHash {

        private static final long OFFSET = 0xcbf29ce484222325L;
        private static final long PRIME = 0x100000001b3L;

        private FeatureHash() {}

        static long of(String feature) {
            return add(OFFSET, feature);
        }

        static long of(String name, String value) {
            return add(add(OFFSET, name), value);
        }

        static long of(String name, String value, String other) {
            return add(add(add(add(OFFSET, name), value), "|"), other);
        }

        private static long add(long hash, String s) {
            for (int i = 0; i < s.length(); i++) {
                hash = (hash ^ s.charAt(i)) * PRIME;
            }
            return hash;
        }
    }
}
