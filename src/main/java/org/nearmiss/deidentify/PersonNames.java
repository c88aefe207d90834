package org.nearmiss.deidentify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds people's names and the places and addresses that read like them: a rank or title followed by
 * a capitalised name ("Sgt. Ramos", "Mrs. Ann Lee"), a known first name followed by a known surname
 * ("Maria Lopez"), and any run of capitalised words holding a word that is not an ordinary word
 * (see {@link Lexicon}); titles and the words around names are lists in {@code deidentify/}. Each person becomes a numbered role, the same number for the same surname
 * throughout the text: "[OFFICER 1]" for ranks, "[PERSON 2]" otherwise; places become "[CITY]".
 */
final class PersonNames implements Detector {

    private static final String OFFICER_TITLES = WordList.alternatives("officer-titles.txt");
    private static final String CIVIL_TITLES = WordList.alternatives("civil-titles.txt");
    private static final String NAME = "\\p{Lu}\\p{Ll}+(?:[-'’]\\p{Lu}?\\p{Ll}+)?";
    private static final Pattern TITLED = Pattern.compile(
            "\\b(" + OFFICER_TITLES + "|" + CIVIL_TITLES + ")\\s+(" + NAME + "(?:\\s+" + NAME + ")?)(?![\\p{L}])");
    /** A rank or title before words typed in lower case, as on a phone: "sgt. maria lopez". */
    private static final Pattern TITLED_LOWER = Pattern.compile("(?i:\\b(" + OFFICER_TITLES + "|" + CIVIL_TITLES
            + "))\\s+(\\p{Ll}{2,30}+)(?:\\s+(\\p{Ll}{2,30}+))?(?![\\p{L}])");

    private static final Pattern PAIR =
            Pattern.compile("(?<![\\p{L}])(" + NAME + ")\\s+(?:\\p{Lu}\\.?\\s+)?(" + NAME + ")(?![\\p{L}])");
    /** Names that are also everyday words, marked only beside a surname or after a title. */
    private static final Set<String> EVERYDAY = WordList.set("everyday-names.txt");

    /*
     * Time linear in the text (see Patterns): repeated groups are bounded (each repetition was a level
     * of recursion: "A-" or "Zorb, " repeated overflowed the stack), and so are runs that a rule can
     * start from many positions of one long token; what is looked up for every word or every find is
     * looked up once, in order, not by scanning the text or the finds again.
     */

    /** The longest word of a name or of a list of names: longer "words" are not words. */
    private static final int WORD = 60;

    /** A capitalised word, with up to eight hyphenated parts ("Jean-Pierre", "Smith-Jones"). */
    private static final Pattern TOKEN =
            Pattern.compile("(?<![\\p{L}\\p{N}'’])\\p{Lu}[\\p{L}'’]*(?:-\\p{L}[\\p{L}'’]*){0,8}(?![\\p{L}\\p{N}])");
    /** Words after a name that make it a place: "Siuslaw National Forest", "Magdalena RD", "Pevine Repeater". */
    private static final Pattern PLACE_AFTER =
            Pattern.compile("^[ \\t]+" + WordList.alternatives("place-after.txt") + "\\b");
    /** What may stand between two words of one name: spaces, an initial's dot, particles such as "de la". */
    private static final Pattern JOIN = Pattern.compile(
            "\\.?[ \\t]+(?:(?:de|da|del|della|der|den|van|von|la|le|di|du|dos|das|bin|ibn|al|y)[ \\t]+){0,4}");

    private static final Pattern PLACE_BEFORE = Pattern.compile(
            "(?i)(?:\\bin|\\bat|\\bnear|\\bfrom|\\binto|\\boutside|\\btowards?|\\bthrough|\\baround|\\bdowntown"
                    + "|\\b(?:flew|fly|flying|moved|moving|went|go|going|drove|driving|travell?ed|trip|headed|relocated|back)"
                    + "\\s+to)\\s+$");
    /**
     * What follows a town in a postal address: a region code and postal code ("Kelowna, BC 40112",
     * "Odense DK 5210"), or a country ("Braga, Portugal", "Tartu ⏎ Estonia 51003").
     */
    private static final Pattern REGION_AFTER =
            Pattern.compile("^[\\s,]*(?:\\p{Lu}{2}\\b[ \\t\\r\\n,]*(?:\\d{4,6}\\b|$|\\p{Lu}\\p{Ll})|\\d{4,6}\\b)");
    /** A line of a postal address before the town's: a street with its number, a suite or apartment. */
    private static final Pattern ADDRESS_LINE = Pattern.compile(
            "(?i)(?:\\d[\\p{L}\\d .,'’/-]*\\p{L}{3,}[^\\n]*|\\b(?:suite|apt\\.?|apartment|unit|box|floor)\\b[^\\n]*)[ \\t,]*\\r?\\n[ \\t>?]*$");
    /** A suite or apartment just before, on the same line: "Suite 210 BRANDVOLD". */
    private static final Pattern UNIT_BEFORE =
            Pattern.compile("(?i)\\b(?:suite|apt\\.?|apartment|unit)[ \\t]+\\d{1,6}[ \\t,]+$");
    /** "spent a year at Quellmark as the assistant": where someone works. */
    private static final Pattern EMPLOYER_AFTER = Pattern.compile("^[ \\t]+as[ \\t]+(?:a|an|the)\\b");

    private static final Pattern AT_BEFORE = Pattern.compile("(?i)\\bat[ \\t]+$");
    /** Verbs that aim "at" a person, not a place: "shouted at Gary". */
    private static final Pattern PERSON_BEFORE = Pattern.compile(
            "(?i)\\b(?:shout|yell|scream|look|point|smil|wav|laugh|glanc|star|swor|curs|lung|charg|grabb|swung|fir)\\w*[ \\t]+at[ \\t]+$");

    /** Words before a street name: "lives on Kestrelvej 12", "the bus station is on ...". */
    private static final Pattern STREET_CUE = Pattern.compile("(?i)\\b(?:on|at)[ \\t]+$");

    /** Whether the span fills its line, but for a quoting mark ("> ", "??? ") before it. */
    private static boolean aloneOnLine(String text, int start, int end) {
        // Walks only over what may stand beside the span: reading its whole line for each word of a
        // long line made the time grow with the square of the line.
        int before = start - 1;
        while (before >= 0 && " \t>?".indexOf(text.charAt(before)) >= 0) {
            before--;
        }
        if (before >= 0 && text.charAt(before) != '\n') {
            return false;
        }
        int after = end;
        while (after < text.length() && text.charAt(after) != '\n' && Character.isWhitespace(text.charAt(after))) {
            after++;
        }
        if (after < text.length() && text.charAt(after) != '\n') {
            return false;
        }
        return before >= 0 || after < text.length();
    }

    /** A street with its number earlier on the same line, then a comma: "1203 Rua das Flores 1203, Braga". */
    private static final Pattern STREET_BEFORE = Pattern.compile("\\d{1,6}[ \\t]+[^\\n,]*\\p{L}{3,}[^\\n,]*,[ \\t]*$");
    /** Words after a name that make it an organisation: "The Quellmark office", "Orvanta is a nonprofit". */
    private static final Pattern ORGANISATION_AFTER = Pattern.compile(
            "^(?:[ \\t]+(?:office|offices|headquarters|staff|team|employees)\\b"
                    + "|(?:[ \\t]+\\p{Lu}\\p{L}*){0,3}[ \\t]+is[ \\t]+(?:a|an)[ \\t]+(?:[\\p{L}\\d -]{0,50}?\\b(?:company|firm|startup|start-up|nonprofit"
                    + "|non-profit|charity|corporation|bank|agency|organi[sz]ation|business|insurer|manufacturer)\\b))");
    /** Words before a name that make it an employer: "I work for Quellmark", "worked at Orvanta". */
    private static final Pattern EMPLOYER_BEFORE =
            Pattern.compile("(?i)\\b(?:work|works|worked|working)[ \\t]+(?:for|at)[ \\t]+$");
    /** A street at a corner: "the corner of Kestrelvej 12 and Amberline Drive". */
    private static final Pattern CORNER_BEFORE =
            Pattern.compile("(?i)\\bthe corner of[ \\t]+(?:[^\\n]{1,60}?[ \\t]+and[ \\t]+)?$");
    /** Endings that make a word a contraction or a possessive: "I'm", "Don't", "Ramos's", "Jones'". */
    private static final Pattern CONTRACTION =
            Pattern.compile("(?:['’](?:s|m|ll|re|d|ve|t)?|n['’]t)$", Pattern.CASE_INSENSITIVE);
    /** SWAT, DUI, CEOs: short all-capital words. */
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,5}s?");

    private static final Pattern ALL_CAPS = Pattern.compile("[\\p{Lu}\\s.'’-]+");
    /** Words that say a name follows: "my name is Reyes", "Hi Tomas", "named Ortiz". */
    private static final Pattern CUE = Pattern.compile(
            "(?i:\\bmy name is|\\bname is|\\bnamed(?:\\s+(?:him|her|them|me))?|\\bcalled|\\bcalls? me|\\bhi|\\bhello|\\bhey|\\bdear"
                    + "|\\bthanks|\\bthank you)"
                    + ",?\\s+(\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+)?)(?![\\p{L}])");

    /**
     * The same words and "I'm", "this is", before a word in any case: "my name is tamsin", "i'm
     * ignacio's daughter". Marked only when the word is no ordinary word.
     */
    private static final Pattern ANY_CASE_CUE = Pattern.compile(
            "(?i:\\bmy name is|\\bname is|\\bnamed(?:\\s+(?:him|her|them|me))?|\\bcalls? me|\\bi['’]m|\\bi am|\\bthis is)"
                    + ",?\\s+(\\p{L}[\\p{L}'’-]{1,40}+)(?![\\p{L}\\d])");
    /** Who speaks, in a transcript or a chat: "Dana: Drop it!", "marisol: where are you?". */
    private static final Pattern SPEAKER =
            Pattern.compile("(?m)^[ \\t>]*+(\\p{L}[\\p{L}'’-]{2,30}+)[ \\t]*+:[ \\t]*+(?=[\\p{L}\"'“‘])");

    private static final Set<String> FUNCTION_WORDS = WordList.set("not-names-after-cues.txt");
    private static final Pattern LOWER_WORD = Pattern.compile("(?<![\\p{L}\\p{N}'’@.])\\p{Ll}+(?![\\p{L}\\p{N}'’@])");
    private static final String CAP = "\\p{Lu}[\\p{L}'’-]{0," + WORD + "}";
    /** "Okafor, Lindqvist and Baez": up to twenty names before the last. */
    private static final Pattern LIST = Pattern.compile(
            "(?<![\\p{L}])" + CAP + "(?:,\\s+" + CAP + "){0,20},?\\s+(?:and|or|&)\\s+" + CAP + "(?![\\p{L}])");
    /** Words after a name that make it a company: "Quellmark Corporation", "Acme Towing LLC". */
    private static final Pattern COMPANY_AFTER =
            Pattern.compile("^,?[ \\t]+" + WordList.alternatives("company-endings.txt") + "(?![\\p{L}])");

    private static final Pattern NUMBER_BEFORE = Pattern.compile("(?<![\\w.,:/-])\\d{1,6}(?:[ \\t]+\\d{1,5})?[ \\t]+$");
    /** A word with a capital inside, as product names are written ("WildCad", "FireNet"), unlike "McDonald". */
    private static final Pattern CAMEL =
            Pattern.compile("(?!Mc|Mac|De|Da|Di|La|Le|O['’])\\p{Lu}\\p{Ll}+\\p{Lu}.*|\\p{Lu}{2,}\\p{Ll}.*");
    /** Endings and beginnings that make a word from an ordinary one: "Submittals", "Underqualified". */
    private static final Pattern SUFFIX = Pattern.compile("(?:s|es|ed|ing|ers?|ly)$");

    private static final Pattern PREFIX =
            Pattern.compile("^(?:under|over|super|multi|inter|anti|semi|non|pre|sub|mis|out|un|re|co)");
    /**
     * Words after a first name that make the pair a place, not a person ("Kelly Peak", "Clark Fire",
     * "Vernon Oregon"): the words of places, features and states, and the first words of place names.
     */
    private static final Set<String> PLACE_WORDS = placeWords();

    private static Set<String> placeWords() {
        Set<String> words = new java.util.HashSet<>();
        for (String list : List.of("place-after.txt", "feature-terms.txt", "place-prefixes.txt")) {
            WordList.read(list).stream()
                    .filter(w -> !w.contains(" "))
                    .map(w -> w.replace(".", ""))
                    .forEach(words::add);
        }
        return Set.copyOf(words);
    }

    private static final Set<String> PLACE_PREFIXES = WordList.set("place-prefixes.txt");

    private static final Pattern NUMBER_AFTER = Pattern.compile("^[ \\t]+\\d{1,5}\\b");

    private final Lexicon lexicon;

    PersonNames() {
        this(Lexicon.shipped());
    }

    PersonNames(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public List<Suggestion> find(String text) {
        List<Found> found = new ArrayList<>();
        Matcher titled = TITLED.matcher(text);
        while (titled.find()) {
            boolean officer = !titled.group(1).matches(CIVIL_TITLES);
            String surname = lastWord(titled.group(2));
            // "Chief Ranger" is a rank; "Sgt. King" a name that is also a word (everyday-names.txt).
            boolean everydayName = EVERYDAY.contains(surname) && !surname.matches(OFFICER_TITLES);
            if (officer && plain(surname) && !everydayName || plainFunctionWord(titled.group(2))) {
                continue; // "Chief Ranger", "Deputy Superintendent": a rank, not a name
            }
            found.add(Found.person(
                    titled.start(),
                    titled.end(),
                    lastWord(titled.group(2)),
                    officer,
                    officer ? "a rank or title before a name" : "a title (Mr., Ms., Dr.…) before a name"));
        }
        Matcher lowerTitled = TITLED_LOWER.matcher(text);
        while (lowerTitled.find()) {
            // Known names only, one of them no ordinary word: "sgt. maria lopez", never "officer said".
            String first = capitalised(lowerTitled.group(2));
            String second = lowerTitled.group(3) == null ? null : capitalised(lowerTitled.group(3));
            boolean both = second != null
                    && knownName(first)
                    && knownName(second)
                    && (knownNameNotWord(first) || knownNameNotWord(second));
            if (!both && !knownNameNotWord(first)) {
                continue;
            }
            int end = both ? lowerTitled.end(3) : lowerTitled.end(2);
            boolean officer = !lowerTitled.group(1).matches("(?i:" + CIVIL_TITLES + ")");
            found.add(Found.person(
                    lowerTitled.start(),
                    end,
                    end == lowerTitled.end(3) ? second : first,
                    officer,
                    "a rank or title before a known name typed in lower case"));
        }
        Matcher pair = PAIR.matcher(text);
        while (pair.find()) {
            if (lexicon.firstNames.contains(pair.group(1))
                    && lexicon.surnames.contains(pair.group(2))
                    && !PLACE_WORDS.contains(pair.group(2))
                    && !PLACE_PREFIXES.contains(pair.group(1))
                    && !Lexicon.keptPlaceOrCalendarWord(pair.group(2))
                    && !(plain(pair.group(1)) && plain(pair.group(2)))) {
                found.add(Found.person(
                        pair.start(), pair.end(), pair.group(2), false, "a known first name before a known surname"));
            }
            // Pairs overlap ("Maria Lopez Garcia"): look again from the second word.
            pair.region(pair.start(2), text.length());
        }
        found.addAll(properNouns(text));
        Matcher cue = CUE.matcher(text);
        while (cue.find()) {
            if (!plainFunctionWord(cue.group(1))) {
                found.add(Found.person(
                        cue.start(1),
                        cue.end(1),
                        lastWord(cue.group(1)),
                        false,
                        "a name after \"my name is\", \"named\", \"hi\"…"));
            }
        }
        Matcher anyCase = ANY_CASE_CUE.matcher(text);
        while (anyCase.find()) {
            String word = anyCase.group(1);
            if (!plain(capitalised(word)) && !FUNCTION_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                found.add(Found.person(
                        anyCase.start(1),
                        anyCase.end(1),
                        CONTRACTION.matcher(word).replaceFirst(""),
                        false,
                        "a word that is no ordinary word after \"my name is\", \"I'm\", \"call me\"…"));
            }
        }
        Matcher speaker = SPEAKER.matcher(text);
        while (speaker.find()) {
            String word = speaker.group(1);
            if (!plain(capitalised(word))) {
                found.add(Found.person(
                        speaker.start(1),
                        speaker.end(1),
                        word,
                        false,
                        "who speaks in a transcript (\"Dana: …\"), a word that is no ordinary word"));
            }
        }
        Matcher lower = LOWER_WORD.matcher(text);
        while (lower.find()) {
            // Names typed in lower case on a phone: a known first name that is no ordinary word.
            String word = lower.group();
            if (word.length() >= 4
                    && lexicon.firstNames.contains(Lexicon.capitalised(word))
                    && !lexicon.isOrdinary(word)) {
                found.add(Found.person(
                        lower.start(), lower.end(), word, false, "a known first name typed in lower case"));
            }
        }
        found.addAll(coordinated(text, withoutOverlaps(found)));
        found = firms(text, found);
        List<Found> kept = withoutOverlaps(found);
        Map<String, Integer> numbers = new LinkedHashMap<>();
        Map<String, Boolean> officers = new LinkedHashMap<>();
        for (Found f : kept) {
            if (f.kind() == Kind.PERSON) {
                String key = f.key().toLowerCase(Locale.ROOT);
                numbers.putIfAbsent(key, numbers.size() + 1);
                officers.merge(key, f.officer(), Boolean::logicalOr);
            }
        }
        // Lone surnames of people already named ("Ramos said ...") get the same role.
        kept.addAll(alsoNamed(text, kept, numbers.keySet(), officers));
        List<Suggestion> suggestions = new ArrayList<>();
        for (Found f : kept) {
            String replacement = switch (f.kind()) {
                case PLACE -> "[CITY]";
                case ADDRESS -> "[ADDRESS]";
                case AGENCY -> "[COMPANY]";
                default -> {
                    String key = f.key().toLowerCase(Locale.ROOT);
                    yield "[" + (officers.get(key) ? "OFFICER" : "PERSON") + " " + numbers.get(key) + "]";
                }
            };
            suggestions.add(new Suggestion(f.start(), f.end(), f.kind(), replacement, f.why()));
        }
        return suggestions;
    }

    /**
     * Runs of capitalised words that hold at least one word that is not an ordinary word: names the
     * lists know, and names they do not ("Szöllösy", "Kenosha"). Ordinary words at either end are left
     * out ("Then Ruiz" marks "Ruiz"); a run found among US places, or after "in", "at", "near"..., is a
     * place; one followed by a house number is an address ("Kestrelvej 12"); the rest are people.
     */
    private List<Found> properNouns(String text) {
        Set<String> lowerHere = new java.util.HashSet<>();
        Matcher lower = LOWER_WORD.matcher(text);
        while (lower.find()) {
            lowerHere.add(lower.group());
        }
        List<int[]> tokens = new ArrayList<>();
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            tokens.add(new int[] {token.start(), token.end()});
        }
        List<Found> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j + 1 < tokens.size() && joined(text, tokens.get(j), tokens.get(j + 1))) {
                j++;
            }
            found.addAll(runOf(text, tokens.subList(i, j + 1), lowerHere));
            i = j + 1;
        }
        return found;
    }

    /** Whether two capitalised words belong to one name: a dot may follow an initial only ("Ana M. Okafor"). */
    private static boolean joined(String text, int[] word, int[] next) {
        String gap = text.substring(word[1], next[0]);
        return JOIN.matcher(gap).matches() && (!gap.startsWith(".") || word[1] - word[0] == 1);
    }

    private List<Found> runOf(String text, List<int[]> run, Set<String> lowerHere) {
        int first = 0;
        int last = run.size() - 1;
        String whole = text.substring(run.getFirst()[0], run.getLast()[1]);
        boolean allPlain = run.stream().allMatch(t -> plain(word(text, t)));
        // A town of ordinary words the gazetteer knows, after "in", "at", "near"...: "at Maple Grove".
        boolean placeCue = PLACE_BEFORE
                .matcher(text.substring(Math.max(0, run.getFirst()[0] - 12), run.getFirst()[0]))
                .find();
        if (lexicon.places.contains(whole) && run.size() > 1 && (!allPlain || placeCue)) {
            return List.of(new Found(
                    run.getFirst()[0],
                    run.getLast()[1],
                    whole,
                    false,
                    Kind.PLACE,
                    "a town or county the gazetteer knows"));
        }
        if (run.size() > 1 && ALL_CAPS.matcher(whole).matches() && run.stream().anyMatch(t -> plain(word(text, t)))) {
            // Text written in capitals: each stretch between ordinary words on its own. A stretch
            // without one is read as any run is (it was handed back here unchanged, without end, and
            // overflowed the stack).
            List<Found> stretches = new ArrayList<>();
            int from = 0;
            for (int k = 0; k <= run.size(); k++) {
                if (k == run.size() || plain(word(text, run.get(k)))) {
                    if (k > from) {
                        stretches.addAll(runOf(text, run.subList(from, k), lowerHere));
                    }
                    from = k + 1;
                }
            }
            return stretches;
        }
        while (last >= first && plain(word(text, run.get(last)))) {
            last--;
        }
        // Leading ordinary words go ("Then Ruiz"), but a first name stays before a name ("Ana M. Okafor").
        while (first < last
                && plain(word(text, run.get(first)))
                && !(lexicon.firstNames.contains(word(text, run.get(first)))
                        && word(text, run.get(first)).length() > 1)) {
            first++;
        }
        if (first > last || plain(word(text, run.get(first))) && first == last) {
            return List.of();
        }
        int start = run.get(first)[0];
        int end = run.get(last)[1];
        String span = text.substring(start, end);
        String lastWord = CONTRACTION.matcher(word(text, run.get(last))).replaceFirst("");
        boolean knownName = false;
        boolean knownPlace = lexicon.places.contains(span);
        for (int k = first; k <= last; k++) {
            knownName |= lexicon.isName(word(text, run.get(k)));
        }
        String before = text.substring(Math.max(0, start - 12), start);
        boolean shouted = ALL_CAPS.matcher(span).matches();
        boolean placeAfter = PLACE_AFTER
                .matcher(text.substring(end, Math.min(text.length(), end + 16)))
                .find();
        Matcher company = COMPANY_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 16)));
        if (company.find()) {
            return List.of(new Found(
                    start,
                    end + company.end(),
                    span,
                    false,
                    Kind.AGENCY,
                    "a name before a company's ending (Inc., LLC, Towing…)"));
        }
        String after = text.substring(end, Math.min(text.length(), end + 80));
        String lineBefore = text.substring(Math.max(0, start - 80), start);
        boolean addressBefore = ADDRESS_LINE.matcher(lineBefore).find()
                || STREET_BEFORE.matcher(lineBefore).find()
                || UNIT_BEFORE.matcher(lineBefore).find();
        boolean regionAfter = countryAfter(after) || REGION_AFTER.matcher(after).find();
        boolean townOfAddress =
                !span.contains("\n") && (addressBefore && (regionAfter || !knownName) || regionAfter && !knownName);
        if (townOfAddress
                || CORNER_BEFORE
                        .matcher(text.substring(Math.max(0, start - 80), start))
                        .find()) {
            // The town of a postal address is part of the address, which the reviewer hides as one.
            return List.of(new Found(
                    start,
                    end,
                    span,
                    false,
                    Kind.ADDRESS,
                    townOfAddress ? "the town line of a postal address" : "a street at \"the corner of\""));
        }
        if (!knownName && ORGANISATION_AFTER.matcher(after).find()) {
            // Said to be a company, a firm or a film: that beats a town of the same name.
            return List.of(new Found(start, end, span, false, Kind.AGENCY, "a name said to be a company or firm"));
        }
        if (!knownName
                && EMPLOYER_AFTER.matcher(after).find()
                && AT_BEFORE.matcher(before).find()) {
            return List.of(new Found(start, end, span, false, Kind.AGENCY, "where someone works (\"at … as a …\")"));
        }
        // "Irina K. Volkonskaya": a name, an initial and a name is a person's, even after "from".
        boolean initialled = last - first == 2
                && word(text, run.get(first + 1)).length() == 1
                && !plain(word(text, run.get(first)))
                && !plain(word(text, run.get(last)));
        boolean atPerson = initialled
                || PERSON_BEFORE
                        .matcher(text.substring(Math.max(0, start - 24), start))
                        .find();
        if (knownPlace && !knownName
                || shouted
                || placeAfter
                || !atPerson && PLACE_BEFORE.matcher(before).find() && (knownPlace || !knownName)) {
            String why = knownPlace && !knownName
                    ? "a town or county the gazetteer knows"
                    : shouted
                            ? "a name written in capitals"
                            : placeAfter
                                    ? "a name before a word for a place (National Forest, County, Dispatch…)"
                                    : "a name after \"in\", \"near\", \"from\"…";
            return List.of(new Found(start, end, span, false, Kind.PLACE, why));
        }
        String wider = text.substring(Math.max(0, start - 16), start);
        if (!knownName && run.size() == 1 && aloneOnLine(text, start, end) && !addressBefore) {
            // A lone unknown word on a line of its own in a signature or letterhead: the employer.
            return List.of(new Found(
                    start, end, span, false, Kind.AGENCY, "an unknown word on a line of its own, as in a letterhead"));
        }
        if (!knownName
                && (ORGANISATION_AFTER.matcher(after).find()
                        || EMPLOYER_BEFORE.matcher(wider).find())) {
            return List.of(new Found(start, end, span, false, Kind.AGENCY, "a name someone works for"));
        }
        Matcher number = NUMBER_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 8)));
        boolean streetCue = NUMBER_BEFORE
                        .matcher(text.substring(Math.max(0, start - 14), start))
                        .find()
                || STREET_CUE
                        .matcher(text.substring(Math.max(0, start - 12), start))
                        .find();
        if ((!knownName || streetCue) && number.find()) {
            // The house number may come first as well: "3301 Kestrelvej 12".
            Matcher house = NUMBER_BEFORE.matcher(text.substring(Math.max(0, start - 14), start));
            int from = house.find() ? start - (house.end() - house.start()) : start;
            return List.of(new Found(
                    from,
                    end + number.end(),
                    span,
                    false,
                    Kind.ADDRESS,
                    "a street's name with its house number (\"Kestrelvej 12\")"));
        }
        boolean writtenLowerHere = true;
        for (int k = first; k <= last && writtenLowerHere; k++) {
            String w = word(text, run.get(k));
            writtenLowerHere = plain(w) || lowerHere.contains(w.toLowerCase(Locale.ROOT));
        }
        if (!knownName && writtenLowerHere) {
            // Written in lower case elsewhere in the same text ("Submittals ... the submittals"): a word,
            // capitalised to start a sentence or a heading, not a name.
            return List.of();
        }
        return List.of(Found.person(
                start,
                end,
                lastWord,
                false,
                knownName
                        ? "capitalised words holding a known first name or surname"
                        : "capitalised words that are not ordinary English words"));
    }

    /**
     * Every other place each named person's surname stands alone, outside what was found, surname by
     * surname in the order they were numbered. One pass over the text finds them all: a pass per
     * surname grew with the square of a text naming many people.
     */
    private static List<Found> alsoNamed(
            String text, List<Found> kept, Collection<String> keys, Map<String, Boolean> officers) {
        Map<String, List<Found>> byKey = new LinkedHashMap<>();
        Map<String, List<String>> keysWritten = new HashMap<>();
        Map<String, Integer> freeFrom = new HashMap<>();
        Trie surnames = new Trie();
        for (String key : keys) {
            // "Fire" of "Clark Fire", "Division" of a division named after someone: a word of places or
            // a function word is no surname to look for elsewhere.
            if (!FUNCTION_WORDS.contains(key) && !PLACE_WORDS.contains(Lexicon.capitalised(key))) {
                String written = Lexicon.capitalised(key);
                byKey.put(key, new ArrayList<>());
                keysWritten.computeIfAbsent(written, w -> new ArrayList<>()).add(key);
                surnames.add(written);
            }
        }
        Spans found = new Spans(kept);
        for (int at = 0; at < text.length(); at++) {
            if (at > 0 && Character.isLetter(text.codePointBefore(at))) {
                continue;
            }
            for (String written : surnames.prefixesOf(text, at)) {
                int end = at + written.length();
                if (end < text.length() && Character.isLetter(text.codePointAt(end))) {
                    continue;
                }
                for (String key : keysWritten.get(written)) {
                    // As a search for the one surname would: whole words, one after another, never overlapping.
                    if (at >= freeFrom.getOrDefault(key, 0)) {
                        freeFrom.put(key, end);
                        if (!found.overlaps(at, end)) {
                            byKey.get(key)
                                    .add(Found.person(
                                            at,
                                            end,
                                            key,
                                            officers.get(key),
                                            "the surname of someone named elsewhere in the text"));
                        }
                    }
                }
            }
        }
        return byKey.values().stream().flatMap(List::stream).toList();
    }

    /** Words to find at any place of a text, looked up letter by letter from there. */
    private static final class Trie {

        private final Map<Character, Trie> next = new HashMap<>();
        private String word;

        void add(String w) {
            Trie node = this;
            for (int i = 0; i < w.length(); i++) {
                node = node.next.computeIfAbsent(w.charAt(i), c -> new Trie());
            }
            node.word = w;
        }

        /** The words that the text holds from {@code at} on, shortest first. */
        List<String> prefixesOf(String text, int at) {
            List<String> words = new ArrayList<>(1);
            Trie node = this;
            for (int i = at; i < text.length(); i++) {
                node = node.next.get(text.charAt(i));
                if (node == null) {
                    break;
                }
                if (node.word != null) {
                    words.add(node.word);
                }
            }
            return words;
        }
    }

    /**
     * Finds that do not overlap one another, by where they start: whether a stretch overlaps one of
     * them, or holds one, is answered without going through them all.
     */
    private static final class Spans {

        private final TreeMap<Integer, Found> byStart = new TreeMap<>();

        Spans(Collection<Found> disjoint) {
            disjoint.forEach(f -> byStart.put(f.start(), f));
        }

        Spans() {}

        void add(Found f) {
            byStart.put(f.start(), f);
        }

        boolean overlaps(int start, int end) {
            Map.Entry<Integer, Found> before = byStart.lowerEntry(end);
            return before != null && before.getValue().end() > start;
        }

        /** Whether a person's name lies wholly inside the stretch. */
        boolean holdsPerson(int start, int end) {
            return byStart.subMap(start, end).values().stream()
                    .anyMatch(f -> f.kind() == Kind.PERSON && f.end() <= end);
        }
    }

    /** Country names in English, as the JDK knows them (ISO 3166), and the two usual initialisms. */
    private static final Set<String> COUNTRIES = countries();

    private static Set<String> countries() {
        Set<String> names = new java.util.HashSet<>(Set.of("USA", "UK"));
        for (String code : Locale.getISOCountries()) {
            names.add(Locale.of("", code).getDisplayCountry(Locale.ENGLISH));
        }
        return Set.copyOf(names);
    }

    /** Whether a country's name follows, after a comma, a region code or a line break. */
    private static boolean countryAfter(String after) {
        String rest = after.replaceFirst("^[\\s,]*(?:\\p{Lu}{2}\\b[\\s,]*)?", "");
        for (String country : COUNTRIES) {
            if (rest.startsWith(country)) {
                return true;
            }
        }
        return false;
    }

    /** Before a list of surnames that names a firm: "The Okafor, Lindqvist and Baez Quartet", "a year at Hale, Moreno and Pike". */
    private static final Pattern FIRM_BEFORE =
            Pattern.compile("(?:\\bThe|(?i:\\bat|\\bfrom|\\bjoined|\\bfor))[ \\t]+$");

    /**
     * A list of three or more bare surnames after "The", "at" or "from" is a firm's name, not three
     * people: the list becomes one organisation.
     */
    private static List<Found> firms(String text, List<Found> found) {
        // Lists never overlap one another, so each find is inside one list at most: what a list holds
        // is looked up among the finds by where they start, and the finds are gone through once.
        Integer[] byStart = new Integer[found.size()];
        for (int i = 0; i < byStart.length; i++) {
            byStart[i] = i;
        }
        Arrays.sort(byStart, Comparator.comparingInt(i -> found.get(i).start()));
        int[] starts =
                Arrays.stream(byStart).mapToInt(i -> found.get(i).start()).toArray();
        boolean[] inFirm = new boolean[found.size()];
        List<Found> firms = new ArrayList<>();
        Matcher list = LIST.matcher(text);
        while (list.find()) {
            int start = list.start();
            int end = list.end();
            String before = text.substring(Math.max(0, start - 10), start);
            long members = list.group().split(",|\\s(?:and|or|&)\\s").length;
            String after = text.substring(end, Math.min(text.length(), end + 80));
            boolean firm = FIRM_BEFORE.matcher(before).find()
                    || aloneOnLine(text, start, end)
                    || ORGANISATION_AFTER.matcher(after).find();
            if (members < 3 || !firm || list.group().contains(".")) {
                continue;
            }
            List<Integer> inside = new ArrayList<>();
            for (int k = firstAtOrAfter(starts, start); k < starts.length && starts[k] < end; k++) {
                if (found.get(byStart[k]).end() <= end) {
                    inside.add(byStart[k]);
                }
            }
            if (inside.stream().allMatch(i -> found.get(i).kind() == Kind.PERSON)) {
                inside.forEach(i -> inFirm[i] = true);
                firms.add(new Found(
                        start, end, list.group(), false, Kind.AGENCY, "a list of surnames that names a firm"));
            }
        }
        List<Found> result = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            if (!inFirm[i]) {
                result.add(found.get(i));
            }
        }
        result.addAll(firms);
        return result;
    }

    /** Where the first value at or after {@code value} is in a sorted array (its length when none is). */
    private static int firstAtOrAfter(int[] sorted, int value) {
        int at = Arrays.binarySearch(sorted, value);
        if (at < 0) {
            return -at - 1;
        }
        while (at > 0 && sorted[at - 1] == value) {
            at--;
        }
        return at;
    }

    /** The others in a list of people one of whom is named: "Okafor, Lindqvist and Baez". */
    private static List<Found> coordinated(String text, List<Found> found) {
        List<Found> more = new ArrayList<>();
        Spans taken = new Spans(found);
        Matcher list = LIST.matcher(text);
        while (list.find()) {
            int start = list.start();
            int end = list.end();
            if (taken.holdsPerson(start, end)) {
                Matcher member = TOKEN.matcher(text).region(start, end);
                while (member.find()) {
                    int s = member.start();
                    int e = member.end();
                    if (!taken.overlaps(s, e)) {
                        more.add(Found.person(s, e, member.group(), false, "listed with someone already named"));
                    }
                }
            }
        }
        return more;
    }

    private boolean knownName(String word) {
        return lexicon.firstNames.contains(word) || lexicon.surnames.contains(word);
    }

    private boolean knownNameNotWord(String word) {
        return knownName(word) && !plain(word);
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static boolean plainFunctionWord(String words) {
        return FUNCTION_WORDS.contains(words.split("\\s+")[0].toLowerCase(Locale.ROOT));
    }

    /** An ordinary word, a short acronym (SWAT, DUI) or a lone letter: never a name on its own. */
    private boolean plain(String word) {
        String w = CONTRACTION.matcher(word).replaceFirst("");
        if (w.length() <= 1 || ACRONYM.matcher(w).matches()) {
            return true;
        }
        if (lexicon.isOrdinary(w) || EVERYDAY.contains(w) || CAMEL.matcher(w).matches()) {
            return true;
        }
        if (!knownName(w) && w.length() >= 7) {
            // Made from an ordinary word: "Submittals", "Underqualified" (never a known name: "Underwood").
            String lower = w.toLowerCase(Locale.ROOT);
            String stem = SUFFIX.matcher(lower).replaceFirst("");
            Matcher prefix = PREFIX.matcher(lower);
            String root = prefix.find() ? lower.substring(prefix.end()) : lower;
            if (!stem.equals(lower) && stem.length() >= 4 && lexicon.isOrdinary(stem)
                    || root.length() >= 5 && !root.equals(lower) && lexicon.isOrdinary(root)) {
                return true;
            }
        }
        for (String part : w.split("[-'’]")) {
            if (!part.isEmpty()
                    && !lexicon.isOrdinary(part)
                    && !ACRONYM.matcher(part).matches()) {
                return false;
            }
        }
        return w.contains("-");
    }

    private static String word(String text, int[] token) {
        return text.substring(token[0], token[1]);
    }

    /** What was found, the surname it is numbered by, and why it was marked (shown to the reviewer). */
    private record Found(int start, int end, String key, boolean officer, Kind kind, String why) {
        static Found person(int start, int end, String key, boolean officer, String why) {
            return new Found(start, end, key, officer, Kind.PERSON, why);
        }
    }

    /** The longer of two overlapping finds wins, then the earlier; the rest in reading order. */
    private static List<Found> withoutOverlaps(List<Found> found) {
        List<Found> byLength = new ArrayList<>(found);
        byLength.sort((a, b) -> a.end() - a.start() != b.end() - b.start()
                ? Integer.compare(b.end() - b.start(), a.end() - a.start())
                : Integer.compare(a.start(), b.start()));
        List<Found> kept = new ArrayList<>();
        Spans taken = new Spans();
        for (Found f : byLength) {
            if (!taken.overlaps(f.start(), f.end())) {
                kept.add(f);
                taken.add(f);
            }
        }
        kept.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return kept;
    }

    private static String lastWord(String name) {
        String[] words = name.split("\\s+");
        return words[words.length - 1];
    }
}
