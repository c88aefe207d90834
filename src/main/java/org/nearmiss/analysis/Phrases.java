package org.nearmiss.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The words, and pairs of words, that two accounts share and few others use: "foot pursuit",
 * "fence line", "holster". They tell a reader why two incidents were put side by side.
 */
final class Phrases {

    /** Replacements made in de-identification ("[OFFICER 1]", "[CITY]") say nothing about a pattern. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[^\\]]{0,40}\\]");

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]");

    /** Common words that make no phrase of their own. */
    private static final Set<String> FILLER = Set.of(
            "a",
            "about",
            "after",
            "again",
            "all",
            "also",
            "an",
            "and",
            "any",
            "are",
            "as",
            "at",
            "back",
            "be",
            "because",
            "been",
            "before",
            "being",
            "both",
            "but",
            "by",
            "came",
            "can",
            "could",
            "did",
            "do",
            "down",
            "during",
            "each",
            "even",
            "for",
            "from",
            "get",
            "got",
            "had",
            "has",
            "have",
            "he",
            "her",
            "here",
            "him",
            "his",
            "how",
            "i",
            "if",
            "in",
            "into",
            "is",
            "it",
            "its",
            "just",
            "me",
            "more",
            "my",
            "no",
            "not",
            "now",
            "of",
            "off",
            "on",
            "one",
            "only",
            "or",
            "other",
            "our",
            "out",
            "over",
            "said",
            "she",
            "so",
            "some",
            "still",
            "than",
            "that",
            "the",
            "their",
            "them",
            "then",
            "there",
            "these",
            "they",
            "this",
            "those",
            "through",
            "time",
            "to",
            "too",
            "two",
            "up",
            "us",
            "very",
            "was",
            "we",
            "were",
            "what",
            "when",
            "where",
            "which",
            "while",
            "who",
            "will",
            "with",
            "would",
            "you",
            "your",
            // Verbs and words of any story.
            "able",
            "across",
            "around",
            "away",
            "began",
            "come",
            "coming",
            "didn't",
            "does",
            "going",
            "gone",
            "knew",
            "know",
            "like",
            "look",
            "looked",
            "made",
            "make",
            "once",
            "saw",
            "seen",
            "started",
            "take",
            "think",
            "thought",
            "told",
            "took",
            "tried",
            "went",
            "well");

    private Phrases() {}

    /**
     * @param docFreq how many accounts in the index hold a stemmed word
     * @param docs how many accounts the index holds
     * @param stemmer the analyzer the index stems its words with
     */
    static List<String> shared(
            String a, String b, int limit, ToIntFunction<String> docFreq, int docs, Analyzer stemmer) {
        return shared(candidates(a), b, limit, docFreq, docs, stemmer, new HashMap<>());
    }

    /**
     * The same, for one account against many: its candidates worked out once, and each word's rarity
     * remembered across the comparisons in {@code rarity}.
     */
    static List<String> shared(
            Set<String> ours,
            String b,
            int limit,
            ToIntFunction<String> docFreq,
            int docs,
            Analyzer stemmer,
            Map<String, Double> rarity) {
        Set<String> theirs = candidates(b);
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        for (String phrase : ours) {
            if (!theirs.contains(phrase)) {
                continue;
            }
            double score = 0;
            boolean rare = true;
            for (String word : phrase.split(" ")) {
                double idf = rarity.computeIfAbsent(word, w -> idf(w, docFreq, docs, stemmer));
                rare &= idf > 0;
                score += idf;
            }
            if (rare) {
                scored.add(Map.entry(phrase, phrase.contains(" ") ? score * 1.5 : score));
            }
        }
        return best(scored, limit);
    }

    /**
     * The best-scored phrases with a positive score, at most {@code limit}, leaving out any that
     * holds or is held by one already chosen ("fence" once "fence line" is in).
     */
    static List<String> best(List<Map.Entry<String, Double>> scored, int limit) {
        List<Map.Entry<String, Double>> order = new ArrayList<>(scored);
        order.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> chosen = new ArrayList<>();
        for (Map.Entry<String, Double> phrase : order) {
            String p = phrase.getKey();
            boolean covered = chosen.stream()
                    .anyMatch(c -> (" " + c + " ").contains(" " + p + " ") || (" " + p + " ").contains(" " + c + " "));
            if (!covered && phrase.getValue() > 0) {
                chosen.add(p);
            }
            if (chosen.size() == limit) {
                break;
            }
        }
        return chosen;
    }

    /** The inverse document frequency of a word; zero for a word in more than a fifth of the accounts. */
    private static double idf(String word, ToIntFunction<String> docFreq, int docs, Analyzer stemmer) {
        String stem = stemOf(word, stemmer);
        if (stem == null) {
            return 0;
        }
        int df = docFreq.applyAsInt(stem);
        if (docs >= 20 && df > docs / 5) {
            return 0;
        }
        return Math.log(1 + (double) docs / (df + 1));
    }

    private static String stemOf(String word, Analyzer stemmer) {
        try (TokenStream tokens = stemmer.tokenStream("text", word)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            String stem = tokens.incrementToken() ? term.toString() : null;
            tokens.end();
            return stem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Words of four letters or more and pairs of adjacent words, neither of them filler. */
    static Set<String> candidates(String text) {
        Set<String> phrases = new LinkedHashSet<>();
        String previous = null;
        for (String part : PLACEHOLDER.split(text)) {
            Matcher m = WORD.matcher(part);
            int end = -1;
            while (m.find()) {
                String word = m.group().toLowerCase(Locale.ROOT);
                boolean adjacent = end >= 0 && part.substring(end, m.start()).isBlank();
                end = m.end();
                if (FILLER.contains(word) || EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)) {
                    previous = null;
                    continue;
                }
                if (word.length() >= 4) {
                    phrases.add(word);
                }
                if (previous != null && adjacent) {
                    phrases.add(previous + " " + word);
                }
                previous = word;
            }
            previous = null;
        }
        return phrases;
    }
}
