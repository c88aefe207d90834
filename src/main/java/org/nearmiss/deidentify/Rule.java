package org.nearmiss.deidentify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule of a detector that finds words by their shape: the kind it finds, why (shown to the
 * reviewer), the pattern, and the replacement for a match. Plate and place rules, and those made with
 * {@link #markingGroupOne()}, mark their first group when it matched (the words after "plate", the
 * name before "Creek"); the others the whole match. Only what {@code accept} lets through is marked (a
 * phone number has 7 to 15 digits).
 */
record Rule(
        Kind kind,
        String why,
        Pattern pattern,
        Function<Matcher, String> replacement,
        Predicate<String> accept,
        boolean marksGroupOne) {

    Rule(Kind kind, String why, Pattern pattern, Function<Matcher, String> replacement) {
        this(kind, why, pattern, replacement, words -> true, kind == Kind.PLATE || kind == Kind.PLACE);
    }

    /** The same rule, marking only what {@code test} accepts. */
    Rule accepting(Predicate<String> test) {
        return new Rule(kind, why, pattern, replacement, test, marksGroupOne);
    }

    /**
     * The same rule, marking its first group only: the words around it are read, not marked. Cheaper
     * than a look-behind, which the engine tries again at every position of the text.
     */
    Rule markingGroupOne() {
        return new Rule(kind, why, pattern, replacement, accept, true);
    }

    /*
     * Time linear in the text: the engine tries each rule at every position of the text, so a run
     * without an end ([\\w.-]+, "any word") scanned on from every position to the end of a long token
     * ("1-" repeated 10,000 times took 2.9 s in the e-mail rule) and a repeated group recursed once a
     * repetition until the stack overflowed. Runs that many positions can start are bounded by the
     * longest word real text has, repeated groups by a count no street or name reaches, so each
     * position costs at most a constant. DeidentifierGrowthTests holds the rules to it.
     */

    /** The longest word of a street's or an agency's name: longer "words" are not words. */
    static final int WORD = 60;

    /** Every match of every rule, overlapping ones included. */
    static List<Suggestion> findAll(List<Rule> rules, String text) {
        List<Suggestion> found = new ArrayList<>();
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                boolean inner = m.groupCount() >= 1 && m.group(1) != null && rule.marksGroupOne();
                int start = inner ? m.start(1) : m.start();
                int end = inner ? m.end(1) : m.end();
                if (end > start && rule.accept().test(text.substring(start, end))) {
                    found.add(new Suggestion(
                            start, end, rule.kind(), rule.replacement().apply(m), rule.why()));
                }
            }
        }
        return found;
    }
}
