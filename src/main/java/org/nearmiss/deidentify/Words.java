package org.nearmiss.deidentify;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A text cut into words and punctuation for the {@link EntityModel}, with what the tagger knows of
 * each word worked out once: lower-cased form, shape, capitalisation and which word lists hold it.
 * The features of a word are named here, for training and tagging alike.
 */
final class Words {

    /** Longer words are cut to this for features: no name is longer, and a long word costs no more. */
    private static final int LONGEST = 32;

    private static final String START = "<s>";
    private static final String END = "</s>";

    /** Receives the features of one word. */
    interface Features {

        void add(String name, String value);

        void add(String name, String value, String other);
    }

    private final int[] starts;
    private final int[] ends;
    private final String[] lower;
    private final String[] shape;
    /** Lists holding the word and how it is written, e.g. "FS:C" (first name and surname, capitalised). */
    private final String[] listed;

    /** The kind of the rules' mark over each word, or "-". */
    private final String[] ruled;

    private final boolean[] afterBreak;
    private final boolean[] opensSentence;
    private final boolean[] knownPlacePair;
    private final int size;

    Words(String text, Lexicon lexicon) {
        this(text, lexicon, List.of());
    }

    /**
     * With the marks the rules made (in reading order, none overlapping): the tagger reads them as
     * features of the words they cover, and so learns where the rules leave something out.
     */
    Words(String text, Lexicon lexicon, Collection<Suggestion> marked) {
        int n = text.length();
        int[] s = new int[16];
        int[] e = new int[16];
        int count = 0;
        int i = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            i += Character.charCount(c);
            if (wordPart(c)) {
                while (i < n) {
                    int d = text.codePointAt(i);
                    if (wordPart(d)) {
                        i += Character.charCount(d);
                    } else if ((d == '\'' || d == '’' || d == '-') && i + 1 < n && wordPart(text.codePointAt(i + 1))) {
                        i++;
                    } else {
                        break;
                    }
                }
            }
            if (count == s.length) {
                s = java.util.Arrays.copyOf(s, count * 2);
                e = java.util.Arrays.copyOf(e, count * 2);
            }
            s[count] = start;
            e[count] = i;
            count++;
        }
        size = count;
        starts = s;
        ends = e;
        lower = new String[count];
        shape = new String[count];
        listed = new String[count];
        afterBreak = new boolean[count];
        opensSentence = new boolean[count];
        knownPlacePair = new boolean[count];
        String[] words = new String[count];
        for (int t = 0; t < count; t++) {
            String word = text.substring(starts[t], Math.min(ends[t], starts[t] + LONGEST));
            words[t] = word;
            lower[t] = word.toLowerCase(Locale.ROOT);
            shape[t] = shape(word);
            listed[t] = listed(word, ends[t] - starts[t] > LONGEST, lexicon);
            // Only the gap since the last word is looked at: all gaps together are the text once.
            boolean lineBreak = t == 0;
            for (int g = t == 0 ? 0 : ends[t - 1]; g < starts[t] && !lineBreak; g++) {
                lineBreak = text.charAt(g) == '\n';
            }
            afterBreak[t] = lineBreak;
            opensSentence[t] = t == 0 || afterBreak[t] || ".!?:;\"“".indexOf(text.charAt(starts[t - 1])) >= 0;
        }
        ruled = new String[count];
        java.util.Iterator<Suggestion> marks = marked.iterator();
        Suggestion mark = marks.hasNext() ? marks.next() : null;
        for (int t = 0; t < count; t++) {
            while (mark != null && mark.end() <= starts[t]) {
                mark = marks.hasNext() ? marks.next() : null;
            }
            ruled[t] = mark != null && mark.start() < ends[t] ? mark.kind().name() : "-";
        }
        for (int t = 0; t + 1 < count; t++) {
            if (Character.isUpperCase(words[t].codePointAt(0)) && Character.isUpperCase(words[t + 1].codePointAt(0))) {
                boolean pair = lexicon.places.contains(words[t] + " " + words[t + 1]);
                knownPlacePair[t] |= pair;
                knownPlacePair[t + 1] |= pair;
            }
        }
    }

    /** Hides which lists hold a word, keeping how it is written: training uses it to learn names no list has. */
    void forgetLists(int token) {
        listed[token] = "-" + listed[token].substring(listed[token].indexOf(':'));
    }

    int size() {
        return size;
    }

    int start(int token) {
        return starts[token];
    }

    int end(int token) {
        return ends[token];
    }

    /** Whether any word from {@code from} up to {@code to} (exclusive) holds a letter. */
    boolean hasLetter(int from, int to) {
        for (int t = from; t < to; t++) {
            if (shape[t].chars().anyMatch(Character::isLetter)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether any word from {@code from} up to {@code to} (exclusive) has letters and is no ordinary
     * word: a run of ordinary words ("Incident Summary", "It's", "Texas") is nobody's name.
     */
    boolean hasUnusualWord(int from, int to) {
        for (int t = from; t < to; t++) {
            boolean letters = shape[t].chars().anyMatch(Character::isLetter);
            if (letters && listed[t].substring(0, listed[t].indexOf(':')).indexOf('O') < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The features of word {@code t}, given the labels of the two words before it (-1 before the
     * text). Word-level ones first; the last three depend on the labels given so far.
     */
    void features(int t, int previousTag, int tagBefore, Features out) {
        out.add("b", "");
        out.add("w=", lower[t]);
        out.add("s=", shape[t]);
        out.add("l=", listed[t]);
        out.add("p3=", prefix(lower[t], 3));
        out.add("x2=", suffix(lower[t], 2));
        out.add("x3=", suffix(lower[t], 3));
        out.add("x4=", suffix(lower[t], 4));
        out.add("w-1=", word(t - 1));
        out.add("w+1=", word(t + 1));
        out.add("w-2=", word(t - 2));
        out.add("w+2=", word(t + 2));
        out.add("s-1=", shapeOf(t - 1));
        out.add("s+1=", shapeOf(t + 1));
        out.add("l-1=", listedOf(t - 1));
        out.add("l+1=", listedOf(t + 1));
        out.add("w-1,l=", word(t - 1), listed[t]);
        out.add("l,w+1=", listed[t], word(t + 1));
        out.add("l-1,l,l+1=", listedOf(t - 1), listedOf(t) + "," + listedOf(t + 1));
        out.add("r=", ruled[t]);
        out.add("r-1,r,r+1=", ruledOf(t - 1), ruled[t] + "," + ruledOf(t + 1));
        out.add("r,l=", ruled[t], listed[t]);
        if (afterBreak[t]) {
            out.add("break", "");
        }
        if (t + 1 < size && afterBreak[t + 1]) {
            out.add("break+1", "");
        }
        if (opensSentence[t]) {
            out.add("opens,l=", listed[t]);
        }
        if (knownPlacePair[t]) {
            out.add("placepair", "");
        }
        String previous = previousTag < 0 ? START : EntityModel.tagName(previousTag);
        String before = tagBefore < 0 ? START : EntityModel.tagName(tagBefore);
        out.add("t-1=", previous);
        out.add("t-2,t-1=", before, previous);
        out.add("t-1,l=", previous, listed[t]);
    }

    private String word(int t) {
        return t < 0 ? START : t >= size ? END : lower[t];
    }

    private String shapeOf(int t) {
        return t < 0 ? START : t >= size ? END : shape[t];
    }

    private String ruledOf(int t) {
        return t < 0 ? START : t >= size ? END : ruled[t];
    }

    private String listedOf(int t) {
        return t < 0 ? START : t >= size ? END : listed[t];
    }

    private static boolean wordPart(int c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static String prefix(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    private static String suffix(String s, int n) {
        return s.length() <= n ? s : s.substring(s.length() - n);
    }

    /**
     * Letters as X or x (a letter outside ASCII as Ä or ä, which many foreign names have), digits as d,
     * anything else as itself; a run of one class is written once: "Szöllössy" is "Xxäxäx", "D." is "X.".
     */
    static String shape(String word) {
        StringBuilder shape = new StringBuilder(8);
        char last = 0;
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            i += Character.charCount(c);
            char kind;
            if (Character.isUpperCase(c)) {
                kind = c < 128 ? 'X' : 'Ä';
            } else if (Character.isLetter(c)) {
                kind = c < 128 ? 'x' : 'ä';
            } else if (Character.isDigit(c)) {
                kind = 'd';
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                kind = 'ä';
            } else {
                kind = c < 128 ? (char) c : '*';
            }
            if (kind != last) {
                shape.append(kind);
                last = kind;
            }
        }
        return shape.toString();
    }

    /**
     * Which lists hold the word (F first names, S surnames, P US places, O ordinary words; "-" none)
     * and how it is written (C capitalised, U all capitals, L lower case, D digits, N other).
     */
    private static String listed(String word, boolean cut, Lexicon lexicon) {
        StringBuilder code = new StringBuilder(6);
        int first = word.codePointAt(0);
        if (!cut && Character.isLetter(first)) {
            String capitalised = Lexicon.capitalised(word);
            if (lexicon.firstNames.contains(capitalised)) {
                code.append('F');
            }
            if (lexicon.surnames.contains(capitalised) || lexicon.surnames.contains(word)) {
                code.append('S');
            }
            if (lexicon.places.contains(capitalised) || lexicon.places.contains(word)) {
                code.append('P');
            }
            if (lexicon.isOrdinary(word)) {
                code.append('O');
            }
        }
        if (code.isEmpty()) {
            code.append('-');
        }
        code.append(':');
        boolean upper = false;
        boolean lowerCase = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            upper |= Character.isUpperCase(c);
            lowerCase |= Character.isLowerCase(c);
        }
        if (Character.isDigit(first)) {
            code.append('D');
        } else if (Character.isUpperCase(first) && lowerCase) {
            code.append('C');
        } else if (upper && !lowerCase) {
            code.append(word.length() > 1 ? 'U' : 'I');
        } else if (Character.isLowerCase(first)) {
            code.append('L');
        } else {
            code.append('N');
        }
        return code.toString();
    }
}
